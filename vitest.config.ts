import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/example-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Both cores: the end-to-end files are CPU-bound, and vitest would otherwise leave one idle.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
