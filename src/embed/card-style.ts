import { paletteCss, v } from './palette.js';

export const DEFAULT_FONT = '15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';
/** What the loading skeleton reserves: about the height of a card with five responsibilities, so the page does not jump. */
export const LOADING_HEIGHT = '440px';

/** The card's rules, shared by the web component (a constructable stylesheet) and the iframe card (/embed/card.css). */
const CARD_RULES = `
.card{box-sizing:border-box;margin:0;background:${v('bg')};color:${v('fg')};font:var(--rolegraph-font,${DEFAULT_FONT});border:1px solid ${v('border')};border-radius:var(--rolegraph-radius,10px);padding:16px 18px}
.title{font-size:1.3em;line-height:1.3;margin:0 0 6px}.title a{color:inherit;text-decoration:none}
.card a:hover,.card a:focus{text-decoration:underline}
.heading{font-size:.8em;text-transform:uppercase;letter-spacing:.05em;color:${v('muted')};margin:14px 0 6px}
.definition{margin:0}
.responsibilities{margin:0;padding-left:1.3em}.responsibility{margin:6px 0}.name{font-weight:600}
.technologies{list-style:none;display:flex;flex-wrap:wrap;gap:4px;margin:4px 0 0;padding:0}
.technologies a{display:inline-block;background:${v('chip')};color:${v('accent')};border-radius:999px;padding:1px 9px;font-size:.82em;text-decoration:none}
.counts,.status{color:${v('muted')};font-size:.82em;margin:12px 0 0}.status{margin:0}
.loading{min-height:var(--rolegraph-loading-height,${LOADING_HEIGHT})}
.bar{background:${v('skeleton')};border-radius:4px;height:.9em;margin:10px 0}.bar.wide{height:1.3em;width:45%;margin-top:0}.bar.short{width:60%}
@media (prefers-reduced-motion:no-preference){.bar{animation:rolegraph-pulse 1.4s ease-in-out infinite}}
@keyframes rolegraph-pulse{50%{opacity:.55}}
.error p{margin:0}
.retry{font:inherit;margin-top:10px;padding:3px 12px;border:1px solid ${v('border')};border-radius:6px;background:${v('chip')};color:${v('fg')};cursor:pointer}
`;

/** For the web component: the theme on :host, chosen by its `theme` attribute. */
export const ELEMENT_CARD_CSS =
  `:host{display:block}:host([hidden]){display:none}` +
  paletteCss({ base: ':host', dark: ':host([theme=dark])', auto: ':host([theme=auto])' }) +
  CARD_RULES;

/** For the iframe card page: the theme on the document, chosen by `?theme=`. */
export const PAGE_CARD_CSS =
  paletteCss({ base: ':root', dark: ':root[data-theme=dark]', auto: ':root[data-theme=auto]' }) +
  `html,body{margin:0;background:${v('bg')}}` +
  CARD_RULES;
