import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';

/** rolegraph's mark for Swagger UI: three nodes and the edges between them, as the API serves its graph. */
const MARK = (size: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">` +
  '<rect width="32" height="32" rx="6" fill="#1f3a5f"/>' +
  '<path d="M9 22 L16 9 L23 22 Z" fill="none" stroke="#9ecbff" stroke-width="2"/>' +
  '<circle cx="16" cy="9" r="4" fill="#ffd166"/><circle cx="9" cy="22" r="4" fill="#06d6a0"/><circle cx="23" cy="22" r="4" fill="#ef476f"/>' +
  '</svg>';

const WORDMARK =
  '<svg xmlns="http://www.w3.org/2000/svg" width="180" height="40" viewBox="0 0 180 40">' +
  '<g transform="translate(4 4)">' +
  '<path d="M9 22 L16 9 L23 22 Z" fill="none" stroke="#9ecbff" stroke-width="2"/>' +
  '<circle cx="16" cy="9" r="4" fill="#ffd166"/><circle cx="9" cy="22" r="4" fill="#06d6a0"/><circle cx="23" cy="22" r="4" fill="#ef476f"/></g>' +
  '<text x="42" y="27" font-family="sans-serif" font-size="20" font-weight="600" fill="#ffffff">rolegraph</text>' +
  '</svg>';

/** @fastify/swagger-ui options that put rolegraph's name, mark and favicon where the framework's were. */
export const SWAGGER_UI_BRAND: Pick<FastifySwaggerUiOptions, 'theme' | 'logo'> = {
  theme: {
    title: 'rolegraph API',
    favicon: [
      { filename: 'favicon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: Buffer.from(MARK(32)) },
    ],
  },
  logo: { type: 'image/svg+xml', content: Buffer.from(WORDMARK), href: '/docs', target: '_self' },
};
