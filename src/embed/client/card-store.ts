/// <reference lib="dom" />
import type { RoleCard } from '../../schemas/card.js';

export type CardOutcome = { ok: true; card: RoleCard } | { ok: false; status: number };

/**
 * One request per card URL for the whole page: every element showing the same card (and the same
 * element drawn again, e.g. after a language switch and back) shares it. A card that could not be
 * fetched (network, 5xx) is forgotten so the next try asks again; a 404 is kept, it will not change.
 */
const loads = new Map<string, Promise<CardOutcome>>();

export function loadCard(url: string): Promise<CardOutcome> {
  let load = loads.get(url);
  if (!load) {
    load = fetch(url, { headers: { accept: 'application/json' } }).then(
      async (response): Promise<CardOutcome> => (response.ok ? { ok: true, card: (await response.json()) as RoleCard } : { ok: false, status: response.status }),
      (): CardOutcome => ({ ok: false, status: 0 }),
    );
    loads.set(url, load);
    void load.then((outcome) => {
      if (!outcome.ok && outcome.status !== 404) forgetCard(url);
    });
  }
  return load;
}

export function forgetCard(url: string): void {
  loads.delete(url);
}
