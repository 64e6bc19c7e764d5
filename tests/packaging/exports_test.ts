// The public surface is pinned: each entry's export list must equal the reviewed snapshot
// (tests/packaging/exports_snapshot.json), as Deno std's check_mod_exports pins its mods. A
// name added or removed, or an entry added to deno.json, fails here until the snapshot is
// updated by hand (`deno task exports` prints the current lists).

import assert from "node:assert/strict";
import { exportLists } from "../../scripts/exports.ts";

const ROOT = new URL("../../", import.meta.url);

/**
 * What differs between two sets of lists, one line per entry.
 *
 * @param snapshot The reviewed lists.
 * @param current What the entries export now.
 * @returns The differences; empty when none.
 */
export function surfaceDiff(
  snapshot: Record<string, string[]>,
  current: Record<string, string[]>,
): string[] {
  const lines: string[] = [];
  for (const entry of new Set([...Object.keys(snapshot), ...Object.keys(current)])) {
    const was = snapshot[entry];
    const now = current[entry];
    if (was === undefined) {
      lines.push(`${entry}: a new entry, not in the snapshot (${now!.length} exports)`);
      continue;
    }
    if (now === undefined) {
      lines.push(`${entry}: in the snapshot, no longer an entry of deno.json`);
      continue;
    }
    const added = now.filter((name) => !was.includes(name));
    const removed = was.filter((name) => !now.includes(name));
    if (added.length > 0) lines.push(`${entry}: + ${added.join(", ")}`);
    if (removed.length > 0) lines.push(`${entry}: - ${removed.join(", ")}`);
  }
  return lines;
}

Deno.test("every entry exports exactly the reviewed names (tests/packaging/exports_snapshot.json)", async () => {
  const snapshot = JSON.parse(
    await Deno.readTextFile(new URL("tests/packaging/exports_snapshot.json", ROOT)),
  ) as Record<string, string[]>;
  const cwd = Deno.cwd();
  Deno.chdir(ROOT);
  let current: Record<string, string[]>;
  try {
    current = await exportLists(await Deno.readTextFile("deno.json"));
  } finally {
    Deno.chdir(cwd);
  }
  const diff = surfaceDiff(snapshot, current);
  assert.deepEqual(
    diff,
    [],
    `the public surface changed; review it, then update tests/packaging/exports_snapshot.json by hand:\n${
      diff.join("\n")
    }`,
  );
});

Deno.test("the surface diff names added and removed exports and new or dropped entries", () => {
  assert.deepEqual(
    surfaceDiff(
      { ".": ["A", "B"], "./old": ["X"] },
      { ".": ["B", "C"], "./new": ["Y"] },
    ),
    [
      ".: + C",
      ".: - A",
      "./old: in the snapshot, no longer an entry of deno.json",
      "./new: a new entry, not in the snapshot (1 exports)",
    ],
  );
  assert.deepEqual(surfaceDiff({ ".": ["A"] }, { ".": ["A"] }), []);
});
