import { defineConfig } from 'vitest/config';

// The e2e suite drives the built extension in real Chromium (and Firefox); one browser at a time,
// since the machines have two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
