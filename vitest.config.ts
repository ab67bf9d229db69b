import { defineConfig } from 'vitest/config';

// One `vitest run` covers every package; each package's own config says how its tests run.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'client', 'data', 'tests'],
  },
});
