interface Waiter {
  readonly priority: number;
  readonly grant: () => void;
  readonly refuse: (reason: unknown) => void;
}

/**
 * At most `slots` pieces of work at once; when a slot frees, the waiting work of highest priority
 * gets it (first come first served among equals). Aborting `signal` refuses every waiter with
 * the signal's reason, so a failed read stops queueing at once.
 */
export class PrioritySlots {
  #free: number;
  readonly #waiting: Waiter[] = [];
  readonly #signal: AbortSignal;

  constructor(slots: number, signal: AbortSignal) {
    if (!(Number.isInteger(slots) && slots >= 1)) {
      throw new RangeError(`slots must be a positive integer, got ${slots}`);
    }
    this.#free = slots;
    this.#signal = signal;
    signal.addEventListener('abort', () => {
      for (const waiter of this.#waiting.splice(0)) waiter.refuse(signal.reason);
    });
  }

  async run<T>(priority: number, work: () => Promise<T>): Promise<T> {
    await this.#acquire(priority);
    try {
      return await work();
    } finally {
      this.#release();
    }
  }

  #acquire(priority: number): Promise<void> {
    this.#signal.throwIfAborted();
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((grant, refuse) => this.#waiting.push({ priority, grant, refuse }));
  }

  #release(): void {
    let best = -1;
    for (let i = 0; i < this.#waiting.length; i++) {
      // Strictly greater keeps the earliest of equals.
      if (best < 0 || (this.#waiting[i]?.priority ?? 0) > (this.#waiting[best]?.priority ?? 0)) best = i;
    }
    const next = best < 0 ? undefined : this.#waiting.splice(best, 1)[0];
    // The slot passes straight to the next waiter, never back to the pool in between.
    if (next) next.grant();
    else this.#free += 1;
  }
}
