// Shared with scim/transport.ts, exported by no entry: a request handed over to the retrying
// fetch by the code that built it and that no one else sees (the SCIM transport, when no middleware was ever registered). Such a request carries
// the call's signal from the start (armed before it was built, on the retrying fetch's clock), so
// its first attempt is the request itself: no copy, no second dependent signal, no second header
// list. A request with a body, and every later attempt, is a copy as for any request; a copy
// leaves out the header the layer beneath set on the request itself (the token), so what the
// pacer and the transport see of a retry is what they saw of the first attempt. The key is a
// symbol no entry exports, so a caller's options cannot hand a request over by accident.

import { arm, type Armed, type CallDeps, clockOf } from "./_arm.ts";
import type { Clock } from "./clock.ts";

/** The call option under which a handed-over request's armed signals travel. */
export const HANDED_OVER: unique symbol = Symbol("handedOver");

/** A handed-over request's call: its signals, and the header set on it beneath. */
export interface HandOver extends Armed {
  /** The header the layer beneath sets on each attempt, left out of every copy. */
  setBeneath: string;
}

/** A call's options, with a handed-over request's call. */
export interface HandedOver {
  [HANDED_OVER]?: HandOver;
}

/** What arming a call needs: the clock's `now` and `timeout`. */
export type ArmClock = Pick<CallDeps, "now" | "timeoutSignal">;

/**
 * The clock to arm calls with before their requests are built: the same one the retrying fetch
 * made from the same option.
 *
 * @param clock The `clock` option given to `createRetryingFetch`.
 * @returns What {@linkcode armBefore} takes.
 */
export function armClock(clock: Partial<Clock> | undefined): ArmClock {
  const whole = clockOf(clock);
  return { now: () => whole.now(), timeoutSignal: (ms) => whole.timeout(ms) };
}

/**
 * Arms a call before its request is built, as the retrying fetch would: the timeout's signal
 * combined with the caller's, and the deadline.
 *
 * @param clock From {@linkcode armClock}.
 * @param callerSignal The caller's signal, if any.
 * @param timeout Milliseconds for the whole call (0: none), already checked.
 * @param setBeneath The header the layer beneath sets on each attempt (lower case).
 * @returns The call; `signal` is the one to build the request with.
 */
export function armBefore(
  clock: ArmClock,
  callerSignal: AbortSignal | undefined,
  timeout: number,
  setBeneath: string,
): HandOver {
  const armed = arm(clock, callerSignal, timeout) as HandOver;
  armed.setBeneath = setBeneath;
  return armed;
}
