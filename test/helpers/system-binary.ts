import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Tests that drive a system program (Chromium, redis-server, kubectl, nginx) need it installed; `.ci/run`
 * installs them. On a developer's machine without one, its tests skip with one line saying what to install;
 * with CI=true a missing program fails the run instead, so CI can never pass by skipping.
 * Returns whether the program is there (for `describe.skipIf(!…)`).
 */
export function systemBinary(program: string, install: string): boolean {
  if (isExecutable(program)) return true;
  const message = `${program} is not installed (${install}): skipping its tests`;
  if (process.env.CI === 'true') throw new Error(`${message.replace(': skipping its tests', '')}; CI must have it`);
  console.warn(message);
  return false;
}

function isExecutable(program: string): boolean {
  const candidates = program.includes('/') ? [program] : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, program));
  return candidates.some((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
