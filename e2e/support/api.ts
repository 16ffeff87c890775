/**
 * Setting up through the API what a test is not about (the pages under test are then used as a
 * person would): uploads from e2e/fixtures and workflows from graph JSON.
 */
import { expect, type APIRequestContext } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { fixture } from "./editor";

/** A workflow graph as the API takes it. */
export type GraphJson = { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };

/** Uploads e2e/fixtures/`name` (PNG, or JPEG for .jpg) as an asset of the signed-in team; returns its id. */
export async function uploadFixture(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post("/api/assets", {
    multipart: { file: { name, mimeType: name.endsWith(".jpg") ? "image/jpeg" : "image/png", buffer: await readFile(fixture(name)) } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).asset.id;
}

/** Creates a workflow named `name` holding `graph`; returns its id. */
export async function createWorkflowFromGraph(request: APIRequestContext, name: string, graph: GraphJson): Promise<string> {
  const response = await request.post("/api/workflows", { data: { name, graph } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).workflow.id;
}
