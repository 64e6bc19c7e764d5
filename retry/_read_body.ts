// Internal: reading a request's body once, for every attempt to carry.

import type { Armed } from "./_arm.ts";
import { RequestTimeoutError } from "./request_timeout_error.ts";

/**
 * Reads a request's body once, for every attempt to carry. The read ends when the call's signal
 * aborts: a stream body that never closes must not outlive the timeout. The stream is then
 * cancelled.
 *
 * @param request The request; its body is consumed.
 * @param armed The call's signals.
 * @returns The body's bytes, or null when it has none.
 */
export async function readBody(request: Request, armed: Armed): Promise<ArrayBuffer | null> {
  const stream = request.body;
  if (stream === null) return null;
  const { signal, callerSignal, timeoutSignal } = armed;
  if (signal === undefined) return await request.arrayBuffer();
  const aborted = () => {
    if (callerSignal?.aborted) return callerSignal.reason;
    const { method, url } = request;
    return new RequestTimeoutError({
      method,
      url,
      attempts: 0,
      totalRetryDelay: 0,
      mayHaveBeenApplied: false,
      failedAttempts: [],
      timeout: armed.timeout,
    }, { cause: timeoutSignal?.reason });
  };
  if (signal.aborted) {
    stream.cancel(signal.reason).catch(() => {});
    throw aborted();
  }
  const reader = stream.getReader();
  // Cancelling through the reader ends a pending read (done) and releases the body's source.
  const onAbort = () => reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (true) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        if (signal.aborted) throw aborted();
        throw error;
      }
      if (signal.aborted) throw aborted();
      const { done, value } = result;
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}
