/**
 * Starts a scaled-out studio for tests and the bench: a fresh PostgreSQL database, migrated
 * once, then web processes (tests/scale/api-host.ts: the real route handlers on node:http) and
 * worker processes (scripts/worker.ts), all on RUN_QUEUE=pg-boss, one DATA_DIR (the offline
 * engine's job files, counted by the tests) and one BETTER_AUTH_SECRET.
 *
 * `SCALE_TEST_PG_URL` (default postgres://postgres@127.0.0.1:5432/postgres) is the server's
 * maintenance database; each cluster creates and later drops its own database on it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const ADMIN_URL = process.env.SCALE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** True when the PostgreSQL server of ADMIN_URL answers within 3 s. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function dropDatabase(database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}

export interface ClusterProcess {
  name: string;
  child: ChildProcess;
  output: string[];
}

export interface Cluster {
  databaseUrl: string;
  dataDir: string;
  webPorts: number[];
  workers: ClusterProcess[];
  webs: ClusterProcess[];
  env: Record<string, string>;
  startWorker(name?: string): Promise<ClusterProcess>;
  /** Offline engine jobs submitted so far (one file per job). */
  localJobFiles(): string[];
  stop(): Promise<void>;
}

const tsx = path.resolve("node_modules/.bin/tsx");
/** `node --import tsx`, so that the child's pid is the process that executes (SIGKILL reaches it). */
const nodeWithTsx = (args: string[]) => [process.execPath, ["--import", "tsx", ...args]] as const;

