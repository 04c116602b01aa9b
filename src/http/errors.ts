/** Domain errors the error handler maps to problem+json. */

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(
    readonly resource: string,
    readonly identifier: string,
  ) {
    super(`No ${resource} "${identifier}" exists.`);
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
    message: string,
    readonly invalidParams: InvalidParameter[] = [],
  ) {
    super(message);
  }
}
