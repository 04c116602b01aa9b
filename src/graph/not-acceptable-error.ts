/**
 * The client accepts none of a resource's representations; the error handler sends it as a 406 problem.
 * The detail names what is offered, never the request's Accept header: echoing it let a 15 KB header
 * make a 15 KB answer (issue 22 L5).
 */
export class NotAcceptableError extends Error {
  readonly statusCode = 406;
  readonly code = 'Not Acceptable';
  readonly detail: { pl: string; en: string };
  constructor(offered: readonly string[]) {
    const en = `None of the media types this request accepts is offered here; this resource is available as ${offered.join(', ')}. Or send ?format=.`;
    super(en);
    this.detail = { en, pl: `Żaden z typów mediów akceptowanych przez to żądanie nie jest tu dostępny; ten zasób jest dostępny jako ${offered.join(', ')}. Można też wysłać ?format=.` };
  }
}
