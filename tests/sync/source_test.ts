import assert from "node:assert/strict";
import {
  checkSource,
  isSourceError,
  readUsersCsv,
  readUsersJson,
  readUsersJsonl,
  SourceError,
  type SourceProblem,
  sourceRows,
} from "../../sync/mod.ts";

const HEADER =
  "externalId,userName,email,givenName,familyName,displayName,title,active,department,manager,groups";

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join("\n") + "\n";
}

function problemsOf(text: string): [number, string | undefined, string][] {
  return checkSource(readUsersCsv(text)).map((p) => [p.line, p.field, p.message]);
}

function sourceError(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    assert.ok(isSourceError(error), `not a SourceError: ${error}`);
    return error as SourceError;
  }
  assert.fail("no SourceError");
}

Deno.test("readUsersCsv() reads every documented column", () => {
  const rows = readUsersCsv(csv(
    "E1,ada,Ada@Example.com,Ada,Lovelace,Ada L.,Countess,true,Engineering,,Engineering; London",
    "E2,bob,bob@example.com,,,,,false,,E1,",
  ));
  assert.deepEqual(rows, [
    {
      line: 2,
      user: {
        externalId: "E1",
        userName: "ada",
        email: "Ada@Example.com",
        givenName: "Ada",
        familyName: "Lovelace",
        displayName: "Ada L.",
        title: "Countess",
        active: true,
        department: "Engineering",
        groups: ["Engineering", "London"],
      },
    },
    {
      line: 3,
      user: {
        externalId: "E2",
        userName: "bob",
        email: "bob@example.com",
        active: false,
        manager: "E1",
        groups: [],
      },
    },
  ]);
  assert.deepEqual(checkSource(rows), []);
});

Deno.test("readUsersCsv() reads quoted commas, quotes and line breaks, a BOM and CRLF, and numbers lines by where each record starts", () => {
  const text = "\uFEFF" + [
    "externalId,userName,email,displayName,title",
    'E1,ada,ada@example.com,"Lovelace, Ada","Says ""hi"""',
    'E2,bob,bob@example.com,"Bob',
    'the second line",CTO',
    "",
    "   ",
    "E3,cy,cy@example.com,Cy,",
  ].join("\r\n") + "\r\n";
  const rows = readUsersCsv(text);
  assert.deepEqual(rows.map((row) => [row.line, row.user.displayName, row.user.title]), [
    [2, "Lovelace, Ada", 'Says "hi"'],
    [3, "Bob\r\nthe second line", "CTO"],
    [7, "Cy", undefined],
  ]);
  assert.equal(rows[0]?.user.externalId, "E1"); // the BOM is not part of the first column's name
});

Deno.test("readUsersCsv() refuses a file without a required column, naming it", () => {
  const error = sourceError(() =>
    readUsersCsv("externalId,username,mail\nE1,ada,ada@example.com\n")
  );
  assert.deepEqual(error.problems.map((p) => [p.line, p.field]), [[1, "userName"], [1, "email"]]);
  assert.match(
    error.message,
    /line 1: the header has no "userName" column \("username" is spelled differently\)/,
  );
});

Deno.test("readUsersCsv() refuses an empty file and a blank one", () => {
  for (const text of ["", "\n\n  \n", "\uFEFF"]) {
    const error = sourceError(() => readUsersCsv(text));
    assert.match(error.message, /The source is empty/);
  }
});

Deno.test("a header without rows is an empty source: checkSource() refuses it", () => {
  const rows = readUsersCsv(HEADER + "\n");
  assert.deepEqual(rows, []);
  assert.deepEqual(checkSource(rows), [{
    line: 0,
    message: "The source is empty: it lists no users",
  }]);
});

