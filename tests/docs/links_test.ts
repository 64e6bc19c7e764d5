/**
 * Every relative link of the README, the changelog and docs/ leads somewhere: the file exists,
 * and a `#fragment` names a heading of it (GitHub's anchors). Links to the guides other branches
 * write (sync.md, cli.md) are skipped, by name, while those files are absent.
 */

import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url);
const EXPECTED_GUIDES = new Set(["docs/guide/sync.md", "docs/guide/cli.md"]);

async function markdownFiles(): Promise<string[]> {
  const files = ["README.md", "CHANGELOG.md"];
  const walk = async (folder: string) => {
    for await (const entry of Deno.readDir(new URL(folder + "/", ROOT))) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory) await walk(path);
      else if (entry.name.endsWith(".md")) files.push(path);
    }
  };
  await walk("docs");
  return files.sort();
}

/** Lines outside fenced code blocks. */
function prose(text: string): string[] {
  let fenced = false;
  return text.split("\n").filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(text: string): Set<string> {
  const found = new Set<string>();
  for (const line of prose(text)) {
    const match = /^#{1,6}\s+(.*)$/.exec(line);
    if (match) found.add(anchorOf(match[1]!));
  }
  return found;
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

async function read(path: string): Promise<string | undefined> {
  try {
    const stat = await Deno.stat(new URL(path, ROOT));
    return stat.isDirectory ? "" : await Deno.readTextFile(new URL(path, ROOT));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

Deno.test("GitHub anchors are computed as GitHub does", () => {
  assert.equal(anchorOf("Pacing: `deno task bench:limits`"), "pacing-deno-task-benchlimits");
  assert.equal(anchorOf("v1 → v2"), "v1--v2");
  assert.equal(anchorOf("Add 3,000 users to a group"), "add-3000-users-to-a-group");
});

const files = await markdownFiles();
for (const file of files) {
  Deno.test(`${file}: every relative link leads to a file and a heading`, async () => {
    const text = (await read(file))!;
    const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    const problems: string[] = [];
    for (const line of prose(text)) {
      for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [pathPart, fragment] = target.split("#", 2) as [string, string | undefined];
        const path = pathPart === "" ? file : normalize(folder + pathPart);
        const content = await read(path);
        if (content === undefined) {
          if (!EXPECTED_GUIDES.has(path)) problems.push(`${target}: no file ${path}`);
          continue;
        }
        if (fragment !== undefined && path.endsWith(".md") && !anchors(content).has(fragment)) {
          problems.push(`${target}: no heading "#${fragment}" in ${path}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
}

for (const guide of EXPECTED_GUIDES) {
  const present = (await read(guide)) !== undefined;
  Deno.test({
    name: `links to ${guide} are checked${present ? "" : " (skipped: not in this branch)"}`,
    ignore: !present,
    fn: () => assert.ok(files.includes(guide)),
  });
}
