/// <reference lib="dom" />
/**
 * A constructable stylesheet, made once and adopted by every shadow root: no `<style>` element and no
 * `style=` attribute is written, so a host page's `style-src 'self'` (without 'unsafe-inline') allows it.
 */
export function sharedSheet(css: string): () => CSSStyleSheet {
  let sheet: CSSStyleSheet | undefined;
  return () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    return sheet;
  };
}
