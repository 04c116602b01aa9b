import type { Localizable } from '../lib/language.js';

/**
 * The errors the domain raises (repositories, graph, analysis, presentation), in its own words: what
 * went wrong, never an HTTP status. src/http/problems.ts maps each kind to its problem type, once; the
 * error handler sends that problem and the MCP tools answer with the detail.
 */
export type DomainErrorKind =
  /** Nothing has the id, name or alias given. */
  | 'not-found'
  /** An input has a value it may not have; invalidParams names each one. */
  | 'invalid'
  /** Existed once, is kept no longer (a data version older than the change history). */
  | 'gone'
  /** None of the representations offered is one the client accepts. */
  | 'not-acceptable'
  /** Cannot be done now, can be later (every analysis place taken). */
  | 'unavailable';

/** An input the error is about: where it came in, its name and why its value is refused. */
export interface InvalidParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'body';
  reason: string;
}

/** One shape for every domain error: a kind, a detail in both languages (a plain string is English only), and the inputs at fault. */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly detail: Localizable,
    readonly invalidParams: InvalidParameter[] = [],
  ) {
    super(typeof detail === 'string' ? detail : detail.en);
  }
}

const RESOURCE_NAMES = {
  role: { pl: 'roli', en: 'role' },
  technology: { pl: 'technologii', en: 'technology' },
  skill: { pl: 'umiejętności', en: 'skill' },
  responsibility: { pl: 'odpowiedzialności', en: 'responsibility' },
  node: { pl: 'węzła', en: 'node' },
  path: { pl: 'ścieżki', en: 'path' },
  problemType: { pl: 'typu problemu', en: 'problem type' },
  roleUrl: { pl: 'roli tego API pod adresem', en: 'role of this API at the URL' },
  version: { pl: 'wersji danych', en: 'data version' },
  assetVersion: { pl: 'wersji pliku', en: 'version of the file' },
} as const;

type ResourceName = keyof typeof RESOURCE_NAMES;

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(
    readonly resource: ResourceName,
    readonly identifier: string,
    /** The role a responsibility was looked for in. */
    within?: string,
  ) {
    const names = RESOURCE_NAMES[resource];
    super({
      en: `No ${names.en} "${identifier}" exists${within ? ` in role "${within}"` : ''}.`,
      pl: `Brak ${names.pl} „${identifier}”${within ? ` w roli „${within}”` : ''}.`,
    });
  }
}

export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
}

/** A data version the release log knows but whose changes the database no longer keeps. */
export class VersionGoneError extends DomainError {
  readonly kind = 'gone';
  constructor(readonly version: string) {
    super({
      en: `Data version "${version}" is older than the change history kept here; fetch GET /export/csv and follow the changes from the current version.`,
      pl: `Wersja danych „${version}” jest starsza niż przechowywana historia zmian; pobierz GET /export/csv i śledź zmiany od bieżącej wersji.`,
    });
  }
}

/**
 * The client accepts none of a resource's representations. The detail names what is offered, never the
 * request's Accept header: echoing it let a 15 KB header make a 15 KB answer (issue 22 L5).
 */
export class NotAcceptableError extends DomainError {
  readonly kind = 'not-acceptable';
  constructor(offered: readonly string[]) {
    super({
      en: `None of the media types this request accepts is offered here; this resource is available as ${offered.join(', ')}. Or send ?format=.`,
      pl: `Żaden z typów mediów akceptowanych przez to żądanie nie jest tu dostępny; ten zasób jest dostępny jako ${offered.join(', ')}. Można też wysłać ?format=.`,
    });
  }
}
