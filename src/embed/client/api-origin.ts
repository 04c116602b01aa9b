/// <reference lib="dom" />
/** Where the API is: the element's `api` attribute, else the origin this script was loaded from. */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

export function apiOf(element: HTMLElement): string {
  return (element.getAttribute('api') || SCRIPT_ORIGIN).replace(/\/+$/, '');
}

export function langOf(element: HTMLElement): 'pl' | 'en' {
  const lang = (element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang') || 'pl').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'pl';
}

export function explorerUrl(api: string, nodeId: string, lang: string): string {
  // Node ids are `kind:key` with keys in [a-z0-9._-]: the same URL the server builds, unescaped.
  return `${api}/?node=${nodeId}&lang=${lang}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
