import { createElement } from 'react';

/** The React app of the hydration test, rendered to a string by the server and hydrated in the browser. */
export function App({ api }: { api: string }) {
  return createElement(
    'div',
    { className: 'app' },
    createElement('rolegraph-role', { slug: 'ai-engineer', lang: 'en', theme: 'auto', api }),
    createElement('p', null, 'Text after the card.'),
  );
}
