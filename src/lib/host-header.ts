/** A host name as ALLOWED_HOSTS and the Host header give it: a DNS name (underscores allowed: container names have them), IPv4, or a bracketed IPv6 literal. */
const HOST_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*|\[[0-9a-f:.]+\])$/;
const PORT = /^:\d{1,5}$/;

export interface HostParts {
  /** Lower case; an IPv6 literal keeps its brackets. */
  name: string;
  /** Absent when the Host names none (the scheme's default). */
  port?: number;
}

/**
 * A Host header value (or an ALLOWED_HOSTS entry) as its name and port, or undefined when it is not a plain
 * host[:port]: no path, user, space or port past 65535. String work only: this runs on every cached hit.
 */
export function splitHost(host: string | undefined): HostParts | undefined {
  if (!host) return undefined;
  const lower = host.toLowerCase();
  const end = lower.startsWith('[') ? lower.indexOf(']') + 1 : lower.indexOf(':') === -1 ? lower.length : lower.indexOf(':');
  if (end === 0) return undefined;
  const name = lower.slice(0, end);
  const rest = lower.slice(end);
  if (!HOST_NAME.test(name)) return undefined;
  if (rest === '') return { name };
  if (!PORT.test(rest)) return undefined;
  const port = Number(rest.slice(1));
  return port <= 65535 ? { name, port } : undefined;
}

/** An ALLOWED_HOSTS entry in the form it is matched in (`name` or `name:port`, lower case), or undefined when it is not host[:port]. */
export function allowedHostEntry(entry: string): string | undefined {
  const parts = splitHost(entry.trim());
  if (parts === undefined) return undefined;
  return parts.port === undefined ? parts.name : `${parts.name}:${parts.port}`;
}
