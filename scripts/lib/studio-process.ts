/**
 * Drives a real studio process for scripts (shutdown check, responsiveness benchmark): starts
 * `node scripts/start.mjs` (which builds first when the build is missing or stale), waits until
 * it answers, and talks to its HTTP API as a browser would (session cookie, Origin header).
 * Not a test helper: it throws Errors with the server's answer when something is refused.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

export interface StudioProcess {
  child: ChildProcess;
  base: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends `signal`; resolves with the exit code and the milliseconds it took to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/**
 * Starts the studio on `port` with `env` added to this process's environment.
 * @throws Error when it does not answer within `timeoutMs` (default 15 minutes: a build may run);
 *   the process is stopped first.
 */
export async function startStudio(port: number, env: Record<string, string>, timeoutMs = 900_000): Promise<StudioProcess> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, ...env, PORT: String(port), AUTH_RATE_LIMIT: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout!.on("data", (chunk) => (printed += chunk));
  child.stderr!.on("data", (chunk) => (printed += chunk));
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the studio exited with ${child.exitCode}:\n${printed}`);
    try {
      const response = await fetch(`${base}/api/engine`);
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the studio did not answer on ${base}:\n${printed}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    child,
    base,
    output: () => printed,
    async stop(signal = "SIGTERM") {
      const started = performance.now();
      if (child.exitCode !== null) return { code: child.exitCode, ms: 0 };
      const exited = once(child, "exit");
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return { code, ms: performance.now() - started };
    },
  };
}

/** A signed-in client of the studio's API. */
export class StudioClient {
  constructor(
    readonly base: string,
    private cookie = "",
  ) {}

  /** Signs up a new account (the first one on a fresh data folder owns the first team). */
  async signUp(name = "Bench Owner"): Promise<void> {
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.test`;
    const response = await fetch(`${this.base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify({ name, email, password: "password-123" }),
    });
    if (!response.ok) throw new Error(`sign-up refused: ${response.status} ${await response.text()}`);
    this.cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(";", 1)[0])
      .join("; ");
  }

  /** JSON request; resolves with the parsed body. @throws Error on a non-2xx answer. */
  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, origin: this.base, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** GET `path`; resolves with the status and the milliseconds until the whole body arrived. */
  async timedGet(path: string): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const response = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  }

  /** Uploads image bytes; resolves with the asset id. */
  async upload(bytes: Buffer, name: string): Promise<string> {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), name);
    const response = await fetch(`${this.base}/api/assets`, {
      method: "POST",
      headers: { cookie: this.cookie, origin: this.base },
      body: form,
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`upload of ${name}: ${response.status} ${text}`);
    return JSON.parse(text).asset.id as string;
  }

  /** Saves a workflow `Image input → <step> → Output` and starts a run; resolves with the run id. */
  async runOneStep(assetId: string, step: { type: string; data?: Record<string, unknown> }, name = "Bench"): Promise<string> {
    const graph = {
      nodes: [
        { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId } },
        { id: "step", type: step.type, position: { x: 200, y: 0 }, data: step.data ?? {} },
        { id: "out", type: "output", position: { x: 400, y: 0 }, data: { label: "Result" } },
      ],
      edges: [
        { id: "a", source: "in", sourceHandle: "image", target: "step", targetHandle: "image" },
        { id: "b", source: "step", sourceHandle: "image", target: "out", targetHandle: "image" },
      ],
    };
    const { workflow } = await this.json("POST", "/api/workflows", { name, graph });
    const { run } = await this.json("POST", `/api/workflows/${workflow.id}/runs`, {});
    return run.id as string;
  }

  /** The run's JSON (lib/runs/run-dto.ts). */
  async run(runId: string): Promise<any> {
    return (await this.json("GET", `/api/runs/${runId}`)).run;
  }
}
