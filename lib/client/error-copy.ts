/**
 * Every error the studio can show, in a designer's words (issue 9, "Errors in a designer's
 * words"). The API answers `{ error: { code, message, details } }` (lib/api/errors.ts); its
 * `message` is written for the API's callers and may name a request field (`body.name`), a node
 * id (`Expand node "n3"`), a port or an item index. This module turns a code (typed from the
 * server's own `ErrorCode` and `GraphIssueCode` unions, so a new server code fails to compile
 * until it has a sentence here) plus the structured details into a sentence about the work, and
 * keeps the technical text apart for a "Details" disclosure.
 *
 * Rule: a server message is shown only once it passes {@link isDesignerSafe} (after removing a
 * leading `field:` prefix and naming nodes by their title); otherwise the code's own sentence is
 * shown. Pure module (no React, no store).
 */
import type { ErrorCode } from "@/lib/api/errors";
import type { GraphIssue, GraphIssueCode } from "@/lib/graph/issues";
import { getNodeDefinition } from "@/lib/nodes";
import { MAX_UPLOAD_BYTES } from "@/lib/assets/limits";

/** Codes the browser makes up itself (no answer, an answer that is not the API's JSON, a save that failed before a run). */
export type ClientErrorCode = "network_error" | "http_error" | "save_failed" | "aborted" | "model_refusal";

/** Every code an error shown in the studio can carry. */
export type KnownErrorCode = ErrorCode | ClientErrorCode;

/** What the studio shows for one error. */
export interface FriendlyError {
  /** One or two sentences about the designer's work; never an id, a field path or an env var. */
  sentence: string;
  /** The technical text (code, HTTP status, server message, details) for the disclosure; null when there is none worth showing. */
  details: string | null;
  code: string;
  /** True when trying again later may work without changing anything (network, server, rate limit). */
  transient: boolean;
}

/** A node as the editor knows it, to name nodes by their title instead of their id. */
export interface NamedNode {
  id: string;
  type?: string;
  data?: Record<string, unknown>;
}

