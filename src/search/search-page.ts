import type { Lang } from '../lib/language.js';
import type { SearchKind } from './search-entries.js';
import type { SearchRepository } from './search-repository.js';
import { searchTokens } from './search-text.js';

/** One page of full-text hits, as `GET /search` and the MCP `search` tool answer it. */
export function searchPage(search: SearchRepository, query: { q: string; kind?: SearchKind; limit: number; offset: number }, lang: Lang) {
  const { q, kind, limit, offset } = query;
  // Blank or punctuation-only input is what a search box sends while empty: nothing matches it.
  const tokens = searchTokens(q);
  if (tokens.length === 0) return { items: [], total: 0, limit, offset };
  const { items, total } = search.search({ tokens, kind, lang, limit, offset });
  return { items, total, limit, offset };
}
