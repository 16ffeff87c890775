import { describe, expect, it } from "vitest";
import { checkConnection } from "./connection-check";

const nodes = [
  { id: "p", type: "prompt" },
  { id: "g", type: "generation" },
  { id: "r", type: "retouch" },
  { id: "u", type: "upscale" },
];
const c = (source: string, sourceHandle: string, target: string, targetHandle: string) => ({ source, sourceHandle, target, targetHandle });

describe("checkConnection", () => {
  it("accepts matching port types", () => {
    expect(checkConnection(c("p", "text", "g", "prompt"), nodes, [])).toEqual({ ok: true });
    expect(checkConnection(c("g", "image", "u", "image"), nodes, [])).toEqual({ ok: true });
  });

  it("names both sides of a type mismatch", () => {
    expect(checkConnection(c("p", "text", "r", "mask"), nodes, [])).toEqual({
      ok: false,
      reason: "Retouch input 'mask' takes image, Prompt gives text",
    });
  });

  it("allows one edge per input", () => {
    const edges = [{ source: "g", target: "u", targetHandle: "image" }];
    const verdict = checkConnection(c("r", "image", "u", "image"), nodes, edges);
    expect(verdict.ok).toBe(false);
  });

  it("refuses loops and unknown ports", () => {
    const edges = [{ source: "g", target: "u", targetHandle: "image" }];
    expect(checkConnection(c("u", "image", "g", "image"), nodes, edges).ok).toBe(false);
    expect(checkConnection(c("g", "nope", "u", "image"), nodes, []).ok).toBe(false);
  });
});
