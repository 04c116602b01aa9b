/** A document that breaks the format: reported as `path:line: what was expected`. */
export class DocumentFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly expected: string,
  ) {
    super(`${file}:${line}: ${expected}`);
    this.name = 'DocumentFormatError';
  }
}
