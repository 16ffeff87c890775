/**
 * Fuzz suite of the HTTP API (issue 8): thousands of malformed requests (tests/fuzz/corpus.ts)
 * to every route handler under app/api, as the owner, a member and anonymously, on a real
 * embedded database. For every request:
 * - the status is below 500, and the answer comes within 10 s (no stall);
 * - the answer shows no internals (stack frames, file paths, Prisma names, SQL);
 * - a refusal (4xx) changes nothing: row counts and the rows people edit, and the asset files.
 * The figures (requests, statuses, 5xx, state changes) are printed at the end.
 *
 * `FUZZ_RUNS` (requests per route, default 64) and `FUZZ_SEED` change the corpus.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, useFreshDataDir } from "../api/harness";
import { requestArb, type Caller, type FuzzRequest, type RouteSpec } from "./corpus";

const dataDir = useFreshDataDir();
const { setUpTeams, createTeamWorkflow, storyGraph, storyInputs, uploadTeamImage, runsSettle } = await import("../api/apps-harness");
const { callAuth } = await import("@/lib/auth/testing");
const { getServerContext } = await import("@/lib/server/context");
const ctx = await getServerContext();
const team = await setUpTeams();

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 64);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const ORIGIN = "http://localhost:3000";
const png = new Uint8Array(fixture("chelsea.png"));

// ——— Fixtures the requests can point at ———
const imageId = await uploadTeamImage(team.owner);
const workflow = await createTeamWorkflow(team.owner, storyGraph(imageId), "Fuzz target");
const spareWorkflow = await createTeamWorkflow(team.owner, storyGraph(imageId), "Fuzz spare");
const { publishApp } = await import("@/lib/apps/publish-app");
const published = await publishApp(
  ctx,
  { ...team.owner, user: { id: team.owner.userId }, team: { id: team.owner.teamId }, role: "owner" } as any,
  workflow.id,
  {
    name: "Fuzz story",
    slug: "fuzz-story",
    inputs: storyInputs as any,
  },
);
const appSlug = published.app.slug;
const { startRun } = await import("@/lib/runs/start-run");
const run = await startRun(ctx, workflow.id, { teamId: team.owner.teamId, createdById: team.owner.userId });
await runsSettle();
const invitation = await callAuth<{ id: string }>("organization/invite-member", {
  cookie: team.owner.cookie,
  json: { email: "fuzz.invitee@example.test", role: "member" },
});
const invitationId = invitation.body.id;

const graphSeed = storyGraph(imageId);
const comfyFixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, "../../lib/interop/__fixtures__/comfyui", name), "utf8"));
const { exportScenarioFile } = await import("@/lib/interop/scenario/export");
const { catalogModels } = await import("@/lib/interop/models");
const interopSeeds = [
  comfyFixture("txt2img.ui.json"),
  comfyFixture("img2img-upscale.api.json"),
  comfyFixture("inpaint.ui.json"),
  exportScenarioFile({ name: "Fuzz", graph: graphSeed }, catalogModels).file,
];
const R = (name: string, method: string, spec: Omit<RouteSpec, "name" | "method">): RouteSpec => ({ name, method, ...spec });
const id = () => workflow.id;
const slug = () => appSlug;

/** Every route/method pair under app/api, with a valid example of its body. */
const ROUTES: Array<{ spec: RouteSpec; load: () => Promise<Record<string, unknown>> }> = [
  { spec: R("/api/apps", "GET", { params: {}, seeds: null }), load: () => import("@/app/api/apps/route") },
  { spec: R("/api/health", "GET", { params: {}, seeds: null }), load: () => import("@/app/api/health/route") },
  { spec: R("/api/apps/:slug", "GET", { params: { slug }, seeds: null }), load: () => import("@/app/api/apps/[slug]/route") },
  {
    spec: R("/api/apps/:slug", "PATCH", {
      params: { slug },
      seeds: [{ name: "Story", description: "d", dailyRunQuota: 40 }, { coverAssetId: imageId }, { creditLimitPerRun: 1000 }],
    }),
    load: () => import("@/app/api/apps/[slug]/route"),
  },
  {
    spec: R("/api/apps/:slug/download", "GET", { params: { slug }, seeds: null, queryKeys: ["runs"] }),
    load: () => import("@/app/api/apps/[slug]/download/route"),
  },
  {
    spec: R("/api/apps/:slug/estimate", "POST", {
      params: { slug },
      seeds: [{ inputs: { image: imageId, platform: "instagram_story" }, runs: 2 }],
    }),
    load: () => import("@/app/api/apps/[slug]/estimate/route"),
  },
  {
    spec: R("/api/apps/:slug/rollback", "POST", { params: { slug }, seeds: [{ version: 1 }] }),
    load: () => import("@/app/api/apps/[slug]/rollback/route"),
  },
  {
    spec: R("/api/apps/:slug/runs", "GET", { params: { slug }, seeds: null, queryKeys: ["mine", "limit"] }),
    load: () => import("@/app/api/apps/[slug]/runs/route"),
  },
  {
    spec: R("/api/apps/:slug/runs", "POST", {
      params: { slug },
      seeds: [{ items: [{ inputs: { image: imageId } }, { inputs: { image: imageId, platform: "instagram_post" } }] }],
    }),
    load: () => import("@/app/api/apps/[slug]/runs/route"),
  },
  { spec: R("/api/assets", "POST", { params: {}, seeds: null, multipart: true }), load: () => import("@/app/api/assets/route") },
  { spec: R("/api/assets/:id", "GET", { params: { id: () => imageId }, seeds: null }), load: () => import("@/app/api/assets/[id]/route") },
  {
    spec: R("/api/assets/:id/file", "GET", { params: { id: () => imageId }, seeds: null, queryKeys: ["download"] }),
    load: () => import("@/app/api/assets/[id]/file/route"),
  },
  {
    spec: R("/api/auth/*", "GET", {
      params: {},
      seeds: null,
      queryKeys: ["id", "organizationId", "invitationId"],
      subPaths: [
        "get-session",
        "organization/get-invitation",
        "organization/list-invitations",
        "organization/get-full-organization",
        "organization/list-members",
        "nope/unknown",
      ],
    }),
    load: () => import("@/app/api/auth/[...all]/route"),
  },
  {
    spec: R("/api/auth/*", "POST", {
      params: {},
      seeds: [
        { email: "olga@example.test", password: "password-123" },
        { name: "New Person", email: "new.person@example.test", password: "password-123" },
        { email: "someone@example.test", role: "member" },
        { invitationId },
        { invitationId: "unknown" },
      ],
      subPaths: [
        "sign-in/email",
        "sign-up/email",
        "organization/invite-member",
        "organization/accept-invitation",
        "organization/reject-invitation",
        "organization/cancel-invitation",
        "organization/set-active",
        "nope/unknown",
      ],
    }),
    load: () => import("@/app/api/auth/[...all]/route"),
  },
  {
    spec: R("/api/auth/*", "PATCH", { params: {}, seeds: [{ a: 1 }], subPaths: ["organization/update"] }),
    load: () => import("@/app/api/auth/[...all]/route"),
  },
  {
    spec: R("/api/auth/*", "PUT", { params: {}, seeds: [{ a: 1 }], subPaths: ["organization/update"] }),
    load: () => import("@/app/api/auth/[...all]/route"),
  },
  {
    spec: R("/api/auth/*", "DELETE", { params: {}, seeds: [{ a: 1 }], subPaths: ["organization/delete"] }),
    load: () => import("@/app/api/auth/[...all]/route"),
  },
  { spec: R("/api/auth/me", "GET", { params: {}, seeds: null }), load: () => import("@/app/api/auth/me/route") },
  { spec: R("/api/catalog", "GET", { params: {}, seeds: null }), load: () => import("@/app/api/catalog/route") },
  { spec: R("/api/engine", "GET", { params: {}, seeds: null }), load: () => import("@/app/api/engine/route") },
  {
    spec: R("/api/plan", "POST", { params: {}, seeds: [{ description: "A product photo of a mug for Instagram" }] }),
    load: () => import("@/app/api/plan/route"),
  },
  {
    spec: R("/api/recommend", "POST", {
      params: {},
      seeds: [{ capability: "txt2img", prompt: "a cat", priority: "quality", limit: 3, constraints: { minReferenceImages: 0 } }],
    }),
    load: () => import("@/app/api/recommend/route"),
  },
  {
    spec: R("/api/recommend-training", "POST", { params: {}, seeds: [{ description: "my illustration style, 30 images" }] }),
    load: () => import("@/app/api/recommend-training/route"),
  },
  {
    // Foreign workflow files: the hand-written ComfyUI fixtures (both formats) and a Scenario export.
    spec: R("/api/interop/import", "POST", { params: {}, seeds: interopSeeds }),
    load: () => import("@/app/api/interop/import/route"),
  },
  { spec: R("/api/runs/:id", "GET", { params: { id: () => run.id }, seeds: null }), load: () => import("@/app/api/runs/[id]/route") },
  {
    spec: R("/api/runs/:id/cancel", "POST", { params: { id: () => run.id }, seeds: [{}] }),
    load: () => import("@/app/api/runs/[id]/cancel/route"),
  },
  {
    spec: R("/api/runs/:id/events", "GET", { params: { id: () => run.id }, seeds: null }),
    load: () => import("@/app/api/runs/[id]/events/route"),
  },
  {
    spec: R("/api/runs/:id/pick", "POST", {
      params: { id: () => run.id },
      seeds: [
        { nodeId: "pick", assetIds: ["a"] },
        { nodeId: "pick", reject: true },
      ],
    }),
    load: () => import("@/app/api/runs/[id]/pick/route"),
  },
  { spec: R("/api/runs", "GET", { params: {}, seeds: null, queryKeys: ["status", "limit"] }), load: () => import("@/app/api/runs/route") },
  { spec: R("/api/workflows", "GET", { params: {}, seeds: null }), load: () => import("@/app/api/workflows/route") },
  {
    spec: R("/api/workflows", "POST", { params: {}, seeds: [{ name: "Fuzzed", graph: graphSeed }, { name: "Empty" }] }),
    load: () => import("@/app/api/workflows/route"),
  },
  { spec: R("/api/workflows/:id", "GET", { params: { id }, seeds: null }), load: () => import("@/app/api/workflows/[id]/route") },
  {
    spec: R("/api/workflows/:id", "PUT", { params: { id }, seeds: [{ name: "Renamed", graph: graphSeed, version: 1 }] }),
    load: () => import("@/app/api/workflows/[id]/route"),
  },
  {
    spec: R("/api/workflows/:id", "DELETE", { params: { id: () => spareWorkflow.id }, seeds: null }),
    load: () => import("@/app/api/workflows/[id]/route"),
  },
  {
    spec: R("/api/workflows/:id/credit-limit", "PUT", { params: { id }, seeds: [{ creditLimitPerRun: 500 }, { creditLimitPerRun: null }] }),
    load: () => import("@/app/api/workflows/[id]/credit-limit/route"),
  },
  {
    spec: R("/api/workflows/:id/estimate", "POST", { params: { id }, seeds: [{ graph: graphSeed }, {}] }),
    load: () => import("@/app/api/workflows/[id]/estimate/route"),
  },
  {
    spec: R("/api/workflows/:id/export", "GET", { params: { id }, seeds: null, queryKeys: ["format"] }),
    load: () => import("@/app/api/workflows/[id]/export/route"),
  },
  {
    spec: R("/api/workflows/:id/publish", "POST", {
      params: { id },
      seeds: [
        { name: "Fuzz app", slug: "fuzz-app", description: "d", inputs: storyInputs },
        { appSlug, name: "Fuzz story", slug: appSlug, inputs: storyInputs },
      ],
    }),
    load: () => import("@/app/api/workflows/[id]/publish/route"),
  },
  {
    spec: R("/api/workflows/:id/runs", "GET", { params: { id }, seeds: null, queryKeys: ["limit"] }),
    load: () => import("@/app/api/workflows/[id]/runs/route"),
  },
  {
    spec: R("/api/workflows/:id/runs", "POST", { params: { id }, seeds: [{ force: ["up"] }, {}] }),
    load: () => import("@/app/api/workflows/[id]/runs/route"),
  },
];

