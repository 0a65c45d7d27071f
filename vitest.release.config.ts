import { defineConfig } from 'vitest/config';

// The release tests check what `npm run package` wrote in release/: the zips' contents and manifests, web-ext lint,
// a smoke run of the packaged Chrome extension, and a rebuild from the source zip. One file at a time (2 cores).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/release/**/*.release.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
