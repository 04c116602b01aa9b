/** RFC 8288 `Link` header for one page of a list: first, prev, next and last, each the same URL with another offset. */
export function paginationLinks(url: string, page: { total: number; limit: number; offset: number }): string {
  const [path, query = ''] = url.split('?', 2);
  const at = (offset: number) => {
    const params = new URLSearchParams(query);
    params.set('limit', String(page.limit));
    params.set('offset', String(offset));
    return `<${path}?${params.toString()}>`;
  };
  const last = page.total === 0 ? 0 : Math.floor((page.total - 1) / page.limit) * page.limit;
  const links = [`${at(0)}; rel="first"`];
  if (page.offset > 0) links.push(`${at(Math.max(0, Math.min(page.offset - page.limit, last)))}; rel="prev"`);
  if (page.offset + page.limit < page.total) links.push(`${at(page.offset + page.limit)}; rel="next"`);
  links.push(`${at(last)}; rel="last"`);
  return links.join(', ');
}
