/**
 * CPU-bound analysis (extract, gap) runs synchronously on the event loop. Run back to back, fifty
 * 20,000-character texts hold the loop for seconds and every other request (health checks, cached
 * GETs) waits behind them. So analyses run one at a time, each in its own turn of the event loop
 * (other requests are served between two analyses), and only `capacity` may be admitted at once
 * (running or waiting): the rest are refused at once, to be retried later.
 */
export class AnalysisGate {
  private running = false;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly capacity: number) {}

  /** Analyses admitted now: the one running and those waiting. */
  get admitted(): number {
    return (this.running ? 1 : 0) + this.waiting.length;
  }

  /** Resolves when it is this analysis's turn (call `release` when done); false when the gate is full. */
  enter(): Promise<void> | false {
    if (this.admitted >= this.capacity) return false;
    if (!this.running) {
      this.running = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * The turn passes on in the next check phase, never at once: requests whose bytes arrived in the same
   * poll phase (health checks, cached GETs) are answered before another analysis starts. Sync handlers
   * would otherwise run back to back as their bodies complete, and a gate that only counted would never fill.
   */
  release(): void {
    setImmediate(() => {
      const next = this.waiting.shift();
      if (next) next();
      else this.running = false;
    });
  }
}
