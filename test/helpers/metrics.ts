import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

/** The value of an unlabelled metric in the app's /metrics (Prometheus text). */
export async function metricValue(app: Pick<FastifyInstance, 'inject'>, name: string): Promise<number> {
  const text = (await app.inject({ url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  expect(line, `${name} in /metrics`).toBeDefined();
  return Number(line!.split(' ')[1]);
}
