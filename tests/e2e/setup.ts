// Runs in every browser test file: after the file, no page may have reported a Content-Security-Policy
// violation (tests/e2e/appPage.ts listens for `securitypolicyviolation` in every document it opens).
import { afterAll, expect } from 'vitest';
import { cspViolationsSeen } from './appPage';

afterAll(() => {
  expect(cspViolationsSeen, 'Content-Security-Policy violations reported during this file').toEqual([]);
});
