/** The client accepts none of a resource's representations; the error handler sends it as a 406 problem. */
export class NotAcceptableError extends Error {
  readonly statusCode = 406;
  readonly code = 'Not Acceptable';
  readonly detail: { pl: string; en: string };
  constructor(accept: string, offered: readonly string[]) {
    const en = `None of the accepted media types (${accept}) is offered here; this resource is available as ${offered.join(', ')}. Or send ?format=.`;
    super(en);
    this.detail = { en, pl: `Żaden z akceptowanych typów mediów (${accept}) nie jest tu dostępny; ten zasób jest dostępny jako ${offered.join(', ')}. Można też wysłać ?format=.` };
  }
}