Deno.test("readUsersCsv() refuses a file truncated inside a quoted field, naming the record's line", () => {
  const text = csv("E1,ada,ada@example.com,,,,,,,,", 'E2,bob,bob@example.com,,,"Bob the');
  const error = sourceError(() => readUsersCsv(text));
  assert.deepEqual(error.problems.map((p) => p.line), [3]);
  assert.match(error.message, /line 3: a quoted field is never closed \(is the file truncated\?\)/);
});

Deno.test("a file truncated between fields: the short last row is reported with its line", () => {
  const text = [HEADER, "E1,ada,ada@example.com,,,,,,,,", "E2,bob,bob@exa"].join("\n");
  assert.deepEqual(problemsOf(text).map(([line, , message]) => [line, message]), [
    [
      3,
      "the row has 3 fields where the header has 11 (is a column missing, or the file truncated?)",
    ],
    [3, 'email "bob@exa" is not an email'],
  ]);
});

Deno.test("checkSource() reports every bad row with its line", () => {
  const text = csv(
    "E1,ada,ada@example.com,,,,,,,,", // 2 fine
    "E1,ada2,ada2@example.com,,,,,,,,", // 3 duplicate externalId
    "E3,cy,ADA@example.com ,,,,,,,,", // 4 one email for two rows
    "E4,dee,not-an-email,,,,,,,,", // 5 bad email
    "E5,abcdefghijklmnopqrstuv,e5@example.com,,,,,,,,", // 6 22 characters
    "E6,jo smith,e6@example.com,,,,,,,,", // 7 a character Slack rewrites
    "E7,e7@example.com,e7@example.com,,,,,,,,", // 8 an email as userName
    "E8,eve,e8@example.com,,,,,,,E404,", // 9 a manager naming nobody
    ",fay,fay@example.com,,,,,,,,", // 10 no externalId
    "E10,gus,gus@example.com,,,,,maybe,,,", // 11 a bad active
    "E11,ADA,h@example.com,,,,,,,,", // 12 one userName for two rows (case-insensitive)
    "E12,ivy,ivy@example.com,,,,,,,E12,", // 13 its own manager
  );
  const problems = problemsOf(text);
  assert.deepEqual(problems.map(([line, field]) => [line, field]), [
    [3, "externalId"],
    [4, "email"],
    [5, "email"],
    [6, "userName"],
    [7, "userName"],
    [8, "userName"],
    [9, "manager"],
    [10, "externalId"],
    [11, "active"],
    [12, "userName"],
    [13, "manager"],
  ]);
  const messages = problems.map(([, , message]) => message);
  assert.equal(messages[0], 'externalId "E1" is also the externalId of line 2');
  assert.equal(messages[1], 'email "ADA@example.com" is also the email of line 2');
  assert.equal(messages[2], 'email "not-an-email" is not an email');
  assert.equal(
    messages[3],
    'userName "abcdefghijklmnopqrstuv" has 22 characters: Slack allows at most 21',
  );
  assert.match(messages[4]!, /userName "jo smith" has characters Slack rewrites \(" "\)/);
  assert.match(messages[5]!, /userName "e7@example.com" has characters Slack rewrites \("@"\)/);
  assert.equal(messages[6], 'manager "E404" names no externalId of the source');
  assert.equal(messages[7], "externalId is missing");
  assert.equal(messages[8], 'active "maybe" is not true or false');
  assert.equal(messages[10], 'manager "E12" names the row itself');
});

Deno.test("a 21-character userName of allowed characters passes", () => {
  assert.deepEqual(problemsOf(csv("E1,abcdefghij.klm_nop-q,e@example.com,,,,,,,,")), []);
});

Deno.test("a row with too many fields is reported", () => {
  const problems = problemsOf(csv("E1,ada,ada@example.com,,,,,,,,,extra"));
  assert.deepEqual(problems.map(([line, , message]) => [line, message]), [
    [2, "the row has 12 fields where the header has 11"],
  ]);
});

