/**
 * Admission to CPU-bound analysis (extract, gap), which runs on a pool of worker threads: `concurrency`
 * analyses run at once (one per worker), at most `capacity` are admitted (running or waiting) and the
 * rest are refused at once, to be retried later. A request reaches the gate only once its body has
 * fully arrived, so a slow client holds its own socket, never a place here.
 *
 * Waiting analyses take turns by client address: a free worker goes to the waiting address with the
 * fewest analyses running (the longest-waiting such address on a tie), so one address sending many
 * cannot make everyone else wait behind its queue; and at most `perClient` of the admitted belong to one address.
 */
export class AnalysisGate {
  private running = 0;
  private waitingCount = 0;
  /** Waiting turns by client address; on a tie the first in Map order goes first (an address served goes to the back). */
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly admittedBy = new Map<string, number>();
  private readonly runningBy = new Map<string, number>();

  constructor(
    readonly capacity: number,
    readonly concurrency: number,
    readonly perClient: number = capacity,
  ) {}

  /** Analyses admitted now: those running and those waiting. */
  get admitted(): number {
    return this.running + this.waitingCount;
  }

  /**
   * Resolves when it is this analysis's turn (call `release(client)` once when done, whether or not the
   * turn came); false when the gate, or this client's share of it, is full.
   */
  enter(client: string): Promise<void> | false {
    const mine = this.admittedBy.get(client) ?? 0;
    if (this.admitted >= this.capacity || mine >= this.perClient) return false;
    this.admittedBy.set(client, mine + 1);
    if (this.running < this.concurrency) {
      this.start(client);
      return Promise.resolve();
    }
    this.waitingCount++;
    return new Promise((resolve) => {
      const queue = this.waiting.get(client);
      if (queue) queue.push(resolve);
      else this.waiting.set(client, [resolve]);
    });
  }

  /** Gives the turn to the next address in line (this analysis's turn must have come). */
  release(client: string): void {
    this.running--;
    decrement(this.runningBy, client);
    decrement(this.admittedBy, client);
    // The address that just finished one waits behind the others.
    const own = this.waiting.get(client);
    if (own) {
      this.waiting.delete(client);
      this.waiting.set(client, own);
    }
    let next: string | undefined;
    for (const address of this.waiting.keys()) {
      if (next === undefined || (this.runningBy.get(address) ?? 0) < (this.runningBy.get(next) ?? 0)) next = address;
    }
    if (next === undefined) return;
    const queue = this.waiting.get(next)!;
    const resolve = queue.shift()!;
    this.waiting.delete(next);
    if (queue.length > 0) this.waiting.set(next, queue);
    this.waitingCount--;
    this.start(next);
    resolve();
  }

  private start(client: string): void {
    this.running++;
    this.runningBy.set(client, (this.runningBy.get(client) ?? 0) + 1);
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
