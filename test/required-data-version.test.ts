import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

describe('REQUIRE_DATA_VERSION', () => {
  let waiting: SeededApp;
  let holding: SeededApp;

  beforeAll(async () => {
    waiting = await createSeededApp({ http: { requireDataVersion: '0123456789abcdef' } });
    holding = await createSeededApp({ http: { requireDataVersion: waiting.report.dataVersion } });
  }, 60_000);

  afterAll(async () => {
    await waiting?.close();
    await holding?.close();
  });

  it('refuses traffic with 503 problem+json and fails /ready until the replica holds the version', async () => {
    for (const url of ['/ready', '/roles', '/roles/ai-engineer/skills', '/openapi.json']) {
      const response = await waiting.app.inject({ url });
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after'], url).toBe('5');
      expect(response.json().detail, url).toContain('0123456789abcdef');
      expect(response.json().detail, url).toContain(waiting.report.dataVersion);
    }
    // Liveness, metrics and the description of the data it holds still answer.
    for (const url of ['/health', '/metrics', '/meta']) expect((await waiting.app.inject({ url })).statusCode, url).toBe(200);
    expect((await waiting.app.inject({ url: '/meta' })).json().dataVersion).toBe(waiting.report.dataVersion);
  });

  it('serves normally once the data is that version', async () => {
    const ready = await holding.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', dataVersion: waiting.report.dataVersion });
    expect((await holding.app.inject({ url: '/roles' })).statusCode).toBe(200);
  });
});

describe('replica configuration', () => {
  it('reads REDIS_URL and REQUIRE_DATA_VERSION, and names a malformed one', () => {
    const config = loadConfig({ REDIS_URL: 'redis://10.0.0.5:6379/0', REQUIRE_DATA_VERSION: 'abc123def456' });
    expect(config.http.redisUrl).toBe('redis://10.0.0.5:6379/0');
    expect(config.http.requireDataVersion).toBe('abc123def456');
    expect(loadConfig({}).http.redisUrl).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REQUIRE_DATA_VERSION: 'latest' })).toThrow(ConfigError);
  });
});
