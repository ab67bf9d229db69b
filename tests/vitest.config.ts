import { defineProject } from 'vitest/config';
// Browser and multi-process tests: each file starts its own server on free ports.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts', 'integration/**/*.test.ts', 'support/**/*.test.ts', '../bench/**/*.test.ts'],
    testTimeout: 180000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
