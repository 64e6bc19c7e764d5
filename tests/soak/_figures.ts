// The soak test's figures: what ran, what failed and why, what the client absorbed.

/** Counts of one operation kind. */
export interface OperationCounts {
  run: number;
  ok: number;
  /** Failed with a typed error caused by an injected fault. */
  failed: number;
  /** Refused by Slack as the test meant (a taken email, a missing id). */
  refused: number;
  /** Succeeded with `recovered: true`. */
  recovered: number;
}

/** Everything the soak test counts. */
export class Figures {
  readonly operations: Map<string, OperationCounts> = new Map();
  /** Failures by error kind, such as `SCIMApiError 502 unparseable_response`. */
  readonly failures: Map<string, number> = new Map();
  /** Retries made by the client: `attempts - 1` of every operation, answered or not. */
  retries = 0;
  /** Failed writes whose outcome the test established by reading back, by outcome. */
  settled: { applied: number; notApplied: number } = { applied: 0, notApplied: 0 };
  /** Failures after which a write may or may not have happened, and how many messages say so. */
  uncertain: { total: number; told: number } = { total: 0, told: 0 };
  /** Reads the test made to settle failed writes, and how many of those failed themselves. */
  settleReads: { run: number; failed: number } = { run: 0, failed: 0 };

  /** The counts of one operation kind, created on first use. */
  of(kind: string): OperationCounts {
    let counts = this.operations.get(kind);
    if (counts === undefined) {
      counts = { run: 0, ok: 0, failed: 0, refused: 0, recovered: 0 };
      this.operations.set(kind, counts);
    }
    return counts;
  }

  /** Counts a failure of the given kind. */
  failure(kind: string): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
  }

  /** Sums one column over every operation kind. */
  total(column: keyof OperationCounts): number {
    let sum = 0;
    for (const counts of this.operations.values()) sum += counts[column];
    return sum;
  }

  /**
   * The figures as a text table.
   *
   * @param injected Faults injected by kind (the simulator's `faults.injected`).
   * @param requests Requests the simulator saw during the run.
   */
  format(injected: Readonly<Record<string, number>>, requests: number): string {
    const lines: string[] = [];
    const row = (cells: (string | number)[], widths: number[]) =>
      cells.map((cell, i) =>
        i === 0 ? String(cell).padEnd(widths[i] ?? 0) : String(cell).padStart(widths[i] ?? 0)
      ).join("  ");
    const widths = [14, 6, 6, 7, 8, 10];
    lines.push("Soak figures");
    lines.push(row(["operation", "run", "ok", "failed", "refused", "recovered"], widths));
    const kinds = [...this.operations.keys()].sort();
    for (const kind of kinds) {
      const c = this.of(kind);
      lines.push(row([kind, c.run, c.ok, c.failed, c.refused, c.recovered], widths));
    }
    lines.push(
      row([
        "total",
        this.total("run"),
        this.total("ok"),
        this.total("failed"),
        this.total("refused"),
        this.total("recovered"),
      ], widths),
    );
    const faultTotal = Object.values(injected).reduce((sum, n) => sum + n, 0);
    lines.push("");
    lines.push(`requests seen by the simulator: ${requests}; faults injected: ${faultTotal}`);
    for (const [kind, n] of Object.entries(injected)) lines.push(`  ${kind.padEnd(22)}${n}`);
    lines.push(`retries made by the client: ${this.retries}`);
    lines.push(`failures by kind (${[...this.failures.values()].reduce((a, b) => a + b, 0)}):`);
    for (const [kind, n] of [...this.failures].sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${kind.padEnd(56)}${n}`);
    }
    lines.push(
      `failures that leave a write uncertain: ${this.uncertain.total} ` +
        `(the message says it may have happened: ${this.uncertain.told})`,
    );
    lines.push(
      `failed writes settled by reading back: ${this.settled.applied} had been applied, ` +
        `${this.settled.notApplied} had not (${this.settleReads.run} reads, ` +
        `${this.settleReads.failed} of them failed and were repeated)`,
    );
    return lines.join("\n");
  }
}
