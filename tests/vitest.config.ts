import { defineProject } from 'vitest/config';
// Browser and multi-process tests: each file starts its own server on free ports.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts', 'integration/**/*.test.ts', 'support/**/*.test.ts', '../bench/**/*.test.ts'],
    // bench/node_modules links to this package's node_modules: the default exclude does not reach
    // through '../', so name it, or the libraries' own test files would run.
    exclude: ['**/node_modules/**', '../bench/node_modules/**'],
    testTimeout: 180000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
