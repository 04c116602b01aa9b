/**
 * Pages under /embed/ are made to be framed by any site (the iframe card); everything else keeps
 * `frame-ancestors 'none'` and `X-Frame-Options`, so the API's other pages cannot be clickjacked.
 */
export const EMBED_PATH_PREFIX = '/embed/';
export const EMBED_FRAME_ANCESTORS = ['*'];
export const DEFAULT_FRAME_ANCESTORS = ["'none'"];

export function isEmbedPath(url: string | undefined): boolean {
  return url?.startsWith(EMBED_PATH_PREFIX) === true;
}
