/**
 * Graceful shutdown, checked on a real studio process (`npx tsx scripts/shutdown-check.ts`;
 * PORT, default 3400). Builds first when the build is stale (scripts/start.mjs), so it is a
 * script rather than a unit test. Prints figures and exits 1 when an expectation fails.
 *
 * 1. Starts the built studio on a fresh data folder with LOCAL_ENGINE_LATENCY_MS=3000.
 * 2. Starts a run (Image input → Upscale → Output) and waits until its job is submitted.
 * 3. Sends SIGTERM: the process must exit 0 within the grace period (SHUTDOWN_GRACE_SECONDS,
 *    20 s), and the database lock file must be gone.
 * 4. Starts the studio again on the same folder: the run resumes and succeeds, with the one
 *    offline-engine job it had (no second job submitted).
 * 5. Every file and folder in the data folder is owner-only (no group or other permission bits).
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startStudio, StudioClient } from "./lib/studio-process";

const port = Number(process.env.PORT ?? 3400);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-shutdown-"));
const env = { DATA_DIR: dataDir, LOCAL_ENGINE_LATENCY_MS: "3000", SHUTDOWN_GRACE_SECONDS: "20" };
const jobsDir = path.join(dataDir, "local-engine", "jobs");
const jobFiles = () => {
  try {
    return readdirSync(jobsDir).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
};
const failures: string[] = [];
const expect = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

const first = await startStudio(port, env);
const client = new StudioClient(first.base);
await client.signUp();
const assetId = await client.upload(readFileSync("e2e/fixtures/coffee.png"), "coffee.png");
const runId = await client.runOneStep(assetId, { type: "upscale", data: { factor: 2 } });
for (let i = 0; jobFiles().length === 0 && i < 200; i++) await new Promise((resolve) => setTimeout(resolve, 50));
const before = await client.run(runId);
expect(
  jobFiles().length === 1 && before.status === "running",
  `the run is running with its job submitted (${jobFiles().length} job, run ${before.status})`,
);

const stopped = await first.stop("SIGTERM");
console.log(
  first
    .output()
    .split("\n")
    .filter((line) => /Received|Stopped/.test(line))
    .join("\n"),
);
expect(stopped.code === 0, `SIGTERM: exit code ${stopped.code}`);
expect(stopped.ms < 20_000, `SIGTERM: exited in ${(stopped.ms / 1000).toFixed(2)} s (grace 20 s)`);
let lockGone = true;
try {
  statSync(path.join(dataDir, "pglite.lock"));
  lockGone = false;
} catch {
  // no lock file: the database released it
}
expect(lockGone, "the database lock file is gone");

const second = await startStudio(port, env);
let after = await client.run(runId);
for (let i = 0; !["succeeded", "failed", "canceled"].includes(after.status) && i < 200; i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  after = await client.run(runId);
}
expect(after.status === "succeeded", `after the restart the run ${after.status}${after.error ? `: ${after.error}` : ""}`);
const output = after.outputs?.[0];
expect(output?.width === 1200 && output?.height === 800, `its output is ${output?.width}×${output?.height} px (1200×800 expected)`);
expect(jobFiles().length === 1, `offline-engine jobs submitted in all: ${jobFiles().length} (1 expected)`);
const secondStop = await second.stop("SIGTERM");
if (failures.length) console.log(`--- studio output after the restart ---\n${second.output()}`);
expect(secondStop.code === 0, `second SIGTERM (idle studio): exit ${secondStop.code} in ${(secondStop.ms / 1000).toFixed(2)} s`);

const shared: string[] = [];
const visit = (entry: string) => {
  const stat = lstatSync(entry);
  if (stat.mode & 0o077) shared.push(`${path.relative(dataDir, entry) || "."} ${(stat.mode & 0o777).toString(8)}`);
  if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
};
visit(dataDir);
expect(
  shared.length === 0,
  `data folder owner-only (${shared.length} entries open to others${shared.length ? `: ${shared.slice(0, 5).join(", ")}` : ""})`,
);

console.log(
  JSON.stringify({ shutdownMs: Math.round(stopped.ms), exitCode: stopped.code, lockGone, resumed: after.status, jobs: jobFiles().length }),
);
process.exit(failures.length ? 1 : 0);
