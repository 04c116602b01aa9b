/**
 * FTS5's snippet() works on the folded text it indexed ("Inzynier"), but a reader should see the
 * original ("Inżynier"). The folded text has the original's length (foldForSearch), so we ask
 * snippet() for control-character markers, find the fragment in the folded column, and rebuild it
 * from the original at the same offsets.
 */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';
export const ELLIPSIS = '\u0004';

export interface SnippetSource {
  folded: string;
  original: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Turns snippet() output into HTML-safe text with `<mark>…</mark>` around the matched words and `…`
 * where the fragment was cut, taken from the original of whichever column the fragment came from.
 */
export function renderSnippet(marked: string, columns: SnippetSource[]): string {
  const leading = marked.startsWith(ELLIPSIS);
  const trailing = marked.length > 1 && marked.endsWith(ELLIPSIS);
  const fragment = marked.slice(leading ? 1 : 0, trailing ? -1 : undefined);

  // Where the markers sit in the fragment once they are removed.
  const plain: string[] = [];
  const marks: { at: number; tag: string }[] = [];
  let length = 0;
  for (const char of fragment) {
    if (char === MARK_OPEN || char === MARK_CLOSE) marks.push({ at: length, tag: char === MARK_OPEN ? '<mark>' : '</mark>' });
    else {
      plain.push(char);
      length += char.length;
    }
  }
  const plainText = plain.join('');
  const column = columns.find((c) => c.folded.includes(plainText));
  const start = column ? column.folded.indexOf(plainText) : -1;
  const text = column && column.original.length === column.folded.length ? column.original.slice(start, start + plainText.length) : plainText;

  let html = '';
  let cursor = 0;
  for (const { at, tag } of marks) {
    html += escapeHtml(text.slice(cursor, at)) + tag;
    cursor = at;
  }
  html += escapeHtml(text.slice(cursor));
  return `${leading ? '…' : ''}${html}${trailing ? '…' : ''}`;
}
