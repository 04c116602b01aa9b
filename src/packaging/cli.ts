import { buildPackages } from './build-packages.js';

// `npm run packages`: writes dist/npm/elements and dist/npm/client; `npm pack` in either makes the tarball.
const built = await buildPackages();
console.info(`built ${built.elements} and ${built.client}`);
