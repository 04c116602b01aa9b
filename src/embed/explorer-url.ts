/** The explorer's page of a graph node: the URL people open, share and embed. */
export function explorerPath(nodeId: string, lang?: string): string {
  // Node ids are `kind:key` with keys in [a-z0-9._-]: nothing in them needs escaping in a query.
  return `/?node=${nodeId}${lang ? `&lang=${lang}` : ''}`;
}
