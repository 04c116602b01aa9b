import type { DomainError } from '../model/domain-errors.js';

interface ProblemType {
  status: number;
  title: { pl: string; en: string };
  /** What the problem means and what a client can do about it: the page at the type's URI, and the detail when a problem carries none of its own. */
  description: { pl: string; en: string };
}

/**
 * Every problem a client can receive, once: its `type` is `/problems/<key>`, which answers a GET with
 * this description. Statuses raised by Node's HTTP parser before routing (400, 408, 413, 414, 431)
 * have their types here too.
 */
export const PROBLEM_TYPES = {
  'invalid-parameter': {
    status: 400,
    title: { pl: 'Nieprawidłowy parametr', en: 'Invalid parameter' },
    description: { pl: 'Parametr ścieżki, zapytania lub treści ma niedozwoloną wartość; invalidParams wymienia każdy z nich i powód.', en: 'A path, query or body parameter has a value it may not have; invalidParams names each one and why.' },
  },
  'bad-request': {
    status: 400,
    title: { pl: 'Nieprawidłowe żądanie', en: 'Bad request' },
    description: { pl: 'Żądania nie da się odczytać (np. błędne kodowanie procentowe w URL-u lub nieprawidłowy JSON).', en: 'The request cannot be read (e.g. bad percent-encoding in the URL, or malformed JSON).' },
  },
  'too-many-parameters': {
    status: 400,
    title: { pl: 'Za dużo parametrów zapytania', en: 'Too many query parameters' },
    description: { pl: 'Zapytanie ma więcej parametrów, niż serwer przyjmuje.', en: 'The query string has more parameters than the server accepts.' },
  },
  forbidden: {
    status: 403,
    title: { pl: 'Odmowa dostępu', en: 'Forbidden' },
    description: { pl: 'Serwer nie udostępnia tej ścieżki (np. ścieżka wychodzi poza katalog plików dokumentacji).', en: 'The server does not serve this path (e.g. a path that leads out of the documentation files).' },
  },
  'not-found': {
    status: 404,
    title: { pl: 'Nie znaleziono', en: 'Not found' },
    description: { pl: 'Nie istnieje zasób o podanym identyfikatorze, nazwie lub aliasie, albo taka ścieżka.', en: 'No resource has the given id, name or alias, or no such path exists.' },
  },
  'version-gone': {
    status: 410,
    title: { pl: 'Wersja poza historią', en: 'Version no longer in the history' },
    description: {
      pl: 'Wersja danych jest starsza niż historia zmian, którą serwer przechowuje; pobierz eksport (GET /export/csv) i zacznij od bieżącej wersji.',
      en: 'The data version is older than the change history the server keeps; fetch the export (GET /export/csv) and start again from the current version.',
    },
  },
  'method-not-allowed': {
    status: 405,
    title: { pl: 'Niedozwolona metoda', en: 'Method not allowed' },
    description: { pl: 'Ścieżka istnieje, ale nie obsługuje tej metody; nagłówek Allow wymienia te, które obsługuje.', en: 'The path exists but does not take this method; the Allow header lists those it does.' },
  },
  'not-acceptable': {
    status: 406,
    title: { pl: 'Nieakceptowalna reprezentacja', en: 'Not acceptable' },
    description: { pl: 'Żaden z typów mediów w nagłówku Accept nie jest tu dostępny.', en: 'None of the media types in the Accept header is offered here.' },
  },
  'request-timeout': {
    status: 408,
    title: { pl: 'Przekroczony czas żądania', en: 'Request timeout' },
    description: { pl: 'Klient nie przesłał całego żądania w czasie, który serwer czeka.', en: 'The client did not send the whole request within the time the server waits.' },
  },
  'precondition-failed': {
    status: 412,
    title: { pl: 'Warunek niespełniony', en: 'Precondition failed' },
    description: { pl: 'Warunek z nagłówka If-Match lub If-Unmodified-Since nie jest spełniony przez bieżącą wersję zasobu.', en: 'The current version of the resource does not meet the If-Match or If-Unmodified-Since condition.' },
  },
  'payload-too-large': {
    status: 413,
    title: { pl: 'Za duża treść żądania', en: 'Payload too large' },
    description: { pl: 'Treść żądania jest większa, niż serwer przyjmuje.', en: 'The request body is larger than the server accepts.' },
  },
  'uri-too-long': {
    status: 414,
    title: { pl: 'Za długi URL', en: 'URI too long' },
    description: { pl: 'URL jest dłuższy, niż serwer przyjmuje.', en: 'The URL is longer than the server accepts.' },
  },
  'unsupported-media-type': {
    status: 415,
    title: { pl: 'Nieobsługiwany typ treści', en: 'Unsupported media type' },
    description: { pl: 'Treść żądania ma typ, którego ta operacja nie przyjmuje (oczekiwany application/json).', en: 'The request body has a type this operation does not take (application/json is expected).' },
  },
  'range-not-satisfiable': {
    status: 416,
    title: { pl: 'Zakres niemożliwy do spełnienia', en: 'Range not satisfiable' },
    description: { pl: 'Żądany zakres bajtów (nagłówek Range) leży poza zasobem; pobierz go bez Range albo w jego granicach.', en: 'The byte range asked for (Range header) lies outside the resource; ask without Range or within its length.' },
  },
  'too-many-requests': {
    status: 429,
    title: { pl: 'Za dużo żądań', en: 'Too many requests' },
    description: { pl: 'Klient wysłał więcej żądań, niż pozwala limit; Retry-After i RateLimit-* mówią, kiedy spróbować ponownie.', en: 'The client sent more requests than the limit allows; Retry-After and RateLimit-* say when to retry.' },
  },
  'expectation-failed': {
    status: 417,
    title: { pl: 'Oczekiwanie niespełnione', en: 'Expectation failed' },
    description: { pl: 'Serwer spełnia tylko oczekiwanie Expect: 100-continue.', en: 'The only expectation this server meets is Expect: 100-continue.' },
  },
  'request-header-fields-too-large': {
    status: 431,
    title: { pl: 'Za duże nagłówki żądania', en: 'Request header fields too large' },
    description: { pl: 'Nagłówki żądania są większe, niż serwer przyjmuje.', en: 'The request headers are larger than the server accepts.' },
  },
  internal: {
    status: 500,
    title: { pl: 'Błąd serwera', en: 'Internal server error' },
    description: { pl: 'Serwer nie mógł odpowiedzieć na to żądanie. Błąd został zapisany w logu.', en: 'The server could not answer this request. It has been logged.' },
  },
  'not-implemented': {
    status: 501,
    title: { pl: 'Nie zaimplementowano', en: 'Not implemented' },
    description: { pl: 'Serwer nie obsługuje tej odmiany żądania (np. oEmbed w formacie XML).', en: 'The server does not implement this variant of the request (e.g. oEmbed as XML).' },
  },
  overloaded: {
    status: 503,
    title: { pl: 'Serwer przeciążony', en: 'Service unavailable' },
    description: { pl: 'Serwer jest przeciążony; Retry-After mówi, kiedy spróbować ponownie.', en: 'The server is overloaded; Retry-After says when to retry.' },
  },
  'not-ready': {
    status: 503,
    title: { pl: 'Serwer niegotowy', en: 'Not ready' },
    description: { pl: 'Serwer się zamyka albo baza danych nie ma jeszcze danych; Retry-After mówi, kiedy spróbować ponownie.', en: 'The server is shutting down or its database holds no data yet; Retry-After says when to retry.' },
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemKey = keyof typeof PROBLEM_TYPES;

export const PROBLEM_KEYS = Object.keys(PROBLEM_TYPES) as ProblemKey[];

/** The type key a status has when nothing more specific is known (errors fastify or Node raise). */
export const PROBLEM_BY_STATUS: Record<number, ProblemKey> = {
  400: 'bad-request',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  408: 'request-timeout',
  410: 'version-gone',
  412: 'precondition-failed',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  416: 'range-not-satisfiable',
  417: 'expectation-failed',
  429: 'too-many-requests',
  431: 'request-header-fields-too-large',
  500: 'internal',
  501: 'not-implemented',
  503: 'overloaded',
};

/**
 * The type of a problem sent with this status when nothing more specific is known (errors fastify, Node
 * or a plugin raise): the catalogue's type for the status, else `about:blank` (RFC 9457 §4.2.1: nothing
 * beyond what the status says). Never a type of another status: a 403 is not a `bad-request`.
 */
export function problemTypeForStatus(status: number): ProblemKey | 'about:blank' {
  return PROBLEM_BY_STATUS[status] ?? 'about:blank';
}

export function problemTypeUri(key: ProblemKey): string {
  return `/problems/${key}`;
}

/** The catalogue entry behind a `type` URI (`/problems/not-found`), or undefined for a type the catalogue does not hold. */
export function problemTypeOf(uri: string): ProblemKey | undefined {
  const key = uri.startsWith('/problems/') ? uri.slice('/problems/'.length) : uri;
  return Object.hasOwn(PROBLEM_TYPES, key) ? (key as ProblemKey) : undefined;
}

/** The one place a domain error meets HTTP: the catalogue type (and so the status) each kind is sent as. */
export function problemKeyOf(error: DomainError): ProblemKey {
  switch (error.kind) {
    case 'not-found':
      return 'not-found';
    case 'invalid':
      return error.invalidParams.length > 0 ? 'invalid-parameter' : 'bad-request';
    case 'gone':
      return 'version-gone';
    case 'not-acceptable':
      return 'not-acceptable';
    case 'unavailable':
      return 'overloaded';
  }
}
