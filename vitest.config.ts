import { defineConfig } from 'vitest/config';
import { systemBinary } from './test/helpers/system-binary.js';

/** Browser tests drive Debian's Chromium: without it they skip (one line says what to install), and with CI=true the run fails. */
const BROWSER_TESTS = ['test/embed-browser.test.ts', 'test/packages.test.ts'];
const chromium = systemBinary('/usr/bin/chromium', 'apt-get install chromium');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One database seeded per run from the real document, for the files that only read it.
    globalSetup: ['test/global-setup.ts'],
    exclude: chromium ? [] : BROWSER_TESTS,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One file at a time: the apps under test guard against event-loop delay (503 past 1 s), and on a
    // two-core machine a CPU-heavy file (type-checking a generated client, fuzzing) beside them trips it.
    fileParallelism: false,
  },
});
