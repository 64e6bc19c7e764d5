// Runs the walkthrough in this process against the simulator served over loopback: the host side
// shared by the Node, Bun and Deno smoke suites. Prints one line per step and the closing
// `N passed, N failed` line; returns the counts (each runtime's file sets its own exit code).

import { runSteps, simulatorChecks, startSimulator, walkthrough } from "./walkthrough.mjs";

/**
 * @param {string} label The runtime's name, printed on every line.
 * @param {object} lib `{ SCIMClient, filter, isSCIMApiError, RateLimitErrorRetryHandler,
 *   SlackScimSimulator }` from the entries under test.
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function runHosted(label, lib) {
  const { sim, server } = await startSimulator(lib);
  let passed = 0;
  let failed = 0;
  try {
    const steps = [
      ...walkthrough(lib, server.baseUrl),
      ...simulatorChecks(sim),
    ];
    ({ passed, failed } = await runSteps(label, steps));
  } catch (error) {
    // A crash outside the steps (an import, the simulator) still ends with a summary line.
    console.log(
      `FAIL ${label}: walkthrough crashed\n     ${error?.stack ?? error}`,
    );
    failed++;
  } finally {
    await server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}
