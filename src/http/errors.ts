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
