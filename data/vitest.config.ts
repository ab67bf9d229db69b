import { defineProject } from 'vitest/config';
export default defineProject({ test: { name: 'data', include: ['**/*.test.ts'], exclude: ['node_modules/**'], testTimeout: 60000 } });
