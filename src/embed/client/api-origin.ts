/// <reference lib="dom" />
/** Where the API is: the element's `api` attribute, else the origin this script was loaded from. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

export function apiOf(element: HTMLElement): string {
  return (element.getAttribute('api') || SCRIPT_ORIGIN).replace(/\/+$/, '');
}

/** The element's language (its own `lang` or the nearest ancestor's, any BCP 47 tag), as one of ours. */
export function langOf(element: HTMLElement): 'pl' | 'en' {
  const lang = (element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang') || 'pl').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'pl';
}

export function explorerUrl(api: string, nodeId: string, lang: string): string {
  // Node ids are `kind:key` with keys in [a-z0-9._-]: the same URL the server builds, unescaped.
  return `${api}/?node=${nodeId}&lang=${lang}`;
}

/** Event details carry absolute URLs, so a host page on another origin can link them as they are. */
export function absolute(api: string, path: string): string {
  return new URL(path, `${api}/`).href;
}