// ——— What a refusal must leave unchanged ———
async function snapshot(): Promise<string> {
  const rows = await ctx.db.$queryRawUnsafe<Array<Record<string, unknown>>>(`
    SELECT
      (SELECT md5(coalesce(string_agg(id || name || version || coalesce("deletedAt"::text, '') || coalesce("creditLimitPerRun"::text, ''), ',' ORDER BY id), '')) FROM "Workflow") AS workflows,
      (SELECT count(*)::int FROM "WorkflowVersion") AS versions,
      (SELECT md5(coalesce(string_agg(id || status, ',' ORDER BY id), '')) FROM "Run") AS runs,
      (SELECT count(*)::int FROM "NodeRun") AS node_runs,
      (SELECT count(*)::int FROM "Asset") AS assets,
      (SELECT md5(coalesce(string_agg(a::text, ',' ORDER BY a.id), '')) FROM "App" a) AS apps,
      (SELECT count(*)::int FROM "AppVersion") AS app_versions,
      (SELECT md5(coalesce(string_agg(u.id || u.name || u.email, ',' ORDER BY u.id), '')) FROM "user" u) AS users,
      (SELECT md5(coalesce(string_agg(m.id || m.role || m."organizationId", ',' ORDER BY m.id), '')) FROM "member" m) AS members,
      (SELECT md5(coalesce(string_agg(i.id || i.status || i.role, ',' ORDER BY i.id), '')) FROM "invitation" i) AS invitations,
      (SELECT md5(coalesce(string_agg(o.id || o.name, ',' ORDER BY o.id), '')) FROM "organization" o) AS teams,
      (SELECT count(*)::int FROM "session") AS sessions
  `);
  return JSON.stringify({ ...rows[0], files: countFiles(path.join(dataDir, "assets")) });
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
  } catch {
    return 0;
  }
}

