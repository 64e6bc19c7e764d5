import assert from "node:assert/strict";
import {
  applySync,
  formatPlanSummary,
  formatReport,
  parsePlan,
  PlanFileError,
  planSync,
  serializePlan,
} from "../../sync/mod.ts";
import { person, setup, users } from "./_helpers.ts";

async function saved() {
  const s = setup("v1");
  const plan = await planSync(s.client, [
    person(1, { groups: ["eng"] }),
    person(2, { manager: "E1" }),
  ]);
  return { ...s, plan, text: await serializePlan(plan) };
}

Deno.test("plan file: a saved plan parses back to the same plan and applies", async () => {
  const { client, plan, text } = await saved();
  const parsed = await parsePlan(text);
  assert.deepEqual(parsed, plan);
  assert.deepEqual(await parsePlan(JSON.stringify(plan)), plan); // planSync sets the checksum
  const report = await applySync(client, parsed);
  assert.equal(report.status, "applied");
  assert.equal((await users(client)).length, 2);
});

Deno.test("plan file: bad JSON, another format or version, a missing field, a bad checksum are refused whole", async () => {
  const { text, plan } = await saved();
  const cases: [string, string, RegExp][] = [
    ["not JSON", text.slice(0, text.length / 2), /not JSON/],
    ["an array", "[]", /not a JSON object/],
    ["another format", text.replace('"slack-scim-plan"', '"terraform-plan"'), /format/],
    ["another version", text.replace('"version": 1', '"version": 2'), /version 2 is not supported/],
    ["a missing field", JSON.stringify({ ...plan, operations: undefined }), /"operations"/],
    ["an edited operation", text.replace('"person2"', '"mallory"'), /checksum/],
    ["a flipped guard", text.replace('"blocked": false', '"blocked": true'), /checksum/],
    [
      "an edited checksum",
      text.replace(/"checksum": "[0-9a-f]{4}/, '"checksum": "0000'),
      /checksum/,
    ],
  ];
  for (const [what, bad, message] of cases) {
    await assert.rejects(parsePlan(bad), (error: unknown) => {
      assert.ok(error instanceof PlanFileError, what);
      assert.match(error.message, message, what);
      return true;
    });
  }
});

Deno.test("plan file: key order and spacing do not matter to the checksum", async () => {
  const { plan } = await saved();
  const reordered = Object.fromEntries(Object.entries(plan).reverse());
  assert.deepEqual(await parsePlan(JSON.stringify(reordered)), plan);
});

Deno.test("plan file: a plan of one version is refused by the other version's client", async () => {
  const { plan } = await saved();
  const { client } = setup("v2");
  await assert.rejects(applySync(client, plan), /made with the v1 API/);
});

Deno.test("formatPlanSummary and formatReport: what people read", async () => {
  const { client, plan } = await saved();
  const summary = formatPlanSummary(plan);
  assert.match(summary, /create users\s+2/);
  assert.match(summary, /create groups\s+1/);
  assert.match(summary, /set managers\s+1/);
  assert.match(summary, /Calls: reads \d+, writes 4, userWrites 3, groupCreateDelete 1; ETA 0 s/);
  const report = formatReport(await applySync(client, plan));
  assert.match(report, /^applied/);
  assert.match(report, /setManager\s+1\s+1\s+0\s+0\s+0/);
});
