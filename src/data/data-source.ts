import { EventEmitter } from 'node:events';
import type { DataContext } from './data-context.js';

/**
 * The data the app serves right now. Handlers read `current` once per request; better-sqlite3 is
 * synchronous, so a swap between two requests never tears one.
 */
export class DataSource extends EventEmitter<{ swap: [next: DataContext, previous: DataContext] }> {
  constructor(private context: DataContext) {
    super();
  }

  get current(): DataContext {
    return this.context;
  }

  /** Makes `next` current and returns the previous context, which the caller closes. */
  swap(next: DataContext): DataContext {
    const previous = this.context;
    this.context = next;
    this.emit('swap', next, previous);
    return previous;
  }
}
