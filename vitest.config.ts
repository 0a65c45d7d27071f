import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup.ts'],
    // Property tests and fake-indexeddb transactions are slower than pure unit tests on 2 cores.
    testTimeout: 20_000,
  },
});
