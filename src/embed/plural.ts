/** A count with its noun in the form the language's plural rules pick (pl: 1 technologia, 3 technologie, 5 technologii). */
export function countOf(lang: string, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return `${n} ${forms[new Intl.PluralRules(lang).select(n)] ?? forms.other}`;
}
