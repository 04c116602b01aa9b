import fp from 'fastify-plugin';
import { entityId, urls } from '../model/ids.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** False until `warmUp` has run (only when the app was built to warm up): /ready fails meanwhile. */
    readonly warmedUp: boolean;
    /** Computes a sample of every expensive kind of answer once, then forgets the answers. */
    warmUp(): Promise<{ requests: number; ms: number }>;
  }
}

/** Where the warm-up's requests come from: a documentation address (RFC 5737), so they count against no real client's rate limit and are not logged. */
export const WARM_UP_ADDRESS = '192.0.2.1';

/** Distinct answers per kind: enough for V8 to optimise the paths and for SQLite to have read their pages. */
const SAMPLES = 24;

interface Page {
  items: { slug: string; name: string }[];
}

/**
 * A replica starts cold at every rollout: on the ESCO-sized set its first neighbourhoods took 34–43 ms,
 * against 15 ms once warm (lazily built graph index, unoptimised code, unread database pages). So before
 * /ready says yes, the server asks itself a sample of each expensive kind of request (search, suggest,
 * neighbourhoods, paths, details, in both languages) through `inject` — the real routes, nothing
 * hand-picked — and then drops the answers, so the cache holds only what clients ask for.
 *
 * It does not start the analysis workers (`/extract`, gaps): each holds its own heap and vocabulary
 * (40–45 MB on the document, ~65 MB on the ESCO-sized set) and exits after ANALYSIS_IDLE_TIMEOUT_MS, so
 * warming them only made every replica 80–130 MB larger for its first minute (its RSS after cached-GET
 * load: 199 MB with them, 151 without). The first analysis a replica gets starts one instead: 0.41 s on
 * the document, 0.75 s on the ESCO-sized set (compiled server, these machines), then 4 ms.
 */
export default fp<{ enabled: boolean }>(
  async (app, { enabled }) => {
    let warmedUp = !enabled;
    app.decorate('warmedUp', {
      getter: () => warmedUp,
    });
    const get = async (url: string, lang = 'pl') => app.inject({ method: 'GET', url, remoteAddress: WARM_UP_ADDRESS, headers: { 'accept-language': lang, 'x-request-id': 'warm-up' } });
    app.decorate('warmUp', async () => {
      const startedAt = performance.now();
      let requests = 0;
      const list = async (url: string) => {
        requests++;
        const res = await get(url);
        return res.statusCode === 200 ? (res.json() as Page).items : [];
      };
      const technologies = await list(`/technologies?limit=${SAMPLES}`);
      const skills = await list(`/skills?limit=${SAMPLES}`);
      const roles = await list(`/roles?limit=${SAMPLES}`);
      const words = [...new Set([...technologies, ...skills].flatMap((t) => t.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3))].slice(0, SAMPLES);
      const nodes = technologies.map((t) => entityId('technology', t.slug));
      const sample = [
        ...words.map((w) => `/search?q=${encodeURIComponent(w)}`),
        ...words.map((w) => `/search/suggest?q=${encodeURIComponent(w.slice(0, 3))}`),
        ...nodes.map((n) => `${urls.node(n)}/neighbors?depth=2`),
        ...nodes.map((from, i) => `/graph/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(nodes[(i + Math.floor(nodes.length / 2)) % nodes.length])}`),
        ...technologies.map((t) => urls.technology(t.slug)),
        ...skills.map((s) => urls.skill(s.slug)),
        ...roles.map((r) => urls.role(r.slug)),
        // The first embed request builds the browser bundles.
        ...roles.slice(0, 1).map((r) => `/embed${urls.role(r.slug)}`),
      ];
      for (const lang of ['pl', 'en']) {
        for (const url of sample) {
          await get(url, lang);
          requests++;
          // inject resolves without a turn of the event loop: yield one per request, so /health answers and
          // the event-loop delay monitor keeps sampling (an empty sample reads as an infinite delay: 503s).
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      app.responseCache.clear();
      warmedUp = true;
      return { requests, ms: Math.round(performance.now() - startedAt) };
    });
  },
  { name: 'warm-up', dependencies: ['response-cache'] },
);
