/**
 * What the two elements offer, described once: the Custom Elements Manifest (custom-elements.json) and
 * the TypeScript declarations of the npm package are both written from this.
 */
interface Attribute {
  name: string;
  type: string;
  description: string;
  default?: string;
  optional: boolean;
}

export interface ElementDescription {
  tagName: string;
  className: string;
  description: string;
  attributes: Attribute[];
  members: { name: string; kind: 'field' | 'method'; type: string; description: string }[];
  events: { name: string; detail: string; description: string }[];
  cssProperties: { name: string; description: string; default?: string }[];
  cssParts: { name: string; description: string }[];
  cssStates: { name: string; description: string }[];
}

const THEME = "'light' | 'dark' | 'auto'";
const shared = {
  lang: { name: 'lang', type: 'string', description: 'A BCP 47 tag (`en`, `en-GB`, `pl-PL`); else the nearest ancestor\'s `lang`; Polish by default.', optional: true },
  theme: { name: 'theme', type: THEME, description: "Colours: `auto` follows the reader's `prefers-color-scheme`. Any `--rolegraph-*` property set above the element wins.", default: "'light'", optional: true },
  api: {
    name: 'api',
    type: 'string',
    description: "The API's origin. Defaults to the origin the script was loaded from: set it when the elements come from this package (bundled into your app).",
    optional: true,
  },
};

const CSS_PROPERTIES = [
  ['--rolegraph-bg', 'Background.', '#fff / #0d1117'],
  ['--rolegraph-fg', 'Text.', '#1b1f24 / #e6edf3'],
  ['--rolegraph-muted', 'Secondary text.', '#57606a / #9da7b3'],
  ['--rolegraph-accent', 'Links and focus.', '#0a58ca / #79b8ff'],
  ['--rolegraph-chip', 'Technology chips, the active option.', '#eef2f7 / #1f2937'],
  ['--rolegraph-border', 'Borders.', '#d0d7de / #30363d'],
  ['--rolegraph-skeleton', 'The loading skeleton.', '#e8ebef / #21262d'],
  ['--rolegraph-radius', 'Corner radius.', '10px'],
  ['--rolegraph-font', 'Font shorthand.', '15px/1.45 system-ui, sans-serif'],
].map(([name, description, value]) => ({ name, description, default: value }));

export const ELEMENTS: ElementDescription[] = [
  {
    tagName: 'rolegraph-role',
    className: 'RolegraphRole',
    description: 'A role card: name, definition, responsibilities with their technologies, counts. It never writes attributes on itself.',
    attributes: [{ name: 'slug', type: 'string', description: 'A role slug, graph id (`role:ai-engineer`) or alias (`Inżynier AI`).', optional: false }, shared.lang, shared.theme, shared.api],
    members: [
      { name: 'state', kind: 'field', type: "'loading' | 'ready' | 'error'", description: 'Where the card is; also the custom states `:state(loading|ready|error)`.' },
      { name: 'retry', kind: 'method', type: '() => void', description: 'Asks the API again.' },
    ],
    events: [
      { name: 'rolegraph-load', detail: 'RoleLoadDetail', description: 'The card is drawn; `detail.card` has absolute links, `detail.url` is its explorer page.' },
      { name: 'rolegraph-error', detail: 'RoleErrorDetail', description: 'The card could not be loaded; `detail.retry()` tries again.' },
    ],
    cssProperties: [...CSS_PROPERTIES, { name: '--rolegraph-loading-height', description: 'Height the loading skeleton reserves.', default: '440px' }],
    cssParts: [
      ['card', 'The card (also `loading` or `error` while so).'],
      ['loading', 'The card while it loads (the skeleton).'],
      ['error', 'The card when it could not be loaded.'],
      ['title', 'The heading.'],
      ['title-link', 'The link in the heading.'],
      ['definition', "The definition's first sentence."],
      ['heading', 'The "Responsibilities" heading.'],
      ['responsibilities', 'The list of responsibilities.'],
      ['responsibility', 'One responsibility.'],
      ['technology', 'A technology chip (a link).'],
      ['counts', 'The counts line.'],
      ['retry', 'The "Try again" button of the error state.'],
    ].map(([name, description]) => ({ name, description })),
    cssStates: ['loading', 'ready', 'error'].map((name) => ({ name, description: `The card is ${name === 'ready' ? 'drawn' : name === 'error' ? 'an error' : 'loading'}.` })),
  },
  {
    tagName: 'rolegraph-search',
    className: 'RolegraphSearch',
    description: 'A combobox (ARIA 1.2) over the API\'s suggestions; choosing one emits `rolegraph-select`.',
    attributes: [shared.lang, shared.theme, shared.api],
    members: [],
    events: [{ name: 'rolegraph-select', detail: 'Suggestion', description: 'A suggestion was chosen; every `url` in it is absolute.' }],
    cssProperties: CSS_PROPERTIES,
    cssParts: [
      ['label', 'The label.'],
      ['input', 'The text box.'],
      ['listbox', 'The list of suggestions.'],
      ['option', 'A suggestion (`option-active` on the active one).'],
      ['kind', "A suggestion's kind."],
      ['status', 'The live region.'],
    ].map(([name, description]) => ({ name, description })),
    cssStates: [],
  },
];

/** The Custom Elements Manifest (schema 2.1.0) of the package's module. */
export function customElementsManifest(modulePath: string) {
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: modulePath,
        declarations: ELEMENTS.map((element) => ({
          kind: 'class',
          name: element.className,
          tagName: element.tagName,
          customElement: true,
          description: element.description,
          superclass: { name: 'HTMLElement' },
          attributes: element.attributes.map((a) => ({ name: a.name, type: { text: a.type }, description: a.description, ...(a.default ? { default: a.default } : {}) })),
          members: element.members.map((m) => ({ kind: m.kind, name: m.name, description: m.description, ...(m.kind === 'field' ? { type: { text: m.type }, readonly: true } : {}) })),
          events: element.events.map((e) => ({ name: e.name, type: { text: `CustomEvent<${e.detail}>` }, description: e.description })),
          cssProperties: element.cssProperties,
          cssParts: element.cssParts,
          cssStates: element.cssStates,
        })),
        exports: ELEMENTS.flatMap((element) => [
          { kind: 'js', name: element.className, declaration: { name: element.className, module: modulePath } },
          { kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.className, module: modulePath } },
        ]),
      },
    ],
  };
}
