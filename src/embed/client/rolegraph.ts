/// <reference lib="dom" />
import { RolegraphRole } from './role-element.js';
import { RolegraphSearch } from './search-element.js';

// Defined once even when the script is included twice (or also by the explorer).
if (!customElements.get('rolegraph-role')) customElements.define('rolegraph-role', RolegraphRole);
if (!customElements.get('rolegraph-search')) customElements.define('rolegraph-search', RolegraphSearch);

export { RolegraphRole, RolegraphSearch };
