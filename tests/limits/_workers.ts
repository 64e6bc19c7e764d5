// Runs scripts/_limits_worker.ts in separate OS processes against one simulator over loopback, and
// starts them together: the shared-store tests and the benchmark use it.

import type { WorkerConfig, WorkerResult } from "../../scripts/_limits_worker.ts";
import { type RatePools, SLACK_RATE_LIMITS } from "../../limits/mod.ts";

/** Slack's table with every rate times `factor` (bursts unchanged): the simulator's timeScale. */
export function scaledLimits(factor: number): RatePools {
  return Object.fromEntries(
    Object.entries(SLACK_RATE_LIMITS).map(([name, pool]) => [
      name,
      { perMinute: pool.perMinute * factor, burst: pool.burst },
    ]),
  ) as unknown as RatePools;
}

const WORKER = new URL("../../scripts/_limits_worker.ts", import.meta.url).pathname;

/**
 * Starts one process per config, waits until all are ready, lets them go at once.
 *
 * @returns Each worker's result, and the time from "go" to the last one done.
 */
export async function runWorkers(
  configs: WorkerConfig[],
): Promise<{ results: WorkerResult[]; elapsedMs: number }> {
  const children = configs.map((config) =>
    new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-net=127.0.0.1",
        "--allow-env",
        "--allow-read",
        "--allow-sys",
        "--allow-write=.tmp",
        "--unstable-kv",
        WORKER,
        JSON.stringify(config),
      ],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).spawn()
  );
  const outputs = children.map((child) => lines(child.stdout));
  const errors = children.map((child) => new Response(child.stderr).text());
  try {
    for (const [i, output] of outputs.entries()) {
      const first = await output.next();
      if (first.value !== "ready") {
        throw new Error(`Worker ${i} did not start: ${first.value ?? ""} ${await errors[i]}`);
      }
    }
    const started = performance.now();
    const go = new TextEncoder().encode("go\n");
    await Promise.all(children.map(async (child) => {
      const writer = child.stdin.getWriter();
      await writer.write(go);
      await writer.close();
    }));
    const results = await Promise.all(outputs.map(async (output, i) => {
      const last = await output.next();
      if (last.done) throw new Error(`Worker ${i} gave no result: ${await errors[i]}`);
      for await (const _ of output) { /* drain */ }
      return JSON.parse(last.value) as WorkerResult;
    }));
    const elapsedMs = performance.now() - started;
    for (const child of children) await child.status;
    await Promise.all(errors);
    return { results, elapsedMs };
  } catch (error) {
    for (const child of children) {
      try {
        child.kill();
      } catch { /* already gone */ }
    }
    throw error;
  }
}

async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let buffer = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    let at;
    while ((at = buffer.indexOf("\n")) >= 0) {
      yield buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
    }
  }
  if (buffer !== "") yield buffer;
}