export interface ErrorCopyContext {
  nodes?: readonly NamedNode[];
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The sentence of each code when the server's message cannot be shown as it is. */
export const CODE_SENTENCES: Record<KnownErrorCode, string> = {
  bad_request: "The studio could not do this with what was sent. Check the values and try again.",
  invalid_json: "The studio could not read what was sent. Reload the page and try again.",
  validation_error: "Some values are not accepted. Check the settings you changed and try again.",
  invalid_graph: "The workflow cannot run as it is. The nodes at fault are marked on the canvas.",
  not_found: "This no longer exists: it may have been deleted. Go back to the list and open it again.",
  version_conflict: "This workflow was changed elsewhere. Reload it to get the latest version.",
  payload_too_large: `The file is too large: uploads can be at most ${MB(MAX_UPLOAD_BYTES)}. Export it smaller (or as JPEG) and try again.`,
  unsupported_media_type: "This file is not an image the studio can read. Use a PNG, JPEG or WebP image.",
  conflict: "Someone else changed this at the same moment. Try again.",
  unauthorized: "You are signed out. Sign in again to continue; your edits in this browser are kept.",
  forbidden: "Your role in the team does not allow this. Ask a team owner.",
  too_many_requests: "Too many requests at once. Wait a moment and try again.",
  internal_error:
    "Something went wrong on the server. Try again; if it keeps happening, share the details below with whoever runs the studio.",
  network_error: "The studio's server is not answering. Your edits are kept in this browser and saved when it is back.",
  http_error: "The server answered with an error. Try again in a moment.",
  aborted: "Canceled before it finished.",
  model_refusal: "A node cannot run with its model as it is set: see the warning on the node, change the size or pick another model.",
  save_failed: "The workflow could not be saved, so it was not run. Your edits are kept in this browser.",
};

const TRANSIENT: ReadonlySet<string> = new Set<KnownErrorCode>(["network_error", "http_error", "internal_error", "too_many_requests"]);

/** The sentence of each graph issue code, from the issue's node, port and field (never the server's message as is). */
const ISSUE_SENTENCES: Record<GraphIssueCode, (issue: GraphIssue, names: Names) => string> = {
  invalid_graph: () => "The workflow could not be read. Reload the page; if it stays, undo your last change.",
  duplicate_node_id: () => "Two nodes of the workflow are the same copy. Delete one and add it again.",
  duplicate_edge_id: () => "Two connections of the workflow are the same copy. Delete one and connect again.",
  unknown_node_type: (issue, n) => `${n.node(issue.nodeId, "A node")} is of a kind this studio does not know. Delete it.`,
  invalid_parameter: (issue, n) => {
    const tail = parameterProblem(issue.message);
    return `${n.node(issue.nodeId)}: ${n.field(issue.nodeId, issue.field)} ${tail ?? "is not a value it accepts"}.`;
  },
  missing_parameter: (issue, n) => `${n.node(issue.nodeId)} needs ${n.field(issue.nodeId, issue.field)}.`,
  unknown_node: () => "A connection leads to a node that no longer exists. Delete that connection.",
  unknown_port: (issue, n) =>
    `${n.node(issue.nodeId, "A node")} has a connection on a port it does not have. Delete that connection and connect again.`,
  port_type_mismatch: (issue, n) =>
    `${n.node(issue.nodeId)}: its ${n.port(issue.nodeId, issue.port)} input cannot take what is connected to it (${kindsOf(issue.message) ?? "another kind of data"}). Connect a matching output.`,
  port_already_connected: (issue, n) =>
    `${n.node(issue.nodeId)}: its ${n.port(issue.nodeId, issue.port)} input has two connections. Remove one.`,
  cycle: () => "The workflow loops back on itself. Remove one of the connections in the loop.",
  missing_input: (issue, n) => `${n.node(issue.nodeId)} needs something connected to its ${n.port(issue.nodeId, issue.port)} input.`,
  empty_graph: () => "The workflow has no nodes yet. Add some from the palette.",
  loop_without_start: (issue, n) =>
    `${n.node(issue.nodeId, "An End node")} has no For each before it. Connect a For each's item to the steps that lead to it, or delete it.`,
  loop_without_end: (issue, n) =>
    `${n.node(issue.nodeId, "A For each node")} has no End. Add an End after the steps to repeat, so their results are collected.`,
  loop_end_shared: () => "A loop has exactly one End: give each For each its own End, and connect each loop's last step to it.",
  loop_nested: () => "Loops inside loops are not supported yet: move the inner For each out of the loop.",
  loop_escape: (issue, n) =>
    `${n.node(issue.nodeId)} runs once per item of the loop, but it also feeds ${n.node(issue.relatedNodeId, "a node").replace(/^The/, "the")}, which is outside the loop. Take the loop's results from its End instead.`,
};

interface Names {
  node(id: string | undefined, fallback?: string): string;
  port(nodeId: string | undefined, port: string | undefined): string;
  field(nodeId: string | undefined, field: string | undefined): string;
}

/** A node's title as the canvas shows it: its own label when it has one, else its kind's label. */
export function nodeTitle(node: NamedNode | undefined): string | undefined {
  if (!node) return undefined;
  const own = node.data?.label ?? node.data?.title;
  if (typeof own === "string" && own.trim()) return own.trim();
  return node.type ? getNodeDefinition(node.type)?.label : undefined;
}

function namesFor(ctx: ErrorCopyContext): Names {
  const byId = new Map((ctx.nodes ?? []).map((n) => [n.id, n]));
  const definitionOf = (id: string | undefined) => {
    const type = id ? byId.get(id)?.type : undefined;
    return type ? getNodeDefinition(type) : undefined;
  };
  return {
    node: (id, fallback = "A node") => {
      const title = nodeTitle(id ? byId.get(id) : undefined);
      return title ? `The ${title} node` : fallback;
    },
    port: (nodeId, port) => {
      const spec = definitionOf(nodeId)?.inputs.find((p) => p.name === port);
      return (spec?.label ?? "an").toLowerCase();
    },
    field: (nodeId, field) => {
      const spec = definitionOf(nodeId)?.fields.find((f) => f.name === field);
      return spec ? `its “${spec.label}” setting` : "a setting";
    },
  };
}

/** `parameter "width" must be at most 8192` → "must be at most 8192" when that tail is plain words. */
function parameterProblem(message: string): string | null {
  const match = /parameter "[^"]*" (.+)$/s.exec(message);
  const tail = match?.[1]?.trim().replace(/\.$/, "");
  return tail && isDesignerSafe(tail) ? tail : null;
}

/** "takes image, but … gives text" → "it takes image, you connected text". */
function kindsOf(message: string): string | null {
  const match = /takes (\w+), but .* gives (\w+)/.exec(message);
  return match ? `it takes ${match[1]}, the connection gives ${match[2]}` : null;
}

