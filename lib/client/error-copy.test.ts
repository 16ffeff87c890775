import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/api/errors";
import type { GraphIssueCode } from "@/lib/graph/issues";
import { ApiError, errorMessage } from "./api-client";
import { CODE_SENTENCES, cleanServerMessage, describeError, describeIssue, describeNodeError, isDesignerSafe } from "./error-copy";

const nodes = [
  { id: "n3", type: "expand", data: {} },
  { id: "gen_1", type: "generation", data: {} },
  { id: "out_1", type: "output", data: { label: "Story" } },
];

/** Messages as the server writes them, full of what a designer must not see. */
const NASTY_MESSAGES = [
  "body.graph.nodes[2].data.width: must be at most 8192",
  'items[1].image: no uploaded image "cm9x3k2l10000abcdefghijkl" in this team: upload it first',
  'Expand node "n3": input "image" is not connected',
  "Set SCENARIO_API_KEY and SCENARIO_API_SECRET to use this model",
  'Run "cm9x3k2l10000abcdefghijkl" not found',
  'force: no node with id "gen_1"',
  "query.limit: must be a number",
  "headers.Idempotency-Key: too long",
];

/** Every `new AppError("<code>"` in the server's sources (lib/ and app/). */
function codesThrownByServer(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (entry === "node_modules" || entry === "generated" || entry === "__tests__") continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
        for (const match of readFileSync(full, "utf8").matchAll(/new AppError\(\s*"(\w+)"/g)) found.add(match[1]);
      }
    }
  };
  walk(path.resolve(__dirname, "../../lib"));
  walk(path.resolve(__dirname, "../../app"));
  return found;
}

describe("isDesignerSafe", () => {
  it("rejects ids, field paths and env var names, and accepts sentences with sizes and numbers", () => {
    for (const message of NASTY_MESSAGES) expect(isDesignerSafe(message), message).toBe(false);
    expect(isDesignerSafe("The image is 21,344 px wide after expanding; the model allows at most 8,192 px")).toBe(true);
    expect(isDesignerSafe("photo.png is 2.5 MB")).toBe(true);
    expect(isDesignerSafe("The Expand node n3 failed", ["n3"])).toBe(false);
    // An issue of a rule outside the graph check keeps its own sentence when it is safe to show.
    const painted = describeError(
      {
        code: "invalid_graph",
        message: "x",
        details: {
          issues: [
            {
              nodeId: "fix",
              code: "painted_mask_over_exposed_image",
              message: 'Retouch would paint the mask onto every "Your photo", in the same place.',
            },
          ],
        },
      },
      {
        nodes: [
          { id: "fix", type: "retouch", data: {} },
          { id: "in", type: "imageInput", data: {} },
        ],
      },
    );
    expect(painted.sentence).toBe('Retouch would paint the mask onto every "Your photo", in the same place.');
    // A node id that is a plain word leaks only when quoted, so sentences may still say "in".
    expect(isDesignerSafe("Retouch paints in the same place whatever the photo shows", ["in", "fix"])).toBe(true);
    expect(isDesignerSafe('The node "fix" failed', ["in", "fix"])).toBe(false);
  });
});

describe("describeError", () => {
  it("has a sentence for every code the server throws, and every declared code", () => {
    const thrown = codesThrownByServer();
    expect(thrown.size).toBeGreaterThan(5);
    for (const code of [...thrown, ...ERROR_CODES]) expect(CODE_SENTENCES, code).toHaveProperty(code);
  });

  it("walks every code with messages full of ids and paths and never shows one", () => {
    const codes = [...ERROR_CODES, "network_error", "http_error", "save_failed", "something_new"];
    for (const code of codes) {
      for (const message of NASTY_MESSAGES) {
        const error = new ApiError(400, code, message, { fields: [{ path: "body.graph.nodes.2.data", message }] });
        const { sentence, details } = describeError(error, { nodes });
        expect(
          isDesignerSafe(
            sentence,
            nodes.map((n) => n.id),
          ),
          `${code}: ${sentence}`,
        ).toBe(true);
        expect(sentence).not.toMatch(/SCENARIO|body\.|items\[|"n3"|gen_1|cm9x3k/);
        // The technical text is kept for the disclosure.
        expect(details).toContain(message);
      }
    }
  });

  it("keeps a server sentence that is already about the work, naming nodes by their title", () => {
    const refusal =
      "The image is 21,344 px wide after expanding; the model allows at most 8,192 px. Use a smaller input or a lower target size.";
    expect(describeError(new ApiError(400, "bad_request", refusal)).sentence).toBe(refusal);
    expect(cleanServerMessage('Expand node "n3" has no output port "x"', { nodes })).toBeNull();
    expect(cleanServerMessage('Expand node "n3" failed: the model refused the size', { nodes })).toBe(
      "The Expand node failed: the model refused the size",
    );
    expect(describeError(new ApiError(413, "payload_too_large", "file: 31.2 MB is over the 20 MB limit")).sentence).toBe(
      "31.2 MB is over the 20 MB limit",
    );
    expect(
      errorMessage(
        new ApiError(400, "validation_error", "x", { fields: [{ path: "body.name", message: "must be at most 120 characters" }] }),
      ),
    ).toBe("The name must be at most 120 characters.");
  });

  it("describes graph issues by node title and port label", () => {
    const error = new ApiError(400, "invalid_graph", 'The workflow cannot run: Expand node "n3": input "image" is not connected', {
      issues: [
        { code: "missing_input", nodeId: "n3", port: "image", message: 'Expand node "n3": input "image" is not connected' },
        { code: "cycle", message: 'The graph has a cycle: "a" → "b" → "a"' },
      ],
    });
    expect(describeError(error, { nodes }).sentence).toBe(
      "The Expand node needs something connected to its image input. (1 more problem marked on the canvas)",
    );
  });

  it("says the server is not answering for a network failure and keeps the reason in the details", () => {
    const offline = describeError(new ApiError(0, "network_error", "Could not reach the server: Failed to fetch"));
    expect(offline.sentence).toMatch(/not answering/);
    expect(offline.transient).toBe(true);
    expect(offline.details).toContain("Failed to fetch");
  });
});

describe("describeIssue", () => {
  it("has a designer sentence for every graph issue code, whatever the server's message", () => {
    const codes: GraphIssueCode[] = [
      "invalid_graph",
      "duplicate_node_id",
      "duplicate_edge_id",
      "unknown_node_type",
      "invalid_parameter",
      "missing_parameter",
      "unknown_node",
      "unknown_port",
      "port_type_mismatch",
      "port_already_connected",
      "cycle",
      "missing_input",
      "empty_graph",
    ];
    for (const code of codes) {
      for (const message of NASTY_MESSAGES) {
        for (const nodeId of ["n3", "gen_1", "unknown-id"]) {
          const sentence = describeIssue({ code, nodeId, port: "image", field: "width", message }, { nodes });
          expect(isDesignerSafe(sentence, [...nodes.map((n) => n.id), "unknown-id"]), `${code}: ${sentence}`).toBe(true);
          expect(sentence.length).toBeGreaterThan(10);
        }
      }
    }
  });
});

describe("describeNodeError", () => {
  it("shows an engine sentence as is and hides an unexpected one behind the details", () => {
    expect(describeNodeError("The image is 21,344 px wide after expanding; the model allows at most 8,192 px").details).toBeNull();
    const odd = describeNodeError('Unexpected error: Cannot read properties of undefined (reading "width")');
    expect(odd.sentence).not.toMatch(/undefined/);
    expect(odd.details).toMatch(/undefined/);
  });
});
