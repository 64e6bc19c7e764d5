// A virtual clock for the limiter's tests: time passes only through sleeps.

/** A clock whose sleeps end as soon as every earlier-ending one has, a macrotask later. */
export function fakeClock(): {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
} {
  let now = 0;
  const sleepers: { until: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    sleepers.sort((a, b) => a.until - b.until);
    const next = sleepers.shift();
    if (next === undefined) return;
    now = Math.max(now, next.until);
    next.resolve();
    schedule();
  };
  const schedule = () => {
    if (scheduled || sleepers.length === 0) return;
    scheduled = true;
    // Let every request that can run now run first: a macrotask later.
    setTimeout(drain, 0);
  };
  return {
    now: () => now,
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const sleeper = { until: now + ms, resolve, reject };
        sleepers.push(sleeper);
        signal?.addEventListener("abort", () => {
          const at = sleepers.indexOf(sleeper);
          if (at >= 0) sleepers.splice(at, 1);
          reject(signal.reason);
        }, { once: true });
        schedule();
      });
    },
  };
}