const ENV_VAR = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
const FIELD_PATH = /\b[A-Za-z_]\w*(?:\[\d+\])+|\b(?:body|query|headers|path|params|graph|items|file|inputs|data|settings)\.[A-Za-z_[]/;
const DOTTED_IDENT = /\b[a-z_][A-Za-z0-9_]*\.[a-z_][A-Za-z0-9_]*\b/;
const QUOTED = /"([^"\s]{1,100})"/g;
/** A quoted token that reads as an id: letters mixed with digits (`n3`, a database id) or snake_case (`gen_1`, `model_x`). */
const ID_LIKE = /^(?=.*\d)(?=.*[a-z])[\w-]+$|_/i;
const ID_WORDS = /\b(?:node|edge|port|run|asset|workflow|model) id\b|\bid "|\b(?:port|input|output|parameter|field|edge|node) "/i;
const CUID = /\b[a-z][a-z0-9]{19,}\b/;
const FILE_NAME = /\b\w+\.(?:png|jpe?g|webp|gif)\b/i;

/**
 * True when `text` has nothing a designer should not see: no env var name (`MAX_IMAGE_MEGAPIXELS`),
 * no request field path (`body.name`, `items[1].image`), no dotted identifier, no quoted token that
 * reads as an id (the API quotes ids: `node "n3"`; a quoted slug such as "story" may stay), no
 * database id, no "node id".
 */
