/**
 * `deno task bench:simulator`: what one request costs the simulator at 10,000, 100,000 and
 * 1,000,000 seeded users, compared in the same run (issue 14's proof). Each scale runs in a child
 * process of its own, so its RSS is its own; requests go through `sim.fetch` in that process,
 * so the figures are the simulator's own work (no client, no sockets).
 *
 * Per scale: seeding time, RSS per seeded user, and the median time of page 1 (count=100), the
 * last page, `count=1`, `userName eq`, `email eq`, a filter that matches nobody (a full scan,
 * named as such), and a whole export (count=1000 pages). The table gives each cost and its
 * ratio to the 10k row; the targets are ≤ 1.5× at 1M for every per-request cost but the full
 * scan, and an export time linear in n (the per-user export cost within 1.5×).
 *
 *   deno task bench:simulator                      # 10k, 100k, 1M (about a minute)
 *   deno task bench:simulator --scales 10000,50000 # other scales (the first is the baseline)
 *
 * @module
 */

import { SlackScimSimulator } from "../scim/testing/mod.ts";

const TOKEN = "xoxp-bench";

/** What one child measures at one scale. */
interface ScaleResult {
  users: number;
  seedMs: number;
  rssPerUserBytes: number;
  /** Median ms per request. */
  page1: number;
  lastPage: number;
  count1: number;
  userNameEq: number;
  emailEq: number;
  fullScan: number;
  /** ms for the whole export. */
  exportMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs in the child: seeds `users`, measures, prints one JSON line. */
async function measure(users: number): Promise<ScaleResult> {
  // Load and warm the code first, so the RSS difference is the directory's, not the JIT's.
  const warm = new SlackScimSimulator({ token: TOKEN, users: 2000, groups: 20 });
  for (
    const query of ["count=100", "count=1", 'filter=userName eq "x"', 'filter=userName co "x"']
  ) {
    await warm.fetch(
      new Request(`https://api.slack.com/scim/v1/Users?${query}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      }),
    );
  }
  gc();
  const rssBefore = Deno.memoryUsage().rss;
  const t0 = performance.now();
  const sim = new SlackScimSimulator({ token: TOKEN, users, groups: 20, requestLogLimit: 0 });
  const seedMs = performance.now() - t0;
  gc();
  const rssPerUserBytes = (Deno.memoryUsage().rss - rssBefore) / users;

  const headers = { authorization: `Bearer ${TOKEN}` };
  const get = async (query: string): Promise<{ Resources: Record<string, unknown>[] }> => {
    const res = await sim.fetch(
      new Request(`https://api.slack.com/scim/v1/Users?${query}`, { headers }),
    );
    if (res.status !== 200) throw new Error(`GET Users?${query}: ${res.status}`);
    return await res.json();
  };
  const time = async (
    repeats: number,
    query: (i: number) => string,
  ): Promise<number> => {
    for (let i = 0; i < Math.min(3, repeats); i++) await get(query(i)); // warm up
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      await get(query(i));
      times.push(performance.now() - t);
    }
    return median(times);
  };
  // Names and emails to look up, spread over the whole directory (fetched outside the timing).
  const targets: { userName: string; email: string }[] = [];
  for (let i = 0; i < 20; i++) {
    const start = 1 + Math.floor(((i + 0.5) / 20) * users);
    const user = (await get(`startIndex=${start}&count=1`)).Resources[0]!;
    targets.push({
      userName: String(user.userName),
      email: String((user.emails as { value: string }[])[0]!.value),
    });
  }
  const filter = (text: string) => `filter=${encodeURIComponent(text)}`;
  const page1 = await time(30, () => "startIndex=1&count=100");
  const lastPage = await time(30, () => `startIndex=${users - 99}&count=100`);
  const count1 = await time(50, () => "count=1");
  const userNameEq = await time(
    50,
    (i) => filter(`userName eq "${targets[i % targets.length]!.userName.toUpperCase()}"`),
  );
  const emailEq = await time(50, (i) => filter(`email eq "${targets[i % targets.length]!.email}"`));
  const fullScan = await time(5, () => filter('userName co "nobody-has-this"'));
  const t1 = performance.now();
  let exported = 0;
  for (let start = 1; start <= users; start += 1000) {
    exported += (await get(`startIndex=${start}&count=1000`)).Resources.length;
  }
  const exportMs = performance.now() - t1;
  if (exported !== users) throw new Error(`export read ${exported} of ${users} users`);
  return {
    users,
    seedMs,
    rssPerUserBytes,
    page1,
    lastPage,
    count1,
    userNameEq,
    emailEq,
    fullScan,
    exportMs,
  };
}

async function runChild(users: number): Promise<ScaleResult> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--v8-flags=--expose-gc,--max-old-space-size=4096",
      new URL(import.meta.url).pathname,
      "--child",
      String(users),
    ],
    env: { NO_COLOR: "1", RUST_BACKTRACE: "0" },
  }).output();
  if (code !== 0) {
    throw new Error(`bench child for ${users} users failed: ${new TextDecoder().decode(stderr)}`);
  }
  return JSON.parse(new TextDecoder().decode(stdout).trim().split("\n").at(-1)!);
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}

