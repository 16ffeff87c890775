/**
 * Seeing results and Apps for teammates (issue 9): thumbnail renditions of assets, the workflow
 * list's latest output, App covers from the latest output, and the rule that a Retouch App does
 * not paint the designer's mask onto a teammate's photo.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { call, fixture, useFreshDataDir } from "./harness";

const dataDir = useFreshDataDir();
const { setUpTeams, createTeamWorkflow, uploadTeamImage, storyGraph, storyInputs, runsSettle } = await import("./apps-harness");
const fileRoute = await import("@/app/api/assets/[id]/file/route");
const workflowsRoute = await import("@/app/api/workflows/route");
const workflowRuns = await import("@/app/api/workflows/[id]/runs/route");
const publishRoute = await import("@/app/api/workflows/[id]/publish/route");
const appsRoute = await import("@/app/api/apps/route");
const appRoute = await import("@/app/api/apps/[slug]/route");
const appRunsRoute = await import("@/app/api/apps/[slug]/runs/route");
const { getServerContext } = await import("@/lib/server/context");
const { storeImage } = await import("@/lib/assets/store-image");

type Team = Awaited<ReturnType<typeof setUpTeams>>;
let team: Team;
const as = (account: { cookie: string }) => ({ cookie: account.cookie });

/** A full-size photo: the fixture photo (451 × 300) enlarged to 1800 × 1200, as a PNG. */
async function bigPhoto(): Promise<Buffer> {
  return sharp(fixture("chelsea.png")).resize(1800, 1200, { fit: "fill" }).png().toBuffer();
}

async function getFile(account: { cookie: string }, assetId: string, query = "") {
  return call(fileRoute.GET, { params: { id: assetId }, url: `http://localhost/api/assets/${assetId}/file${query}`, headers: as(account) });
}

async function runWorkflow(account: { cookie: string }, workflowId: string) {
  const started = await call(workflowRuns.POST, { method: "POST", params: { id: workflowId }, headers: as(account), json: {} });
  expect(started.status).toBe(202);
  await runsSettle();
  const { db } = await getServerContext();
  const run = await db.run.findUniqueOrThrow({ where: { id: started.body.run.id } });
  expect(run.status).toBe("succeeded");
  return (run.outputs as Array<{ assetId: string }>)[0].assetId;
}

beforeAll(async () => {
  team = await setUpTeams();
}, 120_000);

