/// <reference lib="dom" />
import type { RoleCard } from '../../schemas/card.js';
import { CARD_LABELS } from '../card-labels.js';
import { apiOf, escapeHtml as e, explorerUrl, langOf } from './api-origin.js';

const STYLE = `
:host{display:block;--rolegraph-bg:#fff;--rolegraph-fg:#1b1f24;--rolegraph-muted:#57606a;--rolegraph-accent:#0a58ca;--rolegraph-chip:#eef2f7;--rolegraph-border:#d0d7de;--rolegraph-radius:10px;--rolegraph-font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card{background:var(--rolegraph-bg);color:var(--rolegraph-fg);font:var(--rolegraph-font);border:1px solid var(--rolegraph-border);border-radius:var(--rolegraph-radius);padding:16px 18px}
h2{font-size:1.3em;margin:0 0 6px}h2 a{color:inherit;text-decoration:none}a:hover,a:focus{text-decoration:underline}
h3{font-size:.8em;text-transform:uppercase;letter-spacing:.05em;color:var(--rolegraph-muted);margin:14px 0 6px}
p{margin:0}ol{margin:0;padding-left:1.3em}ol>li{margin:6px 0}.name{font-weight:600}
ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px;margin:4px 0 0;padding:0}
ul a{display:inline-block;background:var(--rolegraph-chip);color:var(--rolegraph-accent);border-radius:999px;padding:1px 9px;font-size:.82em;text-decoration:none}
.counts,.status{color:var(--rolegraph-muted);font-size:.82em;margin-top:12px}.status{margin:0}
`;

/**
 * `<rolegraph-role slug="ai-engineer" lang="en">`: a role card in an open shadow root, themable with
 * `--rolegraph-*` custom properties and `::part()`; `data-state` says loading, ready or error.
 */
export class RolegraphRole extends HTMLElement {
  static observedAttributes = ['slug', 'lang', 'api'];
  private controller?: AbortController;
  private readonly root = this.attachShadow({ mode: 'open' });

  connectedCallback() {
    this.load();
  }

  disconnectedCallback() {
    this.controller?.abort();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.load();
  }

  private show(state: 'loading' | 'ready' | 'error', html: string) {
    this.dataset.state = state;
    this.root.innerHTML = `<style>${STYLE}</style>${html}`;
  }

  private async load() {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const slug = this.getAttribute('slug') ?? '';
    // A graph-node id (`role:ai-engineer`) names the role too.
    const role = slug.replace(/^role:/, '');
    const lang = langOf(this);
    const api = apiOf(this);
    const labels = CARD_LABELS[lang];
    this.show('loading', `<div class="card" part="card loading" aria-busy="true"><p class="status" role="status">${e(labels.loading)}</p></div>`);
    const error = (message: string) => this.show('error', `<div class="card" part="card error" role="alert"><p>${e(message)}</p></div>`);
    if (!slug) return error(labels.notFound(''));
    try {
      const response = await fetch(`${api}/roles/${encodeURIComponent(role)}/card?lang=${lang}`, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (controller.signal.aborted) return;
      if (response.status === 404) return error(labels.notFound(slug));
      if (!response.ok) return error(labels.failed);
      this.render((await response.json()) as RoleCard, api, lang);
      this.dispatchEvent(new CustomEvent('rolegraph-load', { bubbles: true, composed: true }));
    } catch {
      if (!controller.signal.aborted) error(labels.failed);
    }
  }

  private render(card: RoleCard, api: string, lang: 'pl' | 'en') {
    const labels = CARD_LABELS[lang];
    const link = (id: string, text: string, part: string) => `<a part="${part}" href="${e(explorerUrl(api, id, lang))}" target="_blank" rel="noopener">${e(text)}</a>`;
    const items = card.responsibilities
      .map(
        (r) =>
          `<li part="responsibility"><span class="name">${e(r.name)}</span>${
            r.technologies.length ? `<ul aria-label="${e(labels.technologies)}">${r.technologies.map((t) => `<li>${link(t.id, t.name, 'technology')}</li>`).join('')}</ul>` : ''
          }</li>`,
      )
      .join('');
    this.show(
      'ready',
      `<article class="card" part="card" lang="${lang}"><h2 part="title">${link(card.id, card.name, 'title-link')}</h2>${
        card.definition ? `<p part="definition">${e(card.definition)}</p>` : ''
      }<h3>${e(labels.responsibilities)}</h3><ol part="responsibilities">${items}</ol><p class="counts" part="counts">${e(labels.counts(card.counts))}</p></article>`,
    );
  }
}