function table(results: ScaleResult[]): string {
  const base = results[0]!;
  const columns: {
    name: string;
    value: (r: ScaleResult) => number;
    fmt: (v: number) => string;
    ratio: boolean;
  }[] = [
    { name: "seed (ms)", value: (r) => r.seedMs, fmt: ms, ratio: false },
    {
      name: "RSS/user (B)",
      value: (r) => r.rssPerUserBytes,
      fmt: (v) => v.toFixed(0),
      ratio: false,
    },
    { name: "page 1 (ms)", value: (r) => r.page1, fmt: ms, ratio: true },
    { name: "last page (ms)", value: (r) => r.lastPage, fmt: ms, ratio: true },
    { name: "count=1 (ms)", value: (r) => r.count1, fmt: ms, ratio: true },
    { name: "userName eq (ms)", value: (r) => r.userNameEq, fmt: ms, ratio: true },
    { name: "email eq (ms)", value: (r) => r.emailEq, fmt: ms, ratio: true },
    { name: "full scan, no match (ms)", value: (r) => r.fullScan, fmt: ms, ratio: true },
    { name: "export (ms)", value: (r) => r.exportMs, fmt: ms, ratio: false },
    {
      name: "export per user (µs)",
      value: (r) => (r.exportMs * 1000) / r.users,
      fmt: (v) => v.toFixed(2),
      ratio: true,
    },
  ];
  const header = ["", ...results.map((r) => `${r.users.toLocaleString("en")} users`)];
  const lines = [header];
  for (const column of columns) {
    lines.push([
      column.name,
      ...results.map((r) => {
        const v = column.value(r);
        if (!column.ratio || r === base) return column.fmt(v);
        return `${column.fmt(v)} (${(v / column.value(base)).toFixed(2)}×)`;
      }),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [
    row(lines[0]!),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...lines.slice(1).map(row),
  ].join("\n");
}

if (import.meta.main) {
  const childAt = Deno.args.indexOf("--child");
  if (childAt >= 0) {
    console.log(JSON.stringify(await measure(Number(Deno.args[childAt + 1]))));
  } else {
    const scalesAt = Deno.args.indexOf("--scales");
    const scales = scalesAt >= 0
      ? Deno.args[scalesAt + 1]!.split(",").map(Number)
      : [10_000, 100_000, 1_000_000];
    const results: ScaleResult[] = [];
    for (const users of scales) {
      const started = performance.now();
      results.push(await runChild(users));
      console.error(
        `${users} users measured in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    console.log(table(results));
    const last = results.at(-1)!;
    const base = results[0]!;
    const worst = Math.max(
      ...(["page1", "lastPage", "count1", "userNameEq", "emailEq"] as const).map((key) =>
        last[key] / base[key]
      ),
      (last.exportMs / last.users) / (base.exportMs / base.users),
    );
    console.log(
      `\nworst ratio at ${last.users.toLocaleString("en")} users over ${
        base.users.toLocaleString("en")
      } ` +
        `(full scan excepted): ${worst.toFixed(2)}× (target ≤ 1.5×)`,
    );
  }
}
