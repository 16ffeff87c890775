/**
 * A Scenario workflow file (an export, or a saved graph's `editorInfo` in an export envelope) as a
 * studio graph (shared/reference/scenario-workflow-format.md). What each Scenario node becomes is
 * node-table.ts's; this module reads the file, turns the reversed edges back into data-flow edges,
 * recreates Output nodes from `isOutput` marks and App inputs from pinned `isInput` nodes, and
 * reports every node: unknown types and models are kept as placeholder nodes with the reason,
 * never dropped; a connection with no equivalent is left out and named. A `data.studio` hint (files
 * the studio exported) restores what Scenario's fields cannot say. Pure module.
 */
import { INPUT_KEY_PATTERN, type ExposedInput } from "../../apps/exposable-inputs";
import { ANNOTATION_MIN_SIZE, GRAPH_LIMITS, type GraphAnnotation, type GraphEdge, type GraphNode } from "../../graph/schema";
import { portTypesCompatible, type PortType } from "../../graph/ports";
import { getNodeDefinition, type AnyNodeDefinition } from "../../nodes";
import type { ModelLookup } from "../models";
import { ImportFileError, type ImportReportItem, type ImportResult } from "../report";
import { handleName, scenarioFileSchema, type ScenarioNode } from "./format";
import { paramsFromForm } from "./model-form";
import {
  SCENARIO_IMPORT_TABLE,
  STUDIO_HINT_KEY,
  titleOf,
  unknownTypeRule,
  type ImportDecision,
  type ReadNode,
  type StudioHint,
} from "./node-table";
import { parseParams, uniqueId } from "../parse-params";

function readHint(data: Record<string, unknown>): StudioHint {
  const hint = data[STUDIO_HINT_KEY];
  return hint && typeof hint === "object" && !Array.isArray(hint) ? (hint as StudioHint) : {};
}

function withoutHint(data: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...data };
  delete rest[STUDIO_HINT_KEY];
  return rest;
}

/** The table's rule for a Scenario type (own entries only: a type named "constructor" is just unknown). */
function ruleFor(type: string) {
  return Object.hasOwn(SCENARIO_IMPORT_TABLE, type) ? SCENARIO_IMPORT_TABLE[type] : unknownTypeRule(type);
}

function decide(read: ReadNode, models: ModelLookup): ImportDecision {
  return ruleFor(read.node.type).decide(read, models);
}

/** The raw parameters of a node decision: its own, then those read from the form, then the hint's. */
function rawParams(decision: Extract<ImportDecision, { kind: "node" }>, hint: StudioHint): Record<string, unknown> {
  const definition = getNodeDefinition(decision.type)!;
  const fromForm = decision.form ? paramsFromForm(definition, decision.form, decision.schema ?? null) : {};
  return { ...decision.params, ...fromForm, ...(hint.params ?? {}) };
}

/**
 * The studio parameters a Scenario node stands for (parsed with its kind's schema), or null when it
 * does not become a studio node. The exporter uses it to tell which parameters the Scenario fields
 * already carry.
 */
