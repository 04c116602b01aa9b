/// <reference lib="dom" />
import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './react-app.js';

// Bundled by the browser test (React's development build, which reports every hydration mismatch).
const root = document.getElementById('root')!;
hydrateRoot(root, createElement(App, { api: root.dataset.api! }), {
  onRecoverableError: (error) => console.error(`recoverable: ${String(error)}`),
});
(window as unknown as { hydrated: boolean }).hydrated = true;
