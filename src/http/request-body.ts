import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request says a body follows its headers. Such a request is not complete when it is routed:
 * its body may still be refused by Node's parser (bad chunk framing), which then answers 400 itself. A
 * stored answer given before that would make two responses to one request, so answers that need no
 * body (cached GET/HEAD) wait for it to end, or leave the request to the routed path.
 */
export function announcesBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}
