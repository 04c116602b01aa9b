/// <reference lib="dom" />
import type { Suggestion } from '../../schemas/search.js';
import { apiOf, escapeHtml as e, langOf } from './api-origin.js';

const LABELS = {
  pl: { label: 'Szukaj ról, technologii i umiejętności', placeholder: 'np. kube, Python, Inżynier AI', none: 'Brak podpowiedzi', count: (n: number) => `Podpowiedzi: ${n}` },
  en: { label: 'Search roles, technologies and skills', placeholder: 'e.g. kube, Python, AI Engineer', none: 'No suggestions', count: (n: number) => `${n} suggestions` },
};

const STYLE = `
:host{display:block;position:relative;font:var(--rolegraph-font,15px/1.45 system-ui,sans-serif);--rolegraph-accent:#0a58ca}
label{display:block;font-size:.85em;margin-bottom:4px;color:var(--rolegraph-muted,#57606a)}
input{box-sizing:border-box;width:100%;font:inherit;padding:7px 10px;border:1px solid var(--rolegraph-border,#8c959f);border-radius:var(--rolegraph-radius,8px);background:var(--rolegraph-bg,#fff);color:var(--rolegraph-fg,#1b1f24)}
input:focus{outline:2px solid var(--rolegraph-accent);outline-offset:1px}
ul{position:absolute;z-index:10;left:0;right:0;margin:2px 0 0;padding:4px 0;list-style:none;background:var(--rolegraph-bg,#fff);color:var(--rolegraph-fg,#1b1f24);border:1px solid var(--rolegraph-border,#8c959f);border-radius:var(--rolegraph-radius,8px);box-shadow:0 4px 14px rgba(0,0,0,.12)}
li{padding:5px 10px;cursor:pointer;display:flex;justify-content:space-between;gap:8px}
li[aria-selected=true],li:hover{background:var(--rolegraph-chip,#e7eefc)}
.kind{color:var(--rolegraph-muted,#57606a);font-size:.8em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;

/**
 * `<rolegraph-search lang="en">`: a combobox (ARIA 1.2 pattern) with suggestions from
 * /search/suggest; choosing one emits `rolegraph-select` with the suggestion as `detail`.
 */
export class RolegraphSearch extends HTMLElement {
  static observedAttributes = ['lang'];
  private readonly root = this.attachShadow({ mode: 'open', delegatesFocus: true });
  private items: Suggestion[] = [];
  private active = -1;
  private timer?: ReturnType<typeof setTimeout>;
  private controller?: AbortController;

  connectedCallback() {
    if (!this.root.firstChild) this.build();
  }

  attributeChangedCallback() {
    if (!this.root.firstChild) return;
    const labels = LABELS[langOf(this)];
    this.byPart('label').textContent = labels.label;
    this.input.placeholder = labels.placeholder;
  }

  private byPart(name: string): HTMLElement {
    return this.root.querySelector(`[part~="${name}"]`)!;
  }

  private get input(): HTMLInputElement {
    return this.byPart('input') as HTMLInputElement;
  }

  private build() {
    const labels = LABELS[langOf(this)];
    this.root.innerHTML = `<style>${STYLE}</style><label part="label" for="q">${e(labels.label)}</label><input part="input" id="q" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="list" autocomplete="off" spellcheck="false" placeholder="${e(labels.placeholder)}"><ul part="listbox" id="list" role="listbox" aria-label="${e(labels.label)}" hidden></ul><div class="sr" role="status" aria-live="polite"></div>`;
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.suggest(this.input.value.trim()), 120);
    });
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    const list = this.byPart('listbox');
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = (event.target as Element).closest('li');
      if (option) this.choose(Number(option.dataset.index));
    });
  }

  private async suggest(q: string) {
    this.controller?.abort();
    if (!q) return this.close();
    const controller = (this.controller = new AbortController());
    try {
      const response = await fetch(`${apiOf(this)}/search/suggest?${new URLSearchParams({ q, lang: langOf(this), limit: '8' })}`, { signal: controller.signal });
      if (!response.ok) return this.close();
      this.items = ((await response.json()) as { items: Suggestion[] }).items;
      this.active = -1;
      this.renderList();
    } catch {
      // Aborted by newer typing, or offline: the box stays usable.
    }
  }

  private renderList() {
    const list = this.byPart('listbox');
    list.innerHTML = this.items
      .map((s, i) => `<li role="option" id="o${i}" data-index="${i}" aria-selected="${i === this.active}"><span>${e(s.name)}</span><span class="kind">${e(s.kind)}</span></li>`)
      .join('');
    list.hidden = this.items.length === 0;
    this.input.setAttribute('aria-expanded', String(this.items.length > 0));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `o${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    const labels = LABELS[langOf(this)];
    this.root.querySelector('[role=status]')!.textContent = this.items.length ? labels.count(this.items.length) : labels.none;
  }

  private onKey(event: KeyboardEvent) {
    const n = this.items.length;
    if (event.key === 'ArrowDown' && n) this.active = (this.active + 1) % n;
    else if (event.key === 'ArrowUp' && n) this.active = (this.active - 1 + n) % n;
    else if (event.key === 'Enter' && this.active >= 0) this.choose(this.active);
    else if (event.key === 'Escape') this.close();
    else return;
    event.preventDefault();
    if (event.key.startsWith('Arrow')) this.renderList();
  }

  private choose(index: number) {
    const suggestion = this.items[index];
    if (!suggestion) return;
    this.input.value = suggestion.name;
    this.close();
    this.dispatchEvent(new CustomEvent('rolegraph-select', { detail: suggestion, bubbles: true, composed: true }));
  }

  private close() {
    this.items = [];
    this.active = -1;
    if (this.root.firstChild) this.renderList();
  }
}
