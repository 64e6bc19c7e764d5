// How a careful caller meets failures: every throw must be a typed error that says why; a
// failure is counted as meant (a refusal the test asked for) or as caused by an injected fault;
// needed reads are repeated until answered; and after a failed write, what Slack holds decides
// whether it was applied, which must agree with what the error said.

import assert from "node:assert/strict";
import { isSCIMApiError } from "../../mod.ts";
import type { Figures } from "./_figures.ts";
import { classifyFailure, type Failure, saysWhy } from "./_model.ts";

/** What a call ended in: its response, or a classified failure. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

// How many times a careful caller repeats a read it needs before giving up.
const READ_TRIES = 10;

/** Calls the client for the soak test, counting everything in its figures. */
export class CarefulCaller {
  readonly #figures: Figures;

  constructor(figures: Figures) {
    this.#figures = figures;
  }

  /** Calls the client; a throw must be one of its typed errors, and say why. */
  async call<T extends { attempts: number; recovered: boolean }>(
    operation: string,
    call: () => Promise<T>,
  ): Promise<Outcome<T>> {
    const counts = this.#figures.of(operation);
    counts.run += 1;
    try {
      const value = await call();
      counts.ok += 1;
      if (value.recovered) counts.recovered += 1;
      this.#figures.retries += value.attempts - 1;
      return { ok: true, value };
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure === undefined) {
        assert.fail(`${operation} threw something that is not a typed error: ${String(error)}`);
      }
      assert.ok(saysWhy(error), `${operation} threw an error that does not say why: ${error}`);
      this.#figures.retries += (error as { attempts: number }).attempts - 1;
      if (failure.applied === "maybe") {
        this.#figures.uncertain.total += 1;
        if (/may have/i.test(failure.message)) this.#figures.uncertain.told += 1;
      }
      return { ok: false, failure };
    }
  }

  /**
   * Counts a failure: a refusal the test asked for (`meant` is Slack's code for it), or one an
   * injected fault explains. Anything else means the test sent a request Slack refuses.
   */
  failed(
    label: string,
    operation: string,
    failure: Failure,
    refusal?: string,
    meant = refusal !== undefined,
  ): void {
    const counts = this.#figures.of(operation);
    if (meant && failure.description === refusal) {
      counts.refused += 1;
      this.#figures.failure(`${failure.kind} (meant)`);
      return;
    }
    const status = failure.status;
    const byFault = status === undefined || status === 429 || status >= 500 ||
      (status >= 200 && status < 300) ||
      // an empty or cut body (Slack's own code lost with it)
      failure.description === "empty_response" || failure.description === "unparseable_response" ||
      // a retry after an attempt that got no answer can meet the first attempt's work
      (failure.applied === "maybe" && (status === 409 || status === 404));
    assert.ok(byFault, `${label}: Slack refused it: ${failure.message}`);
    counts.failed += 1;
    this.#figures.failure(failure.kind);
  }

  /** Repeats a read until it is answered; `undefined` when Slack says the resource is gone. */
  async reliably<T>(label: string, read: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 0; attempt < READ_TRIES; attempt++) {
      this.#figures.settleReads.run += 1;
      try {
        return await read();
      } catch (error) {
        const gone = isSCIMApiError(error) && error.status === 404 &&
          (error.description === "no_such_user" || error.description === "no_such_group");
        if (gone) return undefined;
        assert.ok(classifyFailure(error), `${label}: a read threw ${String(error)}`);
        this.#figures.settleReads.failed += 1;
      }
    }
    assert.fail(`${label}: no read was answered in ${READ_TRIES} tries`);
  }

  /**
   * After a failed write, decides from what Slack now holds whether it was applied, and checks
   * that this agrees with what the error said.
   */
  settle<S>(
    label: string,
    failure: Failure,
    states: {
      before: S | undefined;
      after: S | undefined;
      actual: S | undefined;
      same: (a: S | undefined, b: S | undefined) => boolean;
    },
  ): void {
    const { before, after, actual, same } = states;
    const applied = same(actual, after);
    const untouched = same(actual, before);
    const show = (state: S | undefined) => JSON.stringify(state) ?? "nothing";
    assert.ok(
      applied || untouched,
      `${label}: after "${failure.message}" Slack holds ${show(actual)}, neither the state ` +
        `before (${show(before)}) nor after (${show(after)})`,
    );
    if (applied && untouched) return;
    if (applied) {
      assert.notEqual(
        failure.applied,
        "no",
        `${label}: "${failure.message}" reads as not applied, but Slack applied it`,
      );
      this.#figures.settled.applied += 1;
    } else {
      assert.notEqual(
        failure.applied,
        "yes",
        `${label}: "${failure.message}" reads as applied, but Slack did not apply it`,
      );
      this.#figures.settled.notApplied += 1;
    }
  }
}
