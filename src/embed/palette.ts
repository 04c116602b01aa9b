/**
 * The colours of a card, light and dark, as private `--rg-*` properties. Every rule reads
 * `var(--rolegraph-x, var(--rg-x))`, so a `--rolegraph-x` set anywhere above the element (`:root`, an
 * ancestor, the element itself) wins over the theme, and both elements follow the same rules.
 */
const COLOURS = {
  light: { bg: '#fff', fg: '#1b1f24', muted: '#57606a', accent: '#0a58ca', chip: '#eef2f7', border: '#d0d7de', skeleton: '#e8ebef' },
  dark: { bg: '#0d1117', fg: '#e6edf3', muted: '#9da7b3', accent: '#79b8ff', chip: '#1f2937', border: '#30363d', skeleton: '#21262d' },
};

function declarations(scheme: keyof typeof COLOURS): string {
  return `color-scheme:${scheme};${Object.entries(COLOURS[scheme])
    .map(([name, value]) => `--rg-${name}:${value}`)
    .join(';')}`;
}

/** `theme` is light (the default), dark, or auto (follows the reader's `prefers-color-scheme`). */
export function paletteCss(selectors: { base: string; dark: string; auto: string }): string {
  return `${selectors.base}{${declarations('light')}}${selectors.dark}{${declarations('dark')}}@media (prefers-color-scheme:dark){${selectors.auto}{${declarations('dark')}}}`;
}

/** A themable property: the host page's `--rolegraph-<name>` first, else the theme's. */
export const v = (name: keyof typeof COLOURS.light) => `var(--rolegraph-${name},var(--rg-${name}))`;
