import type { Localizable } from './problems.js';

/** Domain errors the error handler maps to problem+json, each with its detail in both languages. */

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

export type ResourceName = keyof typeof RESOURCE_NAMES;

export class NotFoundError extends Error {
  readonly status = 404;
  readonly detail: { pl: string; en: string };
  constructor(
    readonly resource: ResourceName,
    readonly identifier: string,
    /** The role a responsibility was looked for in. */
    within?: string,
  ) {
    const names = RESOURCE_NAMES[resource];
    const detail = {
      en: `No ${names.en} "${identifier}" exists${within ? ` in role "${within}"` : ''}.`,
      pl: `Brak ${names.pl} „${identifier}”${within ? ` w roli „${within}”` : ''}.`,
    };
    super(detail.en);
    this.detail = detail;
  }
}

/** A data version the release log knows but whose changes the database no longer keeps. */
export class VersionGoneError extends Error {
  readonly status = 410;
  readonly detail: { pl: string; en: string };
  constructor(readonly version: string) {
    const detail = {
      en: `Data version "${version}" is older than the change history kept here; fetch GET /export/csv and follow the changes from the current version.`,
      pl: `Wersja danych „${version}” jest starsza niż przechowywana historia zmian; pobierz GET /export/csv i śledź zmiany od bieżącej wersji.`,
    };
    super(detail.en);
    this.detail = detail;
  }
}

export interface InvalidParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'body';
  reason: string;
}

export class BadRequestError extends Error {
  readonly status = 400;
  constructor(
    readonly detail: Localizable,
    readonly invalidParams: InvalidParameter[] = [],
  ) {
    super(typeof detail === 'string' ? detail : detail.en);
  }
}
