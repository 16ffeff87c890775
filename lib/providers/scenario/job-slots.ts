/**
 * How many Scenario jobs one process keeps in flight: a small counting semaphore. A 429 that names
 * `details.actionLimit` (scenario-api-contract.md §1) sets the limit; each accepted job holds a
 * slot until its status is seen terminal, and new submissions wait for a free slot.
 *
 * A slot also frees itself after `staleAfterMs` (a job nobody polls any more must not block the
 * process for ever). Pure module: timers only.
 */
export class JobSlots {
  #limit: number;
  #reserved = 0;
  readonly #jobs = new Map<string, number>();
  #waiters: (() => void)[] = [];
  readonly #staleAfterMs: number;
  readonly #now: () => number;

  /**
   * @param options `limit` (default unlimited), `staleAfterMs` (default 30 minutes), `now` (ms clock, for tests).
   */
  constructor(options: { limit?: number | null; staleAfterMs?: number; now?: () => number } = {}) {
    this.#limit = options.limit ?? Number.POSITIVE_INFINITY;
    this.#staleAfterMs = options.staleAfterMs ?? 30 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Jobs accepted and not yet seen ending. */
  get jobsInFlight(): number {
    return this.#jobs.size;
  }

  /** Jobs in flight allowed at once (Infinity until a limit is known). */
  get limit(): number {
    return this.#limit;
  }

  /** Sets the limit (at least 1) and wakes waiters if it grew. */
  setLimit(limit: number): void {
    this.#limit = Math.max(1, Math.floor(limit));
    this.#wake();
  }

  /** Waits until a slot is free, then reserves it for one submission. */
  async acquire(): Promise<void> {
    for (;;) {
      this.#dropStale();
      if (this.#jobs.size + this.#reserved < this.#limit) {
        this.#reserved += 1;
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The reserved submission was accepted as `jobId`: its slot now belongs to the job. */
  confirm(jobId: string): void {
    this.#reserved = Math.max(0, this.#reserved - 1);
    this.#jobs.set(jobId, this.#now());
  }

  /** The reserved submission created no job: frees its slot. */
  releaseReservation(): void {
    this.#reserved = Math.max(0, this.#reserved - 1);
    this.#wake();
  }

  /** Counts a job found after the fact (a lost submission reconciled) without waiting. */
  adopt(jobId: string): void {
    if (!this.#jobs.has(jobId)) this.#jobs.set(jobId, this.#now());
  }

  /** The job reached a terminal status: frees its slot. */
  end(jobId: string): void {
    if (this.#jobs.delete(jobId)) this.#wake();
  }

  #dropStale(): void {
    const cutoff = this.#now() - this.#staleAfterMs;
    for (const [jobId, since] of this.#jobs) if (since < cutoff) this.#jobs.delete(jobId);
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
