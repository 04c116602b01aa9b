import { hostCsp } from '../../src/embed/snippets.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the host site answers at a path: HTML, or any body with its own type and headers (a CSP, a script). */
export type HostResponse = string | { body: string; type?: string; headers?: Record<string, string> };

/** A plain site on another origin, as an embedding page would be: serves whatever a test puts at a path. */
export interface HostSite {
  origin: string;
  pages: Map<string, HostResponse>;
  close(): Promise<void>;
}

export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<string, HostResponse>();
  const server: Server = createServer((request, response) => {
    const page = pages.get(new URL(request.url ?? '/', 'http://host').pathname);
    const { body, type, headers } = typeof page === 'object' ? page : { body: page, type: undefined, headers: {} };
    response.writeHead(page ? 200 : 404, { 'content-type': type ?? 'text/html; charset=utf-8', ...headers });
    response.end(body ?? 'not found');
  });
  // localhost, while the API listens on 127.0.0.1: another host and port, so another origin.
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    pages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The page around a snippet: a heading and a landmark, so the accessibility check judges the snippet, not the page. */
export function hostPage(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

/** docs/embedding.md's policy under `default-src 'self'`, and nothing else; `img-src data:` is the test page's own icon. */
export function strictCsp(api: string): string {
  return `default-src 'self'; ${hostCsp(api)}; img-src 'self' data:`;
}
