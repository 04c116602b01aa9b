import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemBinary } from './helpers/system-binary.js';

describe('tests that need a system program', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it('run when it is installed (on PATH or by path)', () => {
    expect(systemBinary('sh', 'apt-get install dash')).toBe(true);
    expect(systemBinary('/bin/sh', 'apt-get install dash')).toBe(true);
  });

  it('skip outside CI with one line saying what to install', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(systemBinary('rolegraph-no-such-program', 'apt-get install nothing')).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe('rolegraph-no-such-program is not installed (apt-get install nothing): skipping its tests');
  });

  it('fail the run with CI=true', () => {
    process.env.CI = 'true';
    expect(() => systemBinary('/usr/bin/rolegraph-no-such-program', 'apt-get install nothing')).toThrow(/not installed \(apt-get install nothing\); CI must have it/);
  });
});
