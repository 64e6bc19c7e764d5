/**
 * The system clock's sleep: a wait the caller's signal cancels, longer than a runtime's timer
 * holds too. Used by the retrying fetch (through clock.ts) and the rate limiter (limits/).
 * Shared inside the project; not part of any entry.
 *
 * @module
 */

// setTimeout fires at once for delays past a signed 32-bit number of milliseconds (~24.8 days).
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** Calls `callback` after `ms` milliseconds; returns what cancels it. */
export type Schedule = (callback: () => void, ms: number) => () => void;

const schedule: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/**
 * Waits `ms`, rejecting with `signal.reason` when `signal` aborts. Waits longer than a timer
 * can hold are slept in chunks.
 *
 * @param ms The wait in milliseconds.
 * @param signal Ends the wait early.
 * @param timer Schedules one chunk of the wait (tests inject it).
 * @returns When the wait is over.
 */
export function abortableSleep(
  ms: number,
  signal: AbortSignal,
  timer: Schedule = schedule,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let cancel: (() => void) | undefined;
    const onAbort = () => {
      cancel?.();
      reject(signal.reason);
    };
    const wait = (left: number) => {
      const chunk = Math.min(left, MAX_TIMER_DELAY);
      cancel = timer(() => {
        if (left > chunk) return wait(left - chunk);
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, chunk);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    wait(ms > 0 ? ms : 0); // NaN included
  });
}