describe("thumbnail renditions", () => {
  let assetId = "";
  let originalBytes = 0;
  let storageKey = "";

  beforeAll(async () => {
    const bytes = await bigPhoto();
    originalBytes = bytes.length;
    const asset = await storeImage(await getServerContext(), { bytes, origin: "upload", name: "big.png", teamId: team.editor.teamId });
    assetId = asset.id;
    storageKey = asset.storageKey;
  });

  it("answers ?size=thumb with a WebP at most 512 px wide and a small fraction of the bytes, cached next to the original", async () => {
    const thumb = await getFile(team.member, assetId, "?size=thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(thumb.headers.get("cache-control")).toContain("immutable");
    const meta = await sharp(thumb.body as Buffer).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(512);
    expect(meta.height).toBe(341);
    // A full-size PNG of several megabytes becomes a few tens of kilobytes.
    expect(originalBytes).toBeGreaterThan(1_000_000);
    expect((thumb.body as Buffer).length).toBeLessThan(originalBytes / 10);

    // Made once, kept on disk beside the original; the next request reads it back.
    expect(existsSync(path.join(dataDir, "assets", ...`${storageKey}.thumb-512.webp`.split("/")))).toBe(true);
    const again = await getFile(team.member, assetId, "?size=thumb");
    expect(Buffer.compare(again.body as Buffer, thumb.body as Buffer)).toBe(0);
  });

  it("keeps the full-size file for the lightbox and downloads", async () => {
    const full = await getFile(team.member, assetId);
    expect(full.headers.get("content-type")).toBe("image/png");
    expect((full.body as Buffer).length).toBe(originalBytes);
    expect((await sharp(full.body as Buffer).metadata()).width).toBe(1800);
  });

  it("never enlarges a small image, refuses an unknown size, and hides another team's asset", async () => {
    const small = await uploadTeamImage(team.editor); // chelsea.png, 451 × 300
    const thumb = await getFile(team.editor, small, "?size=thumb");
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(451);
    expect((await getFile(team.editor, assetId, "?size=huge")).status).toBe(400);
    expect((await getFile(team.outsider, assetId, "?size=thumb")).status).toBe(404);
  });
});

describe("the latest output of a workflow", () => {
  it("shows in the workflow list and as the cover of its App until a cover is chosen", async () => {
    const photo = await uploadTeamImage(team.editor);
    const workflow = await createTeamWorkflow(team.editor, storyGraph(photo), "Latest output");
    const listed = async () =>
      (await call(workflowsRoute.GET, { headers: as(team.editor) })).body.workflows.find((w: { id: string }) => w.id === workflow.id);
    expect((await listed()).latestOutput).toBeNull();

    const published = await publish(team.editor, workflow.id, {
      name: "Cover from output",
      slug: "cover-from-output",
      inputs: storyInputs,
    });
    expect(published.status).toBe(201);
    const cover = async () =>
      (await call(appsRoute.GET, { headers: as(team.member) })).body.apps.find((a: { slug: string }) => a.slug === "cover-from-output")
        .coverUrl;
    expect(await cover()).toBeNull();

    const output = await runWorkflow(team.editor, workflow.id);
    expect((await listed()).latestOutput).toEqual({
      assetId: output,
      url: `/api/assets/${output}/file`,
      thumbnailUrl: `/api/assets/${output}/file?size=thumb`,
    });
    expect(await cover()).toBe(`/api/assets/${output}/file`);
    const detail = await call(appRoute.GET, { params: { slug: "cover-from-output" }, headers: as(team.member) });
    expect(detail.body.app.coverUrl).toBe(`/api/assets/${output}/file`);

    // A teammate's App run on their own photo is theirs: it changes neither the cover nor the list.
    const theirs = await uploadTeamImage(team.member, "coffee.png");
    const ran = await call(appRunsRoute.POST, {
      method: "POST",
      params: { slug: "cover-from-output" },
      headers: as(team.member),
      json: { items: [{ inputs: { image: theirs } }] },
    });
    expect(ran.status).toBe(202);
    await runsSettle();
    expect(
      await (await getServerContext()).db.run.count({ where: { appId: { not: null }, status: "succeeded", workflowId: workflow.id } }),
    ).toBe(1);
    expect(await cover()).toBe(`/api/assets/${output}/file`);
    expect((await listed()).latestOutput.assetId).toBe(output);

    // A cover the designer chose wins over the latest output.
    const chosen = await publish(team.editor, workflow.id, {
      appSlug: "cover-from-output",
      name: "Cover from output",
      slug: "cover-from-output",
      coverAssetId: photo,
      inputs: storyInputs,
    });
    expect(chosen.status).toBe(201);
    expect(await cover()).toBe(`/api/assets/${photo}/file`);
  });
});

async function publish(account: { cookie: string }, workflowId: string, body: Record<string, unknown>) {
  return call(publishRoute.POST, { method: "POST", params: { id: workflowId }, headers: as(account), json: body });
}

/** Image input → Retouch (painted mask, or a mask image on its port) → Output. */
function retouchGraph(photo: string, mask: string, maskOnPort: boolean): WorkflowGraph {
  return {
    nodes: [
      { id: "in", type: "imageInput", position: { x: 0, y: 0 }, data: { assetId: photo } },
      ...(maskOnPort ? [{ id: "maskIn", type: "imageInput", position: { x: 0, y: 200 }, data: { assetId: mask } }] : []),
      { id: "fix", type: "retouch", position: { x: 300, y: 0 }, data: { prompt: "clean skin", maskAssetId: maskOnPort ? null : mask } },
      { id: "out", type: "output", position: { x: 600, y: 0 }, data: { label: "Retouched" } },
    ],
    edges: [
      { id: "a", source: "in", sourceHandle: "image", target: "fix", targetHandle: "image" },
      ...(maskOnPort ? [{ id: "m", source: "maskIn", sourceHandle: "image", target: "fix", targetHandle: "mask" }] : []),
      { id: "b", source: "fix", sourceHandle: "image", target: "out", targetHandle: "image" },
    ],
  };
}

describe("a Retouch App and the designer's painted mask", () => {
  const photoInput = [{ key: "photo", nodeId: "in", field: "assetId", label: "Your photo", required: true }];

  it("refuses to publish a painted mask over a photo the teammate uploads, saying why, and creates nothing", async () => {
    const photo = await uploadTeamImage(team.editor);
    const mask = await uploadTeamImage(team.editor, "coffee.png");
    const workflow = await createTeamWorkflow(team.editor, retouchGraph(photo, mask, false), "Retouch");
    const refused = await publish(team.editor, workflow.id, { name: "Retouch my photo", slug: "retouch-my-photo", inputs: photoInput });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /Retouch would paint the mask you drew on your own picture onto every "Your photo" a teammate uploads/,
    );
    expect(refused.body.error.message).not.toMatch(/fix|maskAssetId|nodeId/);
    expect((await call(appRoute.GET, { params: { slug: "retouch-my-photo" }, headers: as(team.editor) })).status).toBe(404);
  });

  it("publishes the mask as an input the teammate paints: required, painted over the photo, and their mask is the one used", async () => {
    const photo = await uploadTeamImage(team.editor);
    const designerMask = await uploadTeamImage(team.editor, "coffee.png");
    const workflow = await createTeamWorkflow(team.editor, retouchGraph(photo, designerMask, false), "Retouch, mask painted by the member");
    const maskInput = { key: "area", nodeId: "fix", field: "maskAssetId", label: "Paint the area to change", required: false };
    const published = await publish(team.editor, workflow.id, {
      name: "Paint and retouch",
      slug: "paint-and-retouch",
      inputs: [...photoInput, maskInput],
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.version.inputs[1]).toMatchObject({ key: "area", kind: "mask", required: true, paintedOver: "photo" });

    // Without a painted mask the App does not run (it would fall back to the designer's).
    const theirPhoto = await uploadTeamImage(team.member, "coffee.png");
    const start = (inputs: Record<string, unknown>) =>
      call(appRunsRoute.POST, {
        method: "POST",
        params: { slug: "paint-and-retouch" },
        headers: as(team.member),
        json: { items: [{ inputs }] },
      });
    const unpainted = await start({ photo: theirPhoto });
    expect(unpainted.status).toBe(400);
    expect(JSON.stringify(unpainted.body.error.details)).toMatch(/area/);

    const theirMask = await uploadTeamImage(team.member, "coffee.png");
    const ran = await start({ photo: theirPhoto, area: theirMask });
    expect(ran.status).toBe(202);
    await runsSettle();
    const { db } = await getServerContext();
    const run = await db.run.findUniqueOrThrow({ where: { id: ran.body.runs[0].id } });
    expect(run.status).toBe("succeeded");
    expect(run.appInputs).toMatchObject({ photo: theirPhoto, area: theirMask });
  });

  it("publishes when the mask comes from its port, or when the photo is not the teammate's", async () => {
    const photo = await uploadTeamImage(team.editor);
    const mask = await uploadTeamImage(team.editor, "coffee.png");
    const onPort = await createTeamWorkflow(team.editor, retouchGraph(photo, mask, true), "Retouch with mask input");
    const maskInputs = [...photoInput, { key: "mask", nodeId: "maskIn", field: "assetId", label: "Mask", required: true }];
    expect(
      (await publish(team.editor, onPort.id, { name: "Retouch with mask", slug: "retouch-with-mask", inputs: maskInputs })).status,
    ).toBe(201);

    // The photo stays the designer's (only the prompt is asked): the painted mask fits it.
    const graph = retouchGraph(photo, mask, false);
    graph.nodes.push({ id: "p", type: "prompt", position: { x: 0, y: 300 }, data: { text: "clean skin" } });
    graph.edges.push({ id: "pe", source: "p", sourceHandle: "text", target: "fix", targetHandle: "prompt" });
    const fixedPhoto = await createTeamWorkflow(team.editor, graph, "Retouch, fixed photo");
    const promptOnly = [{ key: "prompt", nodeId: "p", field: "text", label: "What to change", required: true }];
    expect((await publish(team.editor, fixedPhoto.id, { name: "Fixed photo", slug: "fixed-photo", inputs: promptOnly })).status).toBe(201);
  });
});
