// Browser tests: the production build served on localhost, driven in Debian's Chromium via playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    // Every file: the CSP-violation check after all its tests.
    setupFiles: ['tests/e2e/setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time: Chromium's software WebGL already keeps both cores of the CI machine busy
    // (two files at once made each file about 2.3× slower, and tests hit their timeouts).
    fileParallelism: false,
    pool: 'forks',
  },
});
