/**
 * One gate per client: when the API says "retry after N" for the account (429, or 503 with
 * Retry-After), every request of the process waits until then instead of each one finding out
 * for itself with a refused request of its own.
 */
export class RateGate {
  private openAt = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Closes the gate for `ms` from now; an earlier reopening is pushed back, a later one kept. */
  closeFor(ms: number): void {
    this.openAt = Math.max(this.openAt, this.now() + ms);
  }

  /** Milliseconds until the gate opens (0 when open). */
  closedFor(): number {
    return Math.max(0, this.openAt - this.now());
  }

  /** Resolves once the gate is open; a wait that ends while another close pushed it back waits again. */
  async pass(): Promise<void> {
    // Each round waits out one close; bounded in case a clock keeps jumping back.
    for (let round = 0; round < 100; round++) {
      const wait = this.closedFor();
      if (wait === 0) return;
      await this.sleep(wait);
    }
  }
}
