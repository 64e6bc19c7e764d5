/**
 * Where the command line writes: data on stdout, messages and progress on stderr. On a terminal
 * (and without `NO_COLOR`) progress is a bar with counts and an ETA (cli-progress); otherwise it
 * is plain lines, with no escape codes. `--quiet` keeps only errors; `--json` makes stdout one
 * JSON document.
 *
 * @module
 */

import process from "node:process";
import cliProgress from "cli-progress";

/** A progress display: a bar on a terminal, plain lines elsewhere. */
export interface Progress {
  /** Sets the count done (and the total, when it becomes known or changes). */
  update(done: number, total?: number): void;
  /** Ends the display; `summary` is the line that stays. */
  stop(summary?: string): void;
}

/** Whether stderr may carry a drawn bar: a terminal, and `NO_COLOR` unset. */
export function canDraw(): boolean {
  const noColor = process.env.NO_COLOR;
  return process.stderr.isTTY === true && (noColor === undefined || noColor === "");
}

/** The command line's output channels. */
export class Output {
  /** Messages and progress off (errors still print). */
  readonly quiet: boolean;
  /** stdout is one JSON document. */
  readonly json: boolean;

  /** @param options `--quiet`, `--json`. */
  constructor(options: { quiet?: boolean | undefined; json?: boolean | undefined }) {
    this.quiet = options.quiet === true;
    this.json = options.json === true;
  }

  /** A message on stderr (not with `--quiet`). */
  info(message: string): void {
    if (!this.quiet) process.stderr.write(`${message}\n`);
  }

  /** A warning on stderr (not with `--quiet`). */
  warn(message: string): void {
    if (!this.quiet) process.stderr.write(`warning: ${message}\n`);
  }

  /** Writes `value` as the JSON document on stdout. */
  printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Writes text on stdout. */
  print(text: string): void {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /**
   * Starts a progress display.
   *
   * @param label What is counted ("users", "operations").
   * @param total The count expected, when known.
   */
  progress(label: string, total?: number): Progress {
    if (this.quiet) return { update() {}, stop() {} };
    if (canDraw()) return barProgress(label, total);
    return lineProgress(label, total);
  }
}

function barProgress(label: string, total?: number): Progress {
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: `{bar} {value}/{total} ${label} | {percentage}% | ETA {eta_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 10,
  }, cliProgress.Presets.shades_classic);
  // Drawn from the first count on, once the total is known (no "0/0 | 100%" first frame).
  let started = false;
  let known = total ?? 0;
  return {
    update(done, newTotal) {
      if (!started) {
        started = true;
        known = newTotal ?? known;
        bar.start(known, done);
        return;
      }
      if (newTotal !== undefined && newTotal !== known) {
        known = newTotal;
        bar.setTotal(newTotal);
      }
      bar.update(done);
    },
    stop(summary) {
      if (started) bar.stop();
      if (summary !== undefined) process.stderr.write(`${summary}\n`);
    },
  };
}

/** Plain lines: one at each tenth of the way (and at least one a page), never escape codes. */
function lineProgress(label: string, total?: number): Progress {
  let known = total;
  let lastTenth = -1;
  let lastDone = -1;
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) known = newTotal;
      if (done === lastDone) return;
      const tenth = known ? Math.floor((done / known) * 10) : -1;
      if (known && tenth === lastTenth && done !== known) return;
      lastTenth = tenth;
      lastDone = done;
      process.stderr.write(`${done}${known === undefined ? "" : `/${known}`} ${label}\n`);
    },
    stop(summary) {
      if (summary !== undefined) process.stderr.write(`${summary}\n`);
    },
  };
}
