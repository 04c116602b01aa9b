/// <reference lib="dom" />
import type { Suggestion } from '../../schemas/search.js';
import { escapeHtml as e } from '../html.js';
import { SEARCH_LABELS } from '../search-labels.js';
import { SEARCH_CSS } from '../search-style.js';
import { absolute, apiOf, langOf } from './api-origin.js';
import { sharedSheet } from './stylesheet.js';

/** `rolegraph-select`'s detail: the suggestion, its `url` and `sameAs[].url` made absolute. */
export type SearchSelectDetail = Suggestion;

const sheet = sharedSheet(SEARCH_CSS);

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

  constructor() {
    super();
    this.root.adoptedStyleSheets = [sheet()];
  }

  connectedCallback() {
    if (!this.root.firstChild) this.build();
  }

  attributeChangedCallback() {
    if (!this.root.firstChild) return;
    const labels = this.labels();
    this.byPart('label').textContent = labels.label;
    this.byPart('listbox').setAttribute('aria-label', labels.label);
    this.input.placeholder = labels.placeholder;
  }

  private labels() {
    return SEARCH_LABELS[langOf(this)];
  }

  private byPart(name: string): HTMLElement {
    return this.root.querySelector(`[part~="${name}"]`)!;
  }

  private get input(): HTMLInputElement {
    return this.byPart('input') as HTMLInputElement;
  }

  private build() {
    const labels = this.labels();
    this.root.innerHTML = `<label part="label" for="q">${e(labels.label)}</label><input part="input" id="q" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="list" autocomplete="off" spellcheck="false" placeholder="${e(labels.placeholder)}"><ul part="listbox" id="list" role="listbox" aria-label="${e(labels.label)}" hidden></ul><div class="sr" part="status" role="status" aria-live="polite"></div>`;
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

  private async suggest(q: string, active = -1) {
    this.controller?.abort();
    if (!q) return this.close();
    const controller = (this.controller = new AbortController());
    const api = apiOf(this);
    try {
      const response = await fetch(`${api}/search/suggest?${new URLSearchParams({ q, lang: langOf(this), limit: '8' })}`, { signal: controller.signal });
      if (!response.ok) return this.close();
      const items = ((await response.json()) as { items: Suggestion[] }).items;
      const abs = (url: string | null) => (url === null ? null : absolute(api, url));
      this.items = items.map((s) => ({ ...s, url: abs(s.url), sameAs: s.sameAs.map((same) => ({ ...same, url: abs(same.url) })) }));
      this.active = this.items.length ? active : -1;
      this.renderList();
      this.announce(this.items.length ? this.labels().count(this.items.length) : this.labels().none);
    } catch {
      // Aborted by newer typing, or offline: the box stays usable.
    }
  }

  private renderList() {
    const list = this.byPart('listbox');
    const labels = this.labels();
    list.innerHTML = this.items
      .map(
        (s, i) =>
          `<li role="option" part="option${i === this.active ? ' option-active' : ''}" id="o${i}" data-index="${i}" aria-selected="${i === this.active}"><span>${e(s.name)}</span><span class="kind" part="kind">${e(labels.kind(s.kind))}</span></li>`,
      )
      .join('');
    list.hidden = this.items.length === 0;
    this.input.setAttribute('aria-expanded', String(this.items.length > 0));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `o${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private announce(text: string) {
    this.byPart('status').textContent = text;
  }

  private onKey(event: KeyboardEvent) {
    const n = this.items.length;
    const key = event.key;
    if (key === 'ArrowDown' && !n) {
      // A closed list opens again on ArrowDown, on its first option.
      if (!this.input.value.trim()) return;
      void this.suggest(this.input.value.trim(), 0);
    } else if (key === 'ArrowDown') this.active = (this.active + 1) % n;
    else if (key === 'ArrowUp' && n) this.active = (this.active - 1 + n) % n;
    else if ((key === 'Home' || key === 'End') && n) this.active = key === 'Home' ? 0 : n - 1;
    else if (key === 'Enter' && this.active >= 0) {
      event.preventDefault();
      return this.choose(this.active);
    } else if (key === 'Escape' && n) this.close();
    else return;
    event.preventDefault();
    if (n) this.renderList();
  }

  private choose(index: number) {
    const suggestion = this.items[index];
    if (!suggestion) return;
    this.input.value = suggestion.name;
    this.close();
    this.announce(this.labels().chosen(suggestion.name, suggestion.kind));
    const detail: SearchSelectDetail = suggestion;
    this.dispatchEvent(new CustomEvent('rolegraph-select', { detail, bubbles: true, composed: true }));
  }

  private close() {
    this.items = [];
    this.active = -1;
    if (this.root.firstChild) this.renderList();
  }
}
