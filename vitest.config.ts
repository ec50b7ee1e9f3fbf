import { defineConfig } from 'vitest/config';

// Many tests build a bot over the real corpus (about a second on a developer machine); CI runners
// are slower and run files in parallel, so the defaults (5 s per test, 10 s per hook) are too tight.
// Speed itself is measured by `npm run bench`, never by a test's time.
// The global setup provides a real PostgreSQL to the store tests (test/support/pg-cluster.ts).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/pg-cluster.ts'],
  },
});
