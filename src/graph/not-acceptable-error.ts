/** The client accepts none of a resource's representations; the error handler sends it as a 406 problem. */
export class NotAcceptableError extends Error {
  readonly statusCode = 406;
  readonly code = 'Not Acceptable';

  constructor(accept: string, offered: readonly string[]) {
    super(`None of the accepted media types (${accept}) is offered here; this resource is available as ${offered.join(', ')}. Or send ?format=.`);
  }
}
