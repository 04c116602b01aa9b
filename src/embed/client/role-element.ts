/// <reference lib="dom" />
import type { RoleCard } from '../../schemas/card.js';
import { CARD_LABELS } from '../card-labels.js';
import { cardMarkup, errorMarkup, loadingMarkup } from '../card-markup.js';
import { ELEMENT_CARD_CSS } from '../card-style.js';
import { absolute, apiOf, explorerUrl, langOf } from './api-origin.js';
import { forgetCard, loadCard } from './card-store.js';
import { sharedSheet } from './stylesheet.js';

export type RoleState = 'loading' | 'ready' | 'error';

/** `rolegraph-load`'s detail: the card as the API sent it, with every link made absolute. */
export interface RoleLoadDetail {
  card: RoleCard;
  url: string;
}

/** `rolegraph-error`'s detail: what failed (`status` 0 when the network did), and a way to try again. */
export interface RoleErrorDetail {
  status: number;
  message: string;
  retry: () => void;
}

const sheet = sharedSheet(ELEMENT_CARD_CSS);

/**
 * `<rolegraph-role slug="ai-engineer" lang="en" theme="auto">`: a role card in an open shadow root,
 * themable with `--rolegraph-*` custom properties and `::part()`. It never writes attributes on
 * itself (a server-rendered or React-hydrated tag stays as it was written): its state is the `state`
 * property and the custom states `:state(loading|ready|error)`.
 */
export class RolegraphRole extends HTMLElement {
  static observedAttributes = ['slug', 'lang', 'api'];
  private readonly root = this.attachShadow({ mode: 'open' });
  private readonly internals = this.attachInternals();
  private current: RoleState = 'loading';
  private scheduled = false;
  private shown = '';
  private run = 0;

  constructor() {
    super();
    this.root.adoptedStyleSheets = [sheet()];
    this.root.addEventListener('click', (event) => {
      if ((event.target as Element).closest('.retry')) this.retry();
    });
  }

  /** loading, ready or error. */
  get state(): RoleState {
    return this.current;
  }

  /** Asks the API again (after an error, or for fresh data). */
  retry(): void {
    forgetCard(this.cardUrl());
    this.shown = '';
    this.schedule();
  }

  connectedCallback() {
    this.schedule();
  }

  attributeChangedCallback() {
    this.schedule();
  }

  /** Attribute changes and the connection arrive together when the element upgrades: one load for all of them. */
  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.isConnected) void this.load();
    });
  }

  private cardUrl(): string {
    // A graph-node id (`role:ai-engineer`) names the role too.
    const role = (this.getAttribute('slug') ?? '').replace(/^role:/, '');
    return `${apiOf(this)}/roles/${encodeURIComponent(role)}/card?lang=${langOf(this)}`;
  }

  private setState(state: RoleState, html: string) {
    this.current = state;
    this.root.innerHTML = html;
    const states = this.internals.states;
    if (states) for (const name of ['loading', 'ready', 'error'] as const) name === state ? states.add(name) : states.delete(name);
  }

  private async load() {
    const url = this.cardUrl();
    if (url === this.shown) return;
    this.shown = url;
    const run = ++this.run;
    const slug = this.getAttribute('slug') ?? '';
    const lang = langOf(this);
    const api = apiOf(this);
    const labels = CARD_LABELS[lang];
    if (this.current !== 'loading' || !this.root.firstChild) this.setState('loading', loadingMarkup(lang));
    if (!slug) return this.fail(0, labels.notFound(''), lang, false);
    const outcome = await loadCard(url);
    if (run !== this.run) return;
    if (!outcome.ok) {
      if (outcome.status === 404) return this.fail(404, labels.notFound(slug), lang, false);
      return this.fail(outcome.status, labels.failed, lang, true);
    }
    const card = outcome.card;
    this.setState('ready', cardMarkup(card, { lang, href: (id) => explorerUrl(api, id, lang), level: 2 }));
    const links = Object.fromEntries(Object.entries(card.links).map(([name, path]) => [name, absolute(api, path)])) as RoleCard['links'];
    links.explorer = explorerUrl(api, card.id, lang);
    const detail: RoleLoadDetail = { card: { ...card, links }, url: links.explorer };
    this.dispatchEvent(new CustomEvent('rolegraph-load', { detail, bubbles: true, composed: true }));
  }

  private fail(status: number, message: string, lang: 'pl' | 'en', retryable: boolean) {
    this.setState('error', errorMarkup(message, lang, retryable));
    const detail: RoleErrorDetail = { status, message, retry: () => this.retry() };
    this.dispatchEvent(new CustomEvent('rolegraph-error', { detail, bubbles: true, composed: true }));
  }
}
