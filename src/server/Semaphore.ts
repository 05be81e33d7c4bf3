/** A counting semaphore whose waiters give up when a cancellation promise rejects. */
export class Semaphore {
  private held = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly slots: number) {}

  /** Resolves once a slot is held; rejects with `cancelled`'s error if that comes first (no slot held then). */
  async acquire(cancelled: Promise<never>): Promise<void> {
    if (this.held < this.slots) {
      this.held += 1;
      return;
    }
    let grant!: () => void;
    const granted = new Promise<void>((resolve) => (grant = resolve));
    this.waiting.push(grant);
    try {
      await Promise.race([granted, cancelled]);
    } catch (error) {
      const index = this.waiting.indexOf(grant);
      if (index >= 0) this.waiting.splice(index, 1);
      else this.release(); // granted in the same tick as the cancellation: hand the slot on
      throw error;
    }
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held -= 1;
  }
}
