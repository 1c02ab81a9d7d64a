import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/example-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Both cores: the end-to-end files are CPU-bound, and vitest would otherwise leave one idle.
    maxWorkers: 2,
    // Files share a worker's loaded modules (the render stack takes ~1.5 s to import per file);
    // the tests keep no state between files that this would disturb.
    isolate: false,
    reporters: ['default'],
  },
});