/** Internals an answer must never show. */
const LEAKS =
  /\bat \/|\bat async\b|\/work\/|node_modules|\.tsx?:\d+|prisma|\bP20\d\d\b|invalid `|SELECT |ECONN|TypeError|ReferenceError|RangeError|SyntaxError: /i;

function cookieOf(caller: Caller): string | null {
  return caller === "owner" ? team.owner.cookie : caller === "member" ? team.member.cookie : null;
}

function toRequest(spec: RouteSpec, generated: FuzzRequest): Request {
  const base = spec.name.replace(/:(\w+)/g, () => encodeURIComponent("x")).replace("/*", `/${generated.subPath ?? ""}`);
  const headers = new Headers();
  for (const [k, v] of Object.entries(generated.headers)) headers.set(k, v);
  const cookie = cookieOf(generated.caller);
  if (cookie) headers.set("cookie", cookie);
  const hasBody = spec.method !== "GET" && spec.method !== "HEAD" && generated.body !== null;
  return new Request(`${ORIGIN}${base}${generated.query}`, {
    method: spec.method,
    headers,
    body: hasBody ? (generated.body as BodyInit) : undefined,
  });
}

function describeBody(body: FuzzRequest["body"]): unknown {
  if (body === undefined) return "<none>";
  if (typeof body === "string" || body === null) return typeof body === "string" ? body.slice(0, 300) : null;
  if (ArrayBuffer.isView(body)) return `<bytes ${Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("hex").slice(0, 80)}>`;
  if (typeof (body as FormData).entries !== "function") return `<${Object.prototype.toString.call(body)}>`;
  return `<form ${[...body.entries()].map(([k, v]) => `${k}=${typeof v === "string" ? v : `file(${v.name}, ${v.size} B)`}`).join(", ")}>`;
}

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`stalled over ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const figures = { requests: 0, byStatus: {} as Record<string, number>, serverErrors: 0, stateChanges: 0, leaks: 0, stalls: 0 };

