import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Every request the client sends to a fake and every answer a fake sends is checked against
    // the vendor's contract (test/contract); a violation fails the test.
    setupFiles: ['test/contract/contract-setup.ts'],
    // Focused tests must never reach CI silently.
    allowOnly: false,
  },
});
