/// <reference lib="dom" />
import './rolegraph.js';
import { escapeHtml as e } from '../html.js';
import type { SearchKind } from '../../search/search-entries.js';
import { SEARCH_LABELS } from '../search-labels.js';
import { componentSnippet, embedCardUrl, iframeSnippet, type ScriptRef } from '../snippets.js';

type Lang = 'pl' | 'en';
interface GraphNode { id: string; kind: SearchKind; name: string; url: string | null }

const TEXT = {
  pl: {
    title: 'Eksplorator ról i umiejętności', roles: 'Role', picture: 'Sąsiedztwo w grafie', neighbours: 'Powiązane', api: 'Zasób API (JSON)',
    embed: 'Osadź', component: 'Komponent webowy', iframe: 'Ramka (iframe)', oembed: 'oEmbed', copy: 'Kopiuj', copied: 'Skopiowano',
    pictureLabel: (name: string) => `Graf sąsiedztwa: ${name}. Kliknij węzeł, aby go otworzyć.`, missing: 'Nie ma takiego węzła.',
  },
  en: {
    title: 'Roles & skills explorer', roles: 'Roles', picture: 'Neighbourhood in the graph', neighbours: 'Related', api: 'API resource (JSON)',
    embed: 'Embed this', component: 'Web component', iframe: 'Iframe', oembed: 'oEmbed', copy: 'Copy', copied: 'Copied',
    pictureLabel: (name: string) => `Neighbourhood graph of ${name}. Click a node to open it.`, missing: 'No such node.',
  },
};

const origin = location.origin;
const $ = (id: string) => document.getElementById(id)!;

function state(): { node: string | null; lang: Lang } {
  const params = new URLSearchParams(location.search);
  return { node: params.get('node'), lang: params.get('lang') === 'en' ? 'en' : document.documentElement.lang === 'en' && !params.has('lang') ? 'en' : 'pl' };
}

function pageUrl(node: string | null, lang: Lang): string {
  const params = new URLSearchParams();
  if (node) params.set('node', node);
  params.set('lang', lang);
  return `/?${params}`;
}

/** Deep links: every entity has its URL; moving pushes history, so the back button goes back. */
function go(node: string | null, lang: Lang) {
  history.pushState(null, '', pageUrl(node, lang));
  void render();
}

async function getJson<T>(path: string): Promise<T | null> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  return response.ok ? ((await response.json()) as T) : null;
}