export function reconstructParams(node: ScenarioNode, hint: StudioHint, models: ModelLookup): Record<string, unknown> | null {
  const data = withoutHint(node.data);
  const decision = decide({ node, data, hint, wiredInputs: new Set() }, models);
  if (decision.kind !== "node") return null;
  return parseParams(getNodeDefinition(decision.type)!, rawParams(decision, hint)).params;
}

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "file"}: ${issue.message}` : "invalid";
}

/** A free App input key from a label: "Product photo" → "product_photo". */
function keyFrom(label: string, taken: Set<string>): string {
  let base = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 36);
  if (!INPUT_KEY_PATTERN.test(base)) base = "input";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

/**
 * Imports a Scenario workflow file.
 * @param json the parsed JSON of the file.
 * @param models the model catalog: which studio kind a `model` node runs as, its schema for `form`.
 * @throws ImportFileError when `json` is not a Scenario workflow file (a sentence naming what is wrong).
 */
export function importScenarioFile(json: unknown, models: ModelLookup): ImportResult {
  const parsed = scenarioFileSchema.safeParse(json);
  if (!parsed.success)
    throw new ImportFileError(`This is not a Scenario workflow file we can read (${firstIssue(parsed.error)}).`, {
      issues: parsed.error.issues.slice(0, 10),
    });
  const file = parsed.data;
  const items: ImportReportItem[] = [];
  const nodes: GraphNode[] = [];
  const annotations: GraphAnnotation[] = [];
  const decisions = new Map<string, { decision: ImportDecision; definition?: AnyNodeDefinition; read: ReadNode; title: string }>();

  const wired = new Map<string, Set<string>>();
  for (const edge of file.editorInfo.edges) {
    const name = handleName(edge.source, edge.sourceHandle, "source");
    if (!name) continue;
    if (!wired.has(edge.source)) wired.set(edge.source, new Set());
    wired.get(edge.source)!.add(name);
  }

  const seenIds = new Set<string>();
  for (const node of file.editorInfo.nodes) {
    if (seenIds.has(node.id)) {
      items.push({
        foreignId: node.id,
        foreignType: node.type,
        title: node.type,
        outcome: "left-out",
        message: "Another node of the file has the same id: this one is left out.",
      });
      continue;
    }
    seenIds.add(node.id);
    const data = withoutHint(node.data);
    const read: ReadNode = { node, data, hint: readHint(node.data), wiredInputs: wired.get(node.id) ?? new Set() };
    const rule = ruleFor(node.type);
    const decision = decide(read, models);
    const position = { x: node.position?.x ?? 0, y: node.position?.y ?? 0 };
    const title = decision.kind === "placeholder" ? decision.title : titleOf(read, rule.title);
    const base = { foreignId: node.id, foreignType: node.type, title };

    if (decision.kind === "note") {
      const size = (value: unknown, fallback: number, min: number) =>
        typeof value === "number" && Number.isFinite(value) ? Math.min(Math.max(value, min), 20_000) : fallback;
      const text = [data.value, data.text, data.content].find((v) => typeof v === "string");
      annotations.push({
        id: node.id,
        kind: read.hint.annotation === "group" ? "group" : "note",
        position,
        size: {
          width: size(data.width ?? node.width ?? node.measured?.width, 240, ANNOTATION_MIN_SIZE.width),
          height: size(data.height ?? node.height ?? node.measured?.height, 160, ANNOTATION_MIN_SIZE.height),
        },
        text: typeof text === "string" ? text.slice(0, 4000) : "",
      });
      items.push({ ...base, outcome: "mapped", message: "Became a sticky note." });
      decisions.set(node.id, { decision, read, title });
      continue;
    }
    if (decision.kind === "placeholder") {
      const definition = getNodeDefinition("placeholder")!;
      const restored = read.hint.kind === "placeholder" ? read.hint.params : undefined;
      const params = restored
        ? parseParams(definition, restored).params
        : parseParams(definition, {
            origin: "scenario",
            foreignType: node.type,
            title,
            reason: decision.reason,
            original: { type: node.type, data },
          }).params;
      nodes.push({ id: node.id, type: "placeholder", position, data: params });
      items.push({ ...base, outcome: "placeholder", message: String(params.reason), nodeId: node.id });
      decisions.set(node.id, { decision, definition, read, title });
      continue;
    }
    const definition = getNodeDefinition(decision.type)!;
    const { params, dropped } = parseParams(definition, rawParams(decision, read.hint));
    nodes.push({ id: node.id, type: definition.type, position, data: params });
    const droppedNotes = dropped.map(
      (field) =>
        `Its ${definition.fields.find((f) => f.name === field)?.label ?? field} setting is outside what the studio accepts: the default is used.`,
    );
    const notes = [...decision.notes, ...droppedNotes];
    items.push({ ...base, outcome: "mapped", message: [`Became a ${definition.label} node.`, ...notes].join(" "), nodeId: node.id });
    decisions.set(node.id, { decision, definition, read, title });
  }

  // Edges, back in data-flow direction (Scenario stores them reversed).
  const edges: GraphEdge[] = [];
  const edgeIds = new Set<string>();
  const filled = new Set<string>();
  const outputType = (id: string, port: string): PortType | undefined =>
    decisions.get(id)?.definition?.outputs.find((p) => p.name === port)?.type;
  for (const edge of file.editorInfo.edges) {
    const consumer = decisions.get(edge.source);
    const producer = decisions.get(edge.target);
    const inName = handleName(edge.source, edge.sourceHandle, "source") ?? "";
    const outName = handleName(edge.target, edge.targetHandle, "target") ?? "";
    const leaveOut = (why: string) =>
      items.push({
        foreignId: edge.id ?? `${edge.target}->${edge.source}`,
        foreignType: "edge",
        title: `${producer?.title ?? edge.target} → ${consumer?.title ?? edge.source}`,
        outcome: "left-out",
        message: why,
      });
    if (!consumer?.definition || !producer?.definition) {
      if (consumer?.decision.kind !== "note" && producer?.decision.kind !== "note")
        leaveOut("This connection joins a node that is not in the file: it is left out.");
      continue;
    }
    const consumerIsPlaceholder = consumer.decision.kind === "placeholder";
    const producerIsPlaceholder = producer.decision.kind === "placeholder";
    let targetPort = consumer.decision.kind === "node" ? consumer.decision.inputPort(inName) : undefined;
    let sourcePort = producer.decision.kind === "node" ? producer.decision.outputPort(outName) : undefined;
    if (producerIsPlaceholder) {
      const wantsText = consumerIsPlaceholder || consumer.definition.inputs.find((p) => p.name === targetPort)?.type === "text";
      sourcePort = wantsText ? "text" : "image";
    }
    if (consumerIsPlaceholder) targetPort = sourcePort && outputType(edge.target, sourcePort) === "text" ? "text" : "media";
    const from = sourcePort ? outputType(edge.target, sourcePort) : undefined;
    const to = consumer.definition.inputs.find((p) => p.name === targetPort)?.type;
    if (!sourcePort || !targetPort || !from || !to) {
      leaveOut(`The ${consumer.definition.label} node has no input like “${inName}”: this connection is left out.`);
      continue;
    }
    if (!portTypesCompatible(from, to)) {
      leaveOut(`A ${from} cannot feed the ${to} input of the ${consumer.definition.label} node: this connection is left out.`);
      continue;
    }
    const slot = `${edge.source}\u0000${targetPort}`;
    if (filled.has(slot) && !consumerIsPlaceholder) {
      leaveOut(`The ${consumer.definition.label} node takes one ${targetPort} connection here: the extra one is left out.`);
      continue;
    }
    filled.add(slot);
    const id = uniqueId(edge.id ?? `${edge.target}->${edge.source}.${targetPort}`, edgeIds);
    edges.push({ id, source: edge.target, sourceHandle: sourcePort, target: edge.source, targetHandle: targetPort });
  }

  // Outputs: an Output node after each node marked isOutput.
  const nodeIds = new Set(nodes.map((n) => n.id));
  const outputDefinition = getNodeDefinition("output")!;
  for (const node of [...nodes]) {
    const entry = decisions.get(node.id);
    if (!entry?.read.data.isOutput || !entry.definition) continue;
    const port = entry.definition.outputs.find((p) => portTypesCompatible(p.type, "asset"));
    if (!port) continue;
    const planned = entry.read.hint.outputs?.length
      ? entry.read.hint.outputs
      : [{ id: `${node.id}-output`, label: undefined, position: undefined }];
    for (const out of planned) {
      const id = uniqueId(typeof out.id === "string" ? out.id : `${node.id}-output`, nodeIds);
      const label = typeof out.label === "string" ? out.label : entry.title;
      const position =
        out.position && Number.isFinite(out.position.x) && Number.isFinite(out.position.y)
          ? out.position
          : { x: node.position.x + 320, y: node.position.y };
      nodes.push({
        id,
        type: "output",
        position: { x: position.x, y: position.y },
        data: parseParams(outputDefinition, { label: label.slice(0, 80) }).params,
      });
      edges.push({
        id: uniqueId(`${node.id}->${id}.image`, edgeIds),
        source: node.id,
        sourceHandle: port.name,
        target: id,
        targetHandle: "image",
      });
    }
  }

  // App inputs: pinned nodes in inputKeys order, described by the `inputs` entries.
  const inputs: ExposedInput[] = [];
  const keys = new Set<string>();
  const pinned = [
    ...file.editorInfo.inputKeys,
    ...file.editorInfo.nodes.filter((n) => n.data.isInput === true && !file.editorInfo.inputKeys.includes(n.id)).map((n) => n.id),
  ];
  for (const nodeId of new Set(pinned)) {
    const entry = decisions.get(nodeId);
    const field = entry?.definition?.type === "prompt" ? "text" : entry?.definition?.type === "imageInput" ? "assetId" : null;
    const declared = file.inputs.find((i) => i.name === nodeId);
    if (!entry || !field) {
      if (entry)
        items.push({
          foreignId: nodeId,
          foreignType: "input",
          title: entry.title,
          outcome: "left-out",
          message: "This workflow input is not a text or an image here: it is not an App input.",
        });
      continue;
    }
    const label = (declared?.label ?? entry.title).trim().slice(0, 80) || "Input";
    const hinted = entry.read.hint.inputKey;
    const key = hinted && INPUT_KEY_PATTERN.test(hinted) && !keys.has(hinted) ? (keys.add(hinted), hinted) : keyFrom(label, keys);
    const input: ExposedInput = { key, nodeId, field, label, required: declared?.required?.always ?? true };
    if (declared?.description) input.help = declared.description.slice(0, 300);
    if (declared?.default !== undefined && field === "text" && typeof declared.default === "string") input.default = declared.default;
    inputs.push(input);
  }

  if (file.editorInfo.nodeGroups && Object.keys(file.editorInfo.nodeGroups).length > 0)
    items.push({
      foreignId: "nodeGroups",
      foreignType: "nodeGroups",
      title: "Node groups",
      outcome: "left-out",
      message: "Node groups are not carried over: draw groups again if you need them.",
    });
  if (nodes.length > GRAPH_LIMITS.maxNodes)
    throw new ImportFileError(`The file makes ${nodes.length} nodes; a workflow holds at most ${GRAPH_LIMITS.maxNodes}.`);

  return {
    graph: { nodes, edges, ...(annotations.length > 0 ? { annotations: annotations.slice(0, GRAPH_LIMITS.maxAnnotations) } : {}) },
    inputs,
    report: { source: "scenario", name: file.name, items },
  };
}
