import { describe, expect, it } from "vitest";
import type { ResolvedEdge } from "../../graph/validate";
import { scheduleNodes, type SkipCause } from "../scheduler";

const edge = (source: string, sourceHandle: string, target: string): ResolvedEdge => ({
  id: `${source}-${sourceHandle}-${target}`,
  source,
  sourceHandle,
  target,
  targetHandle: "in",
});

describe("scheduleNodes with empty output ports", () => {
  it("skips only what hangs off the ports a node left empty, and everything after it", async () => {
    // branch --if1--> a --> a2 ; branch --else--> b --> b2 ; c (independent)
    const edges = [edge("branch", "if1", "a"), edge("a", "out", "a2"), edge("branch", "else", "b"), edge("b", "out", "b2")];
    const ran: string[] = [];
    const skipped: Array<[string, string, SkipCause | undefined]> = [];
    await scheduleNodes({
      order: ["branch", "a", "a2", "b", "b2", "c"],
      edges,
      async runNode(id) {
        ran.push(id);
        return id === "branch" ? { emptyPorts: ["else"] } : undefined;
      },
      async onFailed() {},
      async onSkipped(id, causeId, cause) {
        skipped.push([id, causeId, cause]);
      },
      onError(_id, error) {
        throw error;
      },
    });
    expect(ran.sort()).toEqual(["a", "a2", "branch", "c"]);
    expect(skipped.sort()).toEqual([
      ["b", "branch", "empty_port"],
      ["b2", "branch", "empty_port"],
    ]);
  });

  it("skips a node fed by both a taken and an untaken port (one of its inputs never arrives)", async () => {
    const edges = [edge("branch", "if1", "join"), edge("branch", "else", "join")];
    const ran: string[] = [];
    const skipped: string[] = [];
    await scheduleNodes({
      order: ["branch", "join"],
      edges,
      async runNode(id) {
        ran.push(id);
        return { emptyPorts: ["else"] };
      },
      async onFailed() {},
      async onSkipped(id) {
        skipped.push(id);
      },
      onError(_id, error) {
        throw error;
      },
    });
    expect(ran).toEqual(["branch"]);
    expect(skipped).toEqual(["join"]);
  });
});
