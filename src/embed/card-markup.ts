import type { RoleCard } from '../schemas/card.js';
import { CARD_LABELS } from './card-labels.js';
import { escapeHtml as e } from './html.js';

type Lang = keyof typeof CARD_LABELS;

/**
 * The card's markup, shared by the iframe card (server-rendered) and the web component (in its shadow
 * root), so both show the same thing: sections with nothing in them are left out, not headed.
 */
export function cardMarkup(card: RoleCard, options: { lang: Lang; href: (nodeId: string) => string; level: 1 | 2 }): string {
  const labels = CARD_LABELS[options.lang];
  const h = `h${options.level}`;
  const sub = `h${options.level + 1}`;
  const link = (id: string, text: string, part: string) => `<a part="${part}" href="${e(options.href(id))}" target="_blank" rel="noopener">${e(text)}</a>`;
  const responsibilities = card.responsibilities
    .map(
      (r) =>
        `<li class="responsibility" part="responsibility"><span class="name">${e(r.name)}</span>${
          r.technologies.length
            ? `<ul class="technologies" aria-label="${e(labels.technologies)}">${r.technologies.map((t) => `<li>${link(t.id, t.name, 'technology')}</li>`).join('')}</ul>`
            : ''
        }</li>`,
    )
    .join('');
  return (
    `<article class="card" part="card" lang="${options.lang}" aria-labelledby="rolegraph-title">` +
    `<${h} class="title" part="title" id="rolegraph-title">${link(card.id, card.name, 'title-link')}</${h}>` +
    (card.definition ? `<p class="definition" part="definition">${e(card.definition)}</p>` : '') +
    (responsibilities
      ? `<${sub} class="heading" part="heading">${e(labels.responsibilities)}</${sub}><ol class="responsibilities" part="responsibilities">${responsibilities}</ol>`
      : '') +
    `<p class="counts" part="counts">${e(labels.counts(card.counts))}</p></article>`
  );
}

/** The loading state: a skeleton as tall as a typical card (see `.loading`), so nothing below it moves. */
export function loadingMarkup(lang: Lang): string {
  return `<div class="card loading" part="card loading" aria-busy="true"><p class="status" role="status">${e(CARD_LABELS[lang].loading)}</p><div class="bar wide"></div><div class="bar"></div><div class="bar short"></div><div class="bar"></div><div class="bar short"></div></div>`;
}

/** The error state; `retry` adds a button (not for a role that does not exist). */
export function errorMarkup(message: string, lang: Lang, retry: boolean): string {
  return `<div class="card error" part="card error" role="alert"><p>${e(message)}</p>${
    retry ? `<button type="button" class="retry" part="retry">${e(CARD_LABELS[lang].retry)}</button>` : ''
  }</div>`;
}