describe("fuzzing every API route with malformed requests", () => {
  afterAll(() => {
    const summary = `fuzz: ${figures.requests} requests over ${ROUTES.length} route/method pairs; 5xx: ${figures.serverErrors}; state changes after a refusal: ${figures.stateChanges}; leaks: ${figures.leaks}; stalls: ${figures.stalls}; statuses: ${JSON.stringify(figures.byStatus)}`;
    console.log(summary);
  });

  it.each(ROUTES.map((r, index) => [`${r.spec.method} ${r.spec.name}`, index] as const))("%s", async (_label, index) => {
    const { spec, load } = ROUTES[index];
    const module = (await load()) as Record<
      string,
      (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
    >;
    const handler = module[spec.method];
    expect(handler, `${spec.method} is exported`).toBeTypeOf("function");
    const corpus = fc.sample(requestArb(spec, ORIGIN, png), { numRuns: RUNS_PER_ROUTE, seed: SEED + index });
    const failures: string[] = [];

    // The state before each request: the state after the previous one (one snapshot a request).
    let current = await snapshot();
    for (const generated of corpus) {
      const describeRequest = () => `${spec.method} ${spec.name} ${JSON.stringify({ ...generated, body: describeBody(generated.body) })}`;
      const before = current;
      let response: Response;
      let text = "";
      try {
        response = await withDeadline(
          handler(toRequest(spec, generated), { params: Promise.resolve(generated.params) }),
          10_000,
          describeRequest(),
        );
        const type = response.headers.get("content-type") ?? "";
        if (type.includes("event-stream")) await response.body?.cancel();
        else if (type.includes("json") || type.startsWith("text/")) text = await withDeadline(response.text(), 10_000, describeRequest());
        else await response.arrayBuffer();
      } catch (error) {
        figures.stalls++;
        failures.push(`threw or stalled: ${(error as Error).message.slice(0, 300)} ← ${describeRequest()}`);
        await runsSettle();
        current = await snapshot();
        continue;
      }
      figures.requests++;
      figures.byStatus[response.status] = (figures.byStatus[response.status] ?? 0) + 1;
      if (response.status >= 500) {
        figures.serverErrors++;
        failures.push(`${response.status} ${text.slice(0, 200)} ← ${describeRequest()}`);
      }
      if (LEAKS.test(text)) {
        figures.leaks++;
        failures.push(`leaks internals: ${text.slice(0, 300)} ← ${describeRequest()}`);
      }
      if (response.status < 400) {
        await runsSettle(); // what a success started (runs) ends before the next snapshot
        current = await snapshot();
      } else {
        const after = (current = await snapshot());
        if (after !== before) {
          figures.stateChanges++;
          failures.push(`refused with ${response.status} but changed state: ${before} → ${after} ← ${describeRequest()}`);
        }
      }
    }
    expect(failures.slice(0, 5), `${failures.length} failures`).toEqual([]);
  });

  it("sent at least 2,000 requests over every route, with no 5xx, no leak and no change after a refusal", () => {
    expect(figures.requests).toBeGreaterThanOrEqual(Math.min(2000, RUNS_PER_ROUTE * ROUTES.length));
    expect({
      serverErrors: figures.serverErrors,
      stateChanges: figures.stateChanges,
      leaks: figures.leaks,
      stalls: figures.stalls,
    }).toEqual({
      serverErrors: 0,
      stateChanges: 0,
      leaks: 0,
      stalls: 0,
    });
  });
});
