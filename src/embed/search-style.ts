import { DEFAULT_FONT } from './card-style.js';
import { paletteCss, v } from './palette.js';

/** `<rolegraph-search>`'s rules: the same palette and `--rolegraph-*` fallbacks as the card. */
export const SEARCH_CSS =
  paletteCss({ base: ':host', dark: ':host([theme=dark])', auto: ':host([theme=auto])' }) +
  `:host{display:block;position:relative;font:var(--rolegraph-font,${DEFAULT_FONT})}:host([hidden]){display:none}
label{display:block;font-size:.85em;margin-bottom:4px;color:${v('muted')}}
input{box-sizing:border-box;width:100%;font:inherit;padding:7px 10px;border:1px solid ${v('border')};border-radius:var(--rolegraph-radius,8px);background:${v('bg')};color:${v('fg')}}
input:focus{outline:2px solid ${v('accent')};outline-offset:1px}
ul{position:absolute;z-index:10;left:0;right:0;margin:2px 0 0;padding:4px 0;list-style:none;background:${v('bg')};color:${v('fg')};border:1px solid ${v('border')};border-radius:var(--rolegraph-radius,8px);box-shadow:0 4px 14px rgba(0,0,0,.12)}
li{padding:5px 10px;cursor:pointer;display:flex;justify-content:space-between;gap:8px}
li[aria-selected=true],li:hover{background:${v('chip')}}
.kind{color:${v('muted')};font-size:.8em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