let rendering = 0;
async function render() {
  const run = ++rendering;
  const { node, lang } = state();
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  $('heading').textContent = t.title;
  const search = document.querySelector('rolegraph-search') ?? document.createElement('rolegraph-search');
  search.setAttribute('lang', lang);
  if (!search.isConnected) $('search-slot').append(search);
  const entity = $('entity');
  const picture = $('picture');
  const embed = $('embed');
  if (!node) {
    const roles = await getJson<{ items: { slug: string; name: string }[] }>(`/roles?limit=100&lang=${lang}`);
    if (run !== rendering) return;
    document.title = `rolegraph — ${t.title}`;
    entity.innerHTML = `<h2 id="entity-heading">${e(t.roles)}</h2><ul class="roles">${(roles?.items ?? [])
      .map((r) => `<li><a href="${e(pageUrl(`role:${r.slug}`, lang))}" data-node="role:${e(r.slug)}">${e(r.name)}</a></li>`)
      .join('')}</ul>`;
    picture.innerHTML = '';
    embed.hidden = true;
    return;
  }
  const [neighbours, svg] = await Promise.all([
    getJson<{ node: GraphNode; nodes: GraphNode[] }>(`/graph/nodes/${encodeURIComponent(node)}/neighbors?lang=${lang}`),
    fetch(`/graph/nodes/${encodeURIComponent(node)}/neighbors?format=svg&lang=${lang}`).then((r) => (r.ok ? r.text() : null)),
  ]);
  if (run !== rendering) return;
  if (!neighbours) {
    entity.innerHTML = `<h2 id="entity-heading">${e(node)}</h2><p role="alert">${e(t.missing)}</p>`;
    picture.innerHTML = '';
    embed.hidden = true;
    return;
  }
  const centre = neighbours.node;
  document.title = `${centre.name} — rolegraph`;
  const isRole = centre.kind === 'role';
  const slug = centre.id.slice(centre.id.indexOf(':') + 1);
  const related = neighbours.nodes
    .filter((n) => n.id !== centre.id)
    .map((n) => `<li><a href="${e(pageUrl(n.id, lang))}" data-node="${e(n.id)}">${e(n.name)}</a> <span class="kind">${e(SEARCH_LABELS[lang].kind(n.kind))}</span></li>`)
    .join('');
  entity.innerHTML =
    `<h2 id="entity-heading">${e(centre.name)} <span class="kind">${e(SEARCH_LABELS[lang].kind(centre.kind))}</span></h2>` +
    (isRole ? `<rolegraph-role slug="${e(slug)}" lang="${lang}" api="${e(origin)}"></rolegraph-role>` : '') +
    (centre.url ? `<p><a href="${e(`${centre.url}?lang=${lang}`)}">${e(t.api)}</a></p>` : '') +
    `<h2>${e(t.neighbours)}</h2><ul>${related}</ul>`;
  picture.innerHTML = `<h2 id="picture-heading">${e(t.picture)}</h2><div class="svg" tabindex="0" role="group" aria-label="${e(t.pictureLabel(centre.name))}"></div>`;
  if (svg) {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    picture.querySelector('.svg')!.append(document.importNode(parsed, true));
  }
  embed.hidden = !isRole;
  if (isRole) embed.innerHTML = embedPanel(slug, centre.name, lang);
}

/** A pinned script the server named in the page's head (version and integrity), for the snippets. */
function scriptRef(name: string, fallback: string): ScriptRef {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
  return { url: meta?.content || `${origin}${fallback}`, integrity: meta?.dataset.integrity || undefined };
}

function embedPanel(slug: string, name: string, lang: Lang): string {
  const t = TEXT[lang];
  const snippets = [
    [t.component, componentSnippet(scriptRef('rolegraph-component', '/embed/rolegraph.js'), slug, lang)],
    [t.iframe, iframeSnippet({ src: embedCardUrl(origin, slug, lang), title: name, resize: scriptRef('rolegraph-resize', '/embed/resize.js') })],
    [t.oembed, `${origin}/oembed?url=${encodeURIComponent(`${origin}/roles/${slug}?lang=${lang}`)}&format=json`],
  ];
  return `<h2 id="embed-heading">${e(t.embed)}</h2>${snippets
    .map(([title, code], i) => `<h3 id="snippet-${i}-title">${e(title)}</h3><pre aria-labelledby="snippet-${i}-title"><code id="snippet-${i}">${e(code)}</code></pre><button type="button" data-copy="snippet-${i}">${e(t.copy)}</button>`)
    .join('')}`;
}

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const lang = target.closest<HTMLElement>('[data-lang]')?.dataset.lang;
  if (lang === 'pl' || lang === 'en') return go(state().node, lang);
  const copy = target.closest<HTMLElement>('[data-copy]');
  if (copy) {
    void navigator.clipboard?.writeText($(copy.dataset.copy!).textContent ?? '').then(() => (copy.textContent = TEXT[state().lang].copied));
    return;
  }
  const anchor = target.closest('a');
  if (!anchor || (event as MouseEvent).ctrlKey || (event as MouseEvent).metaKey) return;
  const href = anchor.getAttribute('href') ?? anchor.getAttribute('xlink:href') ?? anchor.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
  const node = anchor.dataset?.node ?? (href?.startsWith('/?') ? new URLSearchParams(href.slice(2)).get('node') : null);
  if (!node) return;
  event.preventDefault();
  go(node, state().lang);
});
document.addEventListener('rolegraph-select', (event) => go((event as CustomEvent<{ id: string }>).detail.id, state().lang));
addEventListener('popstate', () => void render());
void render();
