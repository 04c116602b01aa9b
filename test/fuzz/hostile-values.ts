/** Inputs that have broken servers before: injection, FTS5 syntax, encodings, sizes. */

export const TEN_KB = 10 * 1024;

export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE roles;--",
  "' OR '1'='1",
  '1; SELECT * FROM sqlite_master',
  '%00',
  '\u0000',
  'a\u0000b',
  '"',
  '""',
  '"unterminated',
  '*',
  'py*',
  '**',
  'NEAR(',
  'NEAR(python docker, 2)',
  'python NEAR docker',
  'a OR b',
  'AND',
  'NOT python',
  '^python',
  'name:python',
  '{name}: x',
  '(',
  ')',
  '-',
  '+',
  ':',
  '.',
  '..',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '<mark>',
  '&amp;',
  'ąęśćżźółń',
  'ZAŻÓŁĆ GĘŚLĄ JAŹŃ',
  'İstanbul',
  'ß',
  'ﬀ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '👩‍💻',
  '\u202eevil',
  '\ufeffpython',
  'e\u0301',
  '   ',
  '\t\n',
  '%',
  '%zz',
  '%E0%A4%A',
  '\\',
  '/',
  '?',
  '#',
  '&',
  '=',
  ',',
  ',,,',
  'role:',
  ':ai-engineer',
  'role:ai-engineer',
  'technology:DVC',
  'x'.repeat(201),
  'x'.repeat(301),
  'x'.repeat(1001),
  'ż'.repeat(2000),
  'x'.repeat(TEN_KB),
  'ąę'.repeat(TEN_KB / 2),
];

/** Strings a number parser might choke on. */
export const HOSTILE_NUMBERS: readonly string[] = [
  '',
  '-1',
  '0',
  '1.5',
  '1e3',
  '1e999',
  '-1e999',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b11',
  ' 5',
  '5 ',
  '+5',
  '٣',
  '1_000',
  '9007199254740993',
  '99999999999999999999999999999',
  '-0',
  'true',
  'null',
  '[]',
  '{}',
];

/**
 * Raw URL fragments sent without encoding: the router and the query parser see them as they are.
 * (Only characters a URL may carry, so the request itself is well formed.)
 */
export const RAW_URL_TOKENS: readonly string[] = ['%00', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%2F', '%2e%2e', '..', '.', '%25', '%', '~', "'", '%27%3B--', '%22', 'a%20b', '+', '%FF%FE'];

/** Garbage appended to a query string as it is. */
export const RAW_QUERY_TAILS: readonly string[] = ['&', '&&&', '=', '==', '&=x', 'a[b]=c', 'a[]=1&a[]=2', '__proto__=x', 'constructor[prototype][x]=1', '%zz=1', 'x=%zz', 'lang', 'lang=', 'lang=pl&lang=en', ';', '?', '#frag'];

export const ACCEPT_VALUES: readonly string[] = [
  'application/json',
  'application/ld+json',
  'application/problem+json',
  'application/vnd.cytoscape+json',
  'text/vnd.graphviz',
  'text/plain',
  'text/html',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  '*/*',
  'application/*',
  'text/*',
  '*/*;q=0',
  'application/json;q=0',
  'application/ld+json;q=0.5, application/json;q=0.9',
  'application/json; profile="https://schema.org"',
  'application/ld+json; profile="http://www.w3.org/ns/json-ld#compacted"',
  'image/png',
  'garbage;;;q=abc',
  ', ,',
  ';',
  'application/json;q=1e999',
  'a'.repeat(TEN_KB),
];

export const ACCEPT_LANGUAGE_VALUES: readonly string[] = ['pl', 'en', 'en-US,en;q=0.9', 'pl-PL', 'de', 'de, en;q=0.1', '*', 'en;q=0', 'pl;q=0, en;q=0', 'xx-yy-zz', ';;;', 'en;q=abc', 'EN', 'en;q=0.5, pl;q=0.6', 'q=1', 'ż'.repeat(50), 'x'.repeat(TEN_KB)];

export const ACCEPT_ENCODING_VALUES: readonly string[] = ['gzip', 'br', 'identity', 'gzip, deflate, br', 'br;q=0, gzip', 'gzip;q=0, br;q=0', '*', 'deflate', 'zstd', 'garbage;q=x', ''];

export const IF_NONE_MATCH_GARBAGE: readonly string[] = ['*', '"x"', 'W/"x"', 'garbage', '""', '", "', 'W/', '"', '*, "x"', ',,,', `"${'a'.repeat(TEN_KB)}"`];

export const ORIGIN_VALUES: readonly string[] = ['https://example.com', 'null', 'http://localhost:3000', 'garbage'];

/** Content types for the POST bodies; only JSON ones are accepted. */
export const CONTENT_TYPES: readonly string[] = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonx',
  'application/ld+json',
  'application/problem+json',
  'application/octet-stream',
  'garbage',
];