export function isDesignerSafe(text: string, extraIds: readonly string[] = []): boolean {
  const scrubbed = text.replace(FILE_NAME, "file").replace(/\d+(?:\.\d+)+/g, "0");
  if (
    ENV_VAR.test(scrubbed) ||
    FIELD_PATH.test(scrubbed) ||
    DOTTED_IDENT.test(scrubbed) ||
    [...scrubbed.matchAll(QUOTED)].some((m) => ID_LIKE.test(m[1])) ||
    ID_WORDS.test(scrubbed) ||
    CUID.test(scrubbed)
  ) {
    return false;
  }
  // An id that is a plain word ("in", "fix") leaks only when quoted; one that reads as an id
  // ("retouch-1", "n3", "gen_1") leaks wherever it stands as a word.
  return !extraIds.some((id) => {
    if (id.length === 0) return false;
    if (text.includes(`"${id}"`)) return true;
    return /[\d_-]/.test(id) && new RegExp(`(^|[^\\w-])${escapeRegExp(id)}($|[^\\w-])`).test(text);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The server's message made readable when it can be: a leading field prefix (`file: `, `body.name: `)
 * removed and the first letter raised, `Expand node "n3"` named by the node's title. Null when what
 * remains still is not {@link isDesignerSafe}.
 */
export function cleanServerMessage(message: string, ctx: ErrorCopyContext = {}): string | null {
  let text = message.trim();
  for (const node of ctx.nodes ?? []) {
    const title = nodeTitle(node);
    const kind = node.type ? getNodeDefinition(node.type)?.label : undefined;
    if (!title) continue;
    const quoted = `"${node.id}"`;
    if (kind) text = text.replaceAll(`${kind} node ${quoted}`, `the ${title} node`);
    text = text.replaceAll(`node ${quoted}`, `the ${title} node`);
  }
  const prefix = /^([A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])*)(?: header)?: /.exec(text);
  if (prefix) {
    const rest = text.slice(prefix[0].length);
    const last =
      prefix[1]
        .split(/[.[\]]/)
        .filter((p) => p && !/^\d+$/.test(p))
        .pop() ?? "";
    const words = FIELD_WORDS[last];
    text = words && /^(?:must|is|are|has|should|cannot|needs)\b/.test(rest) ? `${words} ${rest}` : rest;
  }
  text = text.replace(/^[a-z]/, (c) => c.toUpperCase());
  if (!text) return null;
  const ids = (ctx.nodes ?? []).map((n) => n.id);
  return isDesignerSafe(text, ids) ? text : null;
}

/** The sentence for one graph issue, naming the node by its title. */
export function describeIssue(issue: GraphIssue, ctx: ErrorCopyContext = {}): string {
  const sentence = ISSUE_SENTENCES[issue.code]?.(issue, namesFor(ctx));
  // A rule outside the graph check (publishing's painted-mask rule) writes its own sentence:
  // shown when it names nothing a designer should not see.
  const own = !sentence && typeof issue.message === "string" ? cleanServerMessage(issue.message, ctx) : null;
  return sentence ?? own ?? CODE_SENTENCES.invalid_graph;
}

/** Anything with the API error's fields (ApiError of api-client.ts), without importing it (no import cycle). */
interface ErrorLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  details?: unknown;
  name?: unknown;
}

function technical(code: string, status: number | undefined, message: string, details: unknown): string {
  const lines = [`code: ${code}${status ? ` (HTTP ${status})` : ""}`];
  if (message) lines.push(`message: ${message}`);
  if (details && typeof details === "object" && Object.keys(details).length > 0) {
    try {
      lines.push(`details: ${JSON.stringify(details, null, 2)}`);
    } catch {
      // Circular details are left out.
    }
  }
  return lines.join("\n");
}

function isKnownCode(code: string): code is KnownErrorCode {
  return Object.prototype.hasOwnProperty.call(CODE_SENTENCES, code);
}

/**
 * What to show for any thrown value: an API error (by its code and details), a network failure,
 * or anything else (a generic sentence). Graph issues in `details.issues` are described one by
 * one (the first, plus how many more). Node failures of a run are plain strings: use
 * {@link describeNodeError}.
 */
export function describeError(error: unknown, ctx: ErrorCopyContext = {}): FriendlyError {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as ErrorLike;
  const rawCode = typeof e.code === "string" ? e.code : e.name === "TypeError" ? "network_error" : "internal_error";
  const code: KnownErrorCode = isKnownCode(rawCode) ? rawCode : "http_error";
  const status = typeof e.status === "number" ? e.status : undefined;
  const message = typeof e.message === "string" ? e.message : "";
  const details = e.details && typeof e.details === "object" ? (e.details as Record<string, unknown>) : undefined;
  const tech = technical(rawCode, status, message, details);
  const transient = TRANSIENT.has(code);

  const issues = Array.isArray(details?.issues) ? (details.issues as GraphIssue[]) : [];
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (${issues.length - 1} more problem${issues.length > 2 ? "s" : ""} marked on the canvas)` : "";
    return { sentence: `${describeIssue(issues[0], ctx)}${more}`, details: tech, code, transient };
  }
  if (code === "network_error" || code === "internal_error" || code === "http_error" || code === "invalid_json") {
    return { sentence: CODE_SENTENCES[code], details: tech, code, transient };
  }
  if (code === "validation_error") {
    const sentence = validationSentence(details, message, ctx);
    return { sentence, details: tech, code, transient };
  }
  const cleaned = message ? cleanServerMessage(message, ctx) : null;
  return { sentence: cleaned ?? CODE_SENTENCES[code], details: tech, code, transient };
}

/** Names of request fields a designer edits, as they read in the studio. */
const FIELD_WORDS: Record<string, string> = {
  name: "The name",
  description: "The description",
  slug: "The App's address",
  dailyRunQuota: "The daily run limit",
  creditLimitPerRun: "The credit limit per run",
  coverAssetId: "The cover image",
  prompt: "The prompt",
  file: "The file",
};

function validationSentence(details: Record<string, unknown> | undefined, message: string, ctx: ErrorCopyContext): string {
  const fields = Array.isArray(details?.fields) ? (details.fields as Array<{ path?: unknown; message?: unknown }>) : [];
  for (const field of fields) {
    const path = typeof field.path === "string" ? field.path : "";
    const last =
      path
        .split(".")
        .filter((p) => !/^\d+$/.test(p))
        .pop() ?? "";
    const words = FIELD_WORDS[last];
    const problem = typeof field.message === "string" ? field.message.trim().replace(/\.$/, "") : "";
    if (words && problem && isDesignerSafe(problem)) return `${words} ${problem}.`;
  }
  const cleaned = message ? cleanServerMessage(message, ctx) : null;
  return cleaned ?? CODE_SENTENCES.validation_error;
}

/**
 * The sentence shown for a node's failure in a run (the executor's NodeFailure or the provider's
 * message, lib/engine/errors.ts): shown as is when it is designer-safe, else a generic sentence
 * with the text kept for the details.
 */
export function describeNodeError(message: string, ctx: ErrorCopyContext = {}): FriendlyError {
  if (/^canceled$/i.test(message.trim())) return { sentence: "Canceled.", details: null, code: "canceled", transient: false };
  const unexpected = /^Unexpected error: /.test(message);
  const cleaned = unexpected ? null : cleanServerMessage(message, ctx);
  return {
    sentence:
      cleaned ?? "This step failed for a reason the studio could not put in words. Try again; the details say what the server reported.",
    details: cleaned === message ? null : message,
    code: unexpected ? "internal_error" : "node_failure",
    transient: unexpected,
  };
}
