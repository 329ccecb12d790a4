/**
 * A per-user sliding window: at most `limit` messages in any `windowMs`. The first message over the
 * limit gets one polite notice; the rest of that window is dropped silently, so a flood never turns
 * into a flood of notices.
 */
export type RateDecision = "allow" | "notify" | "drop";

interface UserWindow {
  /** Times of the allowed messages in the window, oldest first. */
  times: number[];
  /** The notice was sent; no other until the window frees a slot. */
  notified: boolean;
}

const SWEEP_EVERY = 1000;

export class RateLimiter {
  private readonly users = new Map<string, UserWindow>();
  private checks = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  check(userId: string | number): RateDecision {
    const now = this.now();
    this.sweepSometimes(now);
    const key = String(userId);
    const window = this.users.get(key) ?? { times: [], notified: false };
    this.users.set(key, window);
    while (window.times.length > 0 && (window.times[0] ?? 0) <= now - this.windowMs) window.times.shift();
    if (window.times.length < this.limit) {
      window.times.push(now);
      window.notified = false;
      return "allow";
    }
    if (window.notified) return "drop";
    window.notified = true;
    return "notify";
  }

  /** Forgets users idle for a whole window, so the map does not grow with every user ever seen. */
  private sweepSometimes(now: number): void {
    this.checks += 1;
    if (this.checks % SWEEP_EVERY !== 0) return;
    for (const [key, window] of this.users) {
      const last = window.times[window.times.length - 1] ?? 0;
      if (last <= now - this.windowMs) this.users.delete(key);
    }
  }
}
