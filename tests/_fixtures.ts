// Where Slack's SCIM fixtures are: tests/fixtures/ in the repository (copied from public sources,
// provenance in tests/fixtures/README.md and slack-docs/SOURCES.md), so a fresh clone's tests need
// nothing beside it.

/** The fixtures folder, ending with `/`. */
export const FIXTURES: URL = new URL("./fixtures/", import.meta.url);
