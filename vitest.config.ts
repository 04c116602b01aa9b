import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One file at a time: the apps under test guard against event-loop delay (503 past 1 s), and on a
    // two-core machine a CPU-heavy file (type-checking a generated client, fuzzing) beside them trips it.
    fileParallelism: false,
  },
});
