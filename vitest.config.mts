import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup/quietLogs.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests each start Chromium; two at once is what 2 cores hold.
    maxWorkers: 2,
  },
});