function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 90_000,
): Promise<ClusterProcess> {
  const [command, argv] = nodeWithTsx(args);
  const child = spawn(command, argv, { env: { ...process.env, ...env } as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const proc = { name, child, output };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${output.join("")}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (ready.test(output.join(""))) {
        clearTimeout(timer);
        resolve(proc);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output.join("")}`));
    });
  });
}

/**
 * Creates the database and starts `webs` web and `workers` worker processes.
 * @param options.env extra environment for every process (latency, lease, provider...).
 * @param options.basePort first web port (then +1...).
 */
export async function startCluster(options: {
  webs: number;
  workers: number;
  basePort: number;
  env?: Record<string, string>;
}): Promise<Cluster> {
  const database = `studio_scale_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = withDatabase(ADMIN_URL, database);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-scale-"));
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    RUN_QUEUE: "pg-boss",
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: "scale-test-secret-0123456789abcdef0123456789",
    AUTH_RATE_LIMIT: "off",
    RUN_START_LIMIT_PER_MINUTE: "10000",
    LOCAL_ENGINE_THREADS: "1",
    SHUTDOWN_GRACE_SECONDS: "2",
    ...options.env,
  };
  const migrated = spawnSync(tsx, ["scripts/migrate.ts"], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.stdout}${migrated.stderr}`);

  const all: ClusterProcess[] = [];
  const workers: ClusterProcess[] = [];
  const webPorts = Array.from({ length: options.webs }, (_, i) => options.basePort + i);
  let workerCount = 0;
  const startWorker = async (name = `worker-${++workerCount}`) => {
    const proc = await startProcess(name, ["scripts/worker.ts"], env, /is taking runs/);
    all.push(proc);
    workers.push(proc);
    return proc;
  };
  const killAll = () => all.forEach((p) => p.child.exitCode === null && p.child.kill("SIGKILL"));
  let webs: ClusterProcess[];
  try {
    const starting = webPorts.map((port, i) =>
      startProcess(`web-${i + 1}`, ["tests/scale/api-host.ts"], { ...env, PORT: String(port) }, /listening on/),
    );
    webs = await Promise.all(starting.map((p) => p.then((proc) => (all.push(proc), proc))));
    for (let i = 0; i < options.workers; i++) await startWorker();
  } catch (error) {
    killAll();
    await dropDatabase(database);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const jobsDir = path.join(dataDir, "local-engine", "jobs");
  return {
    databaseUrl,
    dataDir,
    webPorts,
    workers,
    webs,
    env,
    startWorker,
    localJobFiles: () => (existsSync(jobsDir) ? readdirSync(jobsDir).filter((n) => n.endsWith(".json")) : []),
    async stop() {
      await Promise.all(
        all.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
              const timer = setTimeout(() => p.child.kill("SIGKILL"), 8000);
              p.child.once("exit", () => {
                clearTimeout(timer);
                resolve();
              });
              p.child.kill("SIGTERM");
            }),
        ),
      );
      await dropDatabase(database);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser-like client of one web process. */
export class StudioClient {
  constructor(
    readonly base: string,
    public cookie = "",
  ) {}

  async request<T = any>(method: string, url: string, body?: unknown, form?: FormData): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { origin: this.base };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${this.base}${url}`, {
      method,
      headers,
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    if (method === "POST" && url.startsWith("/api/auth/sign-up")) {
      this.cookie = response.headers
        .getSetCookie()
        .map((l) => l.split(";", 1)[0])
        .filter((p) => !/=$/.test(p))
        .join("; ");
    }
    return { status: response.status, body: parsed as T };
  }

  /** Uploads a PNG fixture; returns the asset id. */
  async upload(file: string): Promise<string> {
    const form = new FormData();
    form.append("file", new Blob([readFileSync(file)], { type: "image/png" }), path.basename(file));
    const answer = await this.request("POST", "/api/assets", undefined, form);
    if (answer.status !== 201 && answer.status !== 200) throw new Error(`upload: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.asset.id;
  }
}

/** What `setUpStudio` prepared: one signed-in client per web process (one session), the photo and the saved workflow. */
export interface ClusterStudio {
  /** `clients[i]` talks to web process `i` (`cluster.webPorts[i]`), all with the owner's session cookie. */
  clients: StudioClient[];
  photoId: string;
  workflowId: string;
}

/**
 * The set-up every cluster test and the bench share: signs an owner up on the first web process,
 * gives every web process a client with that session, uploads `photo` (default
 * e2e/fixtures/chelsea.png) and saves a workflow whose graph is `graph(photoId)` through the last
 * web process (so a workflow saved on one process is run from the others).
 * @throws Error naming the step and the answer when the sign-up, the upload or the save fails.
 */
export async function setUpStudio(
  cluster: Pick<Cluster, "webPorts">,
  options: { email: string; workflowName: string; graph: (photoId: string) => unknown; photo?: string },
): Promise<ClusterStudio> {
  const [first, ...others] = cluster.webPorts.map((port) => new StudioClient(`http://127.0.0.1:${port}`));
  const signUp = await first.request("POST", "/api/auth/sign-up/email", {
    name: "Scale Owner",
    email: options.email,
    password: "password-123",
  });
  if (signUp.status !== 200) throw new Error(`sign-up: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  for (const client of others) client.cookie = first.cookie;
  const clients = [first, ...others];
  const photoId = await first.upload(options.photo ?? path.resolve("e2e/fixtures/chelsea.png"));
  const created = await clients.at(-1)!.request("POST", "/api/workflows", { name: options.workflowName, graph: options.graph(photoId) });
  if (created.status !== 201) throw new Error(`saving the workflow: ${created.status} ${JSON.stringify(created.body)}`);
  return { clients, photoId, workflowId: created.body.workflow.id as string };
}

/**
 * Image input → Upscale 2x → Upscale 2x → Output, both Precise (Lanczos on the worker pool):
 * two offline-engine jobs per run, each bound by the engine latency the test sets rather than by
 * CPU (the neural presets and Remove background take tens of seconds each on 2 cores).
 */
export function fourNodeGraph(assetId: string) {
  return {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId } },
      { id: "up", type: "upscale", position: { x: 1, y: 0 }, data: { factor: 2, preset: "precise" } },
      { id: "up2", type: "upscale", position: { x: 2, y: 0 }, data: { factor: 2, preset: "precise" } },
      { id: "out", type: "output", position: { x: 3, y: 0 }, data: {} },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "b", source: "up", sourceHandle: "image", target: "up2", targetHandle: "image" },
      { id: "c", source: "up2", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

/**
 * Image input → Upscale (Upscale V3, 2x) → Remove background (Photoroom) → Output on Scenario's
 * API: two generations per run, each as long as the mock's job duration and the provider's 2 s polls.
 */
export function scenarioFourNodeGraph(assetId: string) {
  return {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId } },
      { id: "up", type: "upscale", position: { x: 1, y: 0 }, data: { model: "model_upscale-v3", factor: 2 } },
      { id: "cut", type: "removeBackground", position: { x: 2, y: 0 }, data: { model: "model_photoroom-background-removal" } },
      { id: "out", type: "output", position: { x: 3, y: 0 }, data: {} },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "up", targetHandle: "image" },
      { id: "b", source: "up", sourceHandle: "image", target: "cut", targetHandle: "image" },
      { id: "c", source: "cut", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

/**
 * SIGKILLs a worker that holds the lease of a running run right now (mid-run), waiting up to
 * `waitMs` for one to do so.
 * @returns the worker and the runs it held, or undefined when no worker held a run in time.
 */
export async function killWorkerHoldingRun(
  cluster: Cluster,
  db: pg.Client,
  waitMs = 10_000,
): Promise<{ victim: ClusterProcess; victimRuns: string[]; killedAt: number } | undefined> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ id: string; leaseOwner: string }>(
      `SELECT id, "leaseOwner" FROM "Run" WHERE status = 'running' AND "leaseOwner" NOT LIKE 'requeued:%'`,
    );
    for (const worker of cluster.workers) {
      const held = rows.filter((r) => r.leaseOwner.split(":")[1] === String(worker.child.pid));
      if (held.length && worker.child.exitCode === null) {
        worker.child.kill("SIGKILL");
        return { victim: worker, victimRuns: held.map((r) => r.id), killedAt: Date.now() };
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/** Polls the runs' statuses every 250 ms until every run is finished or `timeoutMs` passed; returns the last statuses read. */
export async function waitForRunsToEnd(db: pg.Client, runIds: string[], timeoutMs: number): Promise<{ id: string; status: string }[]> {
  const deadline = Date.now() + timeoutMs;
  let statuses: { id: string; status: string }[] = [];
  while (Date.now() < deadline) {
    statuses = (await db.query<{ id: string; status: string }>(`SELECT id, status FROM "Run" WHERE id = ANY($1)`, [runIds])).rows;
    if (statuses.every((r) => ["succeeded", "failed", "canceled"].includes(r.status))) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return statuses;
}