Deno.test("SourceError lists the first five problems and counts the rest", () => {
  const problems: SourceProblem[] = Array.from({ length: 7 }, (_, i) => ({
    line: i + 2,
    message: `problem ${i}`,
  }));
  const error = new SourceError(problems);
  assert.equal(
    error.message,
    "Cannot use the source: 7 problems (line 2: problem 0; line 3: problem 1; line 4: problem 2; line 5: problem 3; line 6: problem 4; and 2 more)",
  );
  assert.equal(error.problems.length, 7);
});

Deno.test("checkSource() stops at maxProblems", () => {
  const lines = Array.from({ length: 50 }, (_, i) => `E${i},u${i},bad${i},,,,,,,,`);
  assert.equal(checkSource(readUsersCsv(csv(...lines)), { maxProblems: 10 }).length, 10);
  assert.throws(() => checkSource([], { maxProblems: 0 }), RangeError);
});

Deno.test("readUsersJson() reads an array (or { users }), numbering records", () => {
  const users = [
    { externalId: 42, userName: "ada", email: "ada@example.com", groups: ["Eng"], active: true },
    { externalId: "E2", userName: "bob", email: "bob@example.com", groups: "Eng;Ops" },
  ];
  for (const text of [JSON.stringify(users), JSON.stringify({ users })]) {
    const rows = readUsersJson(text);
    assert.deepEqual(rows.map((row) => [row.line, row.user.externalId, row.user.groups]), [
      [1, "42", ["Eng"]],
      [2, "E2", ["Eng", "Ops"]],
    ]);
  }
});

Deno.test("readUsersJson() refuses truncated JSON and a non-array; wrong types are row problems", () => {
  assert.match(
    sourceError(() => readUsersJson('[{"externalId":"E1","userName":"a')).message,
    /not valid JSON \(is the file truncated\?\)/,
  );
  assert.match(sourceError(() => readUsersJson('{"a":1}')).message, /not a JSON array/);
  const rows = readUsersJson(JSON.stringify([
    { externalId: "E1", userName: "ada", email: "ada@example.com", title: 7, active: "no" },
    "E2",
  ]));
  assert.equal(rows[0]?.user.active, false);
  assert.deepEqual(checkSource(rows).map((p) => [p.line, p.field ?? "", p.message]), [
    [1, "title", 'title "7" is not a string'],
    [2, "", 'the record is not an object (it is "E2")'],
    [2, "externalId", "externalId is missing"],
    [2, "userName", "userName is missing"],
    [2, "email", "email is missing"],
  ]);
});

Deno.test("readUsersJsonl() numbers lines as in the file and names a truncated last line", () => {
  const good = '{"externalId":"E1","userName":"ada","email":"ada@example.com"}';
  const rows = readUsersJsonl(`${good}\n\n${good.replace(/E1|ada/g, "E2")}\n`);
  assert.deepEqual(rows.map((row) => row.line), [1, 3]);
  const error = sourceError(() => readUsersJsonl(`${good}\n{"externalId":"E2","userNa`));
  assert.deepEqual(error.problems.map((p) => p.line), [2]);
  assert.match(sourceError(() => readUsersJsonl("\n \n")).message, /empty/);
});

Deno.test("sourceRows() numbers users from code and checks their types", async () => {
  async function* users() {
    yield { externalId: "E1", userName: "ada", email: "ada@example.com" };
    yield { externalId: "E1", userName: "bob", email: "bob@example.com" };
  }
  const rows = await sourceRows(users());
  assert.deepEqual(rows.map((row) => row.line), [1, 2]);
  assert.deepEqual(checkSource(rows).map((p) => [p.line, p.field]), [[2, "externalId"]]);
  const passed = readUsersCsv(csv("E1,ada,ada@example.com,,,,,,,,"));
  assert.deepEqual(await sourceRows(passed), passed);
  // deno-lint-ignore no-explicit-any
  await assert.rejects(sourceRows(42 as any), TypeError);
});
