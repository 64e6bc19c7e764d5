/**
 * Honouring a request's `AbortSignal` in the simulator, as a real `fetch` does.
 *
 * @module
 */

/**
 * Settles as `work` does, unless `signal` aborts first: then rejects at once with
 * `signal.reason`. The work itself goes on (a write that already started may complete, as on a
 * real server); its late answer is discarded and a late `Response` body cancelled.
 *
 * @param work What to wait for.
 * @param signal The caller's signal; an already aborted one rejects immediately.
 * @returns The work's result.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) {
    discardLate(work);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      discardLate(work);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function discardLate(work: Promise<unknown>): void {
  // Nobody waits for it any more: no unhandled rejection, no body left unread.
  work.then((value) => {
    if (value instanceof Response) value.body?.cancel().catch(() => {});
  }, () => {});
}

/**
 * Waits `ms` milliseconds on a real timer, cleared as soon as `signal` aborts (so an abandoned
 * slow answer leaves no timer behind).
 *
 * @param ms How long to wait.
 * @param signal Stops the wait, rejecting with its reason.
 * @returns Resolves after `ms`.
 */
export function abortableTimeout(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
