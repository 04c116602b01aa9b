import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Whether the address `hop` steps from this server (0: the socket's peer) is a proxy to believe. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as one function. Fastify is given this function as its `trustProxy` (and uses a function
 * as it is), and the fast lane calls the same one, so a hit answered before routing reads the client's
 * address, host and protocol from X-Forwarded-* exactly when a routed request does. A number trusts
 * that many hops; a list, those addresses and CIDRs (proxy-addr's `compile`, as Fastify does).
 */
export function proxyTrust(setting: boolean | number | string[]): ProxyTrust | false {
  if (setting === false) return false;
  if (setting === true) return () => true;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyAddr.compile(setting);
}

/*
 * What Fastify's `request.ip`, `request.protocol` and `request.host` read for the same raw request
 * (fastify/lib/request.js): `test/proxy-trust.test.ts` compares them over a matrix of settings, peers
 * and headers, so a Fastify release that reads them otherwise fails it.
 */

/** The client's address: the socket's peer, or the first untrusted hop of X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust | false): string | undefined {
  if (trust === false) return req.socket.remoteAddress;
  const addresses = proxyAddr.all(req, trust);
  return addresses[addresses.length - 1];
}

/** 'https' or 'http': a trusted peer's last X-Forwarded-Proto entry, else the socket's. */
export function requestProtocol(req: IncomingMessage, trust: ProxyTrust | false): string {
  return forwardedByTrustedPeer(req, trust, 'x-forwarded-proto') ?? ((req.socket as TLSSocket).encrypted ? 'https' : 'http');
}

/** A trusted peer's last X-Forwarded-Host entry, else Host. */
export function requestHost(req: IncomingMessage, trust: ProxyTrust | false): string {
  return forwardedByTrustedPeer(req, trust, 'x-forwarded-host') ?? req.headers.host ?? '';
}

/** The field's last entry (as Fastify reads a field sent more than once) when present and sent by a trusted peer. */
function forwardedByTrustedPeer(req: IncomingMessage, trust: ProxyTrust | false, name: string): string | undefined {
  const value = req.headers[name];
  if (!value || trust === false || !trust(req.socket.remoteAddress ?? '', 0)) return undefined;
  const text = Array.isArray(value) ? value.join(',') : value;
  const comma = text.lastIndexOf(',');
  return comma === -1 ? text.trim() : text.slice(comma + 1).trim();
}
