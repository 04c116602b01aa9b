import type { Lang } from '../lib/language.js';

/** One schema-validation issue as fastify-type-provider-zod reports it. */
export interface ValidationIssue {
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const UNKNOWN_PARAMETER = { pl: 'nie jest znanym parametrem tej operacji', en: 'is not a known parameter of this operation' };

export function unknownParameterReason(lang: Lang): string {
  return UNKNOWN_PARAMETER[lang];
}

/**
 * Why a value was refused, in the response language. English is zod's own message; Polish is
 * rebuilt from the issue's code and bounds, so the two say the same thing.
 */
export function validationReason(issue: ValidationIssue, lang: Lang): string {
  const english = issue.message ?? 'is invalid';
  if (lang === 'en') return english;
  const p = issue.params;
  const n = (key: string) => String(p[key]);
  switch (issue.keyword) {
    case 'invalid_type':
      if (p.expected === 'number' || p.expected === 'int') return 'musi być liczbą całkowitą zapisaną cyframi dziesiętnymi';
      if (p.input === undefined) return 'jest wymagany';
      return `musi być typu ${n('expected')}`;
    case 'too_small':
      if (p.origin === 'string') return `musi mieć co najmniej ${n('minimum')} znaków`;
      if (p.origin === 'array' || p.origin === 'set') return `musi mieć co najmniej ${n('minimum')} elementów`;
      return `musi być liczbą całkowitą nie mniejszą niż ${n('minimum')}`;
    case 'too_big':
      if (p.origin === 'string') return `może mieć najwyżej ${n('maximum')} znaków`;
      if (p.origin === 'array' || p.origin === 'set') return `może mieć najwyżej ${n('maximum')} elementów`;
      return `musi być liczbą całkowitą nie większą niż ${n('maximum')}`;
    case 'invalid_value':
      return Array.isArray(p.values) ? `musi być jedną z wartości: ${p.values.map(String).join(', ')}` : 'ma niedozwoloną wartość';
    case 'invalid_format':
      return 'ma nieprawidłowy format';
    case 'unrecognized_keys':
      return UNKNOWN_PARAMETER.pl;
    default:
      return `ma nieprawidłową wartość (${english})`;
  }
}
