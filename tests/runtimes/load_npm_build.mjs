// Imports the entries of the installed npm build; on failure prints why and the closing
// summary line, so a missing or broken build is one clear failure, not a stack trace.

/**
 * @param {string} label The runtime's name.
 * @returns {Promise<object | undefined>} The merged entries, or undefined if they did not load.
 */
export async function loadNpmBuild(label) {
  try {
    const [main, filter, paging, membership, retry, testing, v2, limits, sync] = await Promise.all([
      import("@org/slack-scim"),
      import("@org/slack-scim/filter"),
      import("@org/slack-scim/paging"),
      import("@org/slack-scim/membership"),
      import("@org/slack-scim/retry"),
      import("@org/slack-scim/testing"),
      import("@org/slack-scim/v2"),
      import("@org/slack-scim/limits"),
      import("@org/slack-scim/sync"),
    ]);
    return { ...retry, ...testing, ...filter, ...paging, ...membership, ...main, v2, limits, sync };
  } catch (error) {
    console.log(
      `FAIL ${label}: cannot import the npm build (run scripts/runtime_smoke.sh)`,
    );
    console.log(`     ${error?.message ?? error}`);
    console.log("0 passed, 1 failed");
    return undefined;
  }
}
