import type { FastifyRequest } from 'fastify';
import { allowedHostEntry, splitHost } from '../lib/host-header.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Which origin identifiers and links in a response are built from. */
    identifierOrigins: IdentifierOrigins;
  }
}

export interface IdentifierOriginOptions {
  /** PUBLIC_BASE_URL's origin: when set, every response names it, whatever the Host. */
  publicOrigin: string | null;
  /** Hosts (`name`, any port, or `name:port`) whose Host header may shape identifiers when no public origin is set. */
  allowedHosts: readonly string[];
  /** The origin of identifiers for any other Host (a foreign, missing or malformed one). */
  defaultOrigin: string;
}

const RECENT_HOSTS = 64;

/**
 * The origin of absolute identifiers and links (JSON-LD `@id`s, oEmbed and card links, export IRIs), and
 * so of the response cache's key: the configured public origin; otherwise the Host the client sent, but
 * only when it is on the allow-list, else the default origin. Any client can set Host, so an unlisted one
 * must neither appear in a response nor make the cache (or the per-origin exports) keep one more copy.
 * A foreign Host gets the default origin's answer rather than a 400, so a request through a proxy that
 * rewrites Host never breaks; it just names the default origin.
 */
export class IdentifierOrigins {
  readonly publicOrigin: string | null;
  readonly defaultOrigin: string;
  /** Entries without a port: the name matches with any port. */
  readonly #anyPort = new Set<string>();
  /** Entries with a port: only that port (the scheme's default port when the Host names none). */
  readonly #withPort = new Set<string>();
  /** The last few answers by `protocol://host`: this runs on every cached hit, and nearly every request names one of a few hosts. */
  readonly #recent = new Map<string, string>();

  constructor(options: IdentifierOriginOptions) {
    this.publicOrigin = options.publicOrigin;
    this.defaultOrigin = options.defaultOrigin;
    for (const entry of options.allowedHosts) {
      const normalized = allowedHostEntry(entry);
      if (normalized === undefined) throw new Error(`allowed host "${entry}" is not host[:port]`);
      (splitHost(normalized)?.port === undefined ? this.#anyPort : this.#withPort).add(normalized);
    }
  }

  /** Whether the Host never changes a response (a public origin is configured). */
  get hostIndependent(): boolean {
    return this.publicOrigin !== null;
  }

  /** The origin for a request made with this protocol and Host (both as Fastify reads them). */
  of(protocol: string, host: string | undefined): string {
    if (this.publicOrigin !== null) return this.publicOrigin;
    const key = `${protocol}://${host ?? ''}`;
    let origin = this.#recent.get(key);
    if (origin === undefined) {
      origin = this.fromHost(protocol, host) ?? this.defaultOrigin;
      // Bounded: a client sending a new Host each time only refills it.
      if (this.#recent.size >= RECENT_HOSTS) this.#recent.clear();
      this.#recent.set(key, origin);
    }
    return origin;
  }

  /** `protocol://host[:port]`, normalized as `URL.origin` would be, for an allowed Host; undefined for any other. */
  private fromHost(protocol: string, host: string | undefined): string | undefined {
    if (protocol !== 'http' && protocol !== 'https') return undefined;
    const parts = splitHost(host);
    if (parts === undefined) return undefined;
    const defaultPort = protocol === 'https' ? 443 : 80;
    const port = parts.port ?? defaultPort;
    if (!this.#anyPort.has(parts.name) && !this.#withPort.has(`${parts.name}:${port}`)) return undefined;
    return port === defaultPort ? `${protocol}://${parts.name}` : `${protocol}://${parts.name}:${port}`;
  }
}

/** The origin of identifiers in a response (see IdentifierOrigins). */
export function originFor(request: FastifyRequest): string {
  return request.server.identifierOrigins.of(request.protocol, request.host);
}
