import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientAddress, proxyTrust, requestHost, requestProtocol } from '../src/http/proxy-trust.js';

/**
 * The fast lane reads client address, protocol and host with src/http/proxy-trust.ts; routed requests
 * read them through Fastify's request.ip, request.protocol and request.host, given the same trust
 * function. Both must agree for every TRUST_PROXY form, peer and X-Forwarded-* combination, or a hit
 * would be keyed, rate limited or marked HSTS differently by the path that happens to answer it.
 */
const SETTINGS: (boolean | number | string[])[] = [false, true, 1, 2, ['127.0.0.1'], ['10.0.0.0/8', '127.0.0.1'], ['10.0.0.0/8'], ['loopback']];
const PEERS = ['127.0.0.1', '10.1.2.3', '203.0.113.9'];
const FORWARDED: Record<string, string>[] = [
  {},
  { 'x-forwarded-for': '198.51.100.7' },
  { 'x-forwarded-for': '198.51.100.7, 10.0.0.5' },
  { 'x-forwarded-for': '198.51.100.7, 10.0.0.5, 127.0.0.1' },
  { 'x-forwarded-proto': 'https' },
  { 'x-forwarded-proto': 'http, https' },
  { 'x-forwarded-proto': 'https , http ' },
  { 'x-forwarded-host': 'a.example' },
  { 'x-forwarded-host': 'b.example, a.example' },
  { 'x-forwarded-host': 'c.example,b.example, a.example', 'x-forwarded-proto': 'https, http, https' },
  { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'a.example:8443' },
];

describe('proxy trust', () => {
  it("reads client address, protocol and host as Fastify's request does, for every setting, peer and X-Forwarded-* combination", async () => {
    let compared = 0;
    for (const setting of SETTINGS) {
      const trust = proxyTrust(setting);
      const app = Fastify({ trustProxy: trust });
      app.get('/', async (request) => ({
        fastify: [request.ip, request.protocol, request.host],
        lane: [clientAddress(request.raw, trust), requestProtocol(request.raw, trust), requestHost(request.raw, trust)],
      }));
      for (const remoteAddress of PEERS) {
        for (const headers of FORWARDED) {
          const answer = (await app.inject({ method: 'GET', url: '/', remoteAddress, headers: { host: 'origin.example', ...headers } })).json() as { fastify: string[]; lane: string[] };
          expect(answer.lane, `${JSON.stringify(setting)} from ${remoteAddress} with ${JSON.stringify(headers)}`).toEqual(answer.fastify);
          compared++;
        }
      }
      await app.close();
    }
    expect(compared).toBe(SETTINGS.length * PEERS.length * FORWARDED.length);
  });

  it('a number trusts that many hops from the socket; a list, its addresses and ranges; false, none', () => {
    expect(proxyTrust(false)).toBe(false);
    const two = proxyTrust(2) as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => two('203.0.113.9', hop))).toEqual([true, true, false]);
    const list = proxyTrust(['10.0.0.0/8']) as (address: string, hop: number) => boolean;
    expect([list('10.9.8.7', 0), list('11.0.0.1', 0)]).toEqual([true, false]);
  });
});
