import { describe, expect, it } from "vitest";
import type { NodeRunDto } from "@/lib/runs/run-dto-types";
import { noOutputsSentence } from "./run-outcome";

const node = (nodeId: string, nodeType: string, status: NodeRunDto["status"]) => ({ nodeId, nodeType, status }) as NodeRunDto;

describe("noOutputsSentence", () => {
  it("says 'no outputs' only when the workflow has no Output node", () => {
    expect(
      noOutputsSentence({ status: "succeeded", nodes: [node("p1", "prompt", "succeeded"), node("g1", "generation", "succeeded")] }),
    ).toMatch(/no Output node/);
  });

  it("names the node that failed, by its title and not its id", () => {
    const sentence = noOutputsSentence(
      {
        status: "failed",
        nodes: [node("img_7", "imageInput", "succeeded"), node("exp_3", "expand", "failed"), node("out_1", "output", "skipped")],
      },
      [{ id: "out_1", type: "output", data: { label: "Story" } }],
    );
    expect(sentence).toBe("The Story node received nothing: the Expand node failed, so the steps after it were skipped.");
    expect(sentence).not.toMatch(/exp_3|out_1|no outputs/);
  });

  it("names the node a cancel stopped", () => {
    const sentence = noOutputsSentence({ status: "canceled", nodes: [node("u", "upscale", "canceled"), node("o", "output", "canceled")] });
    expect(sentence).toBe("The Output node received nothing: the run was canceled before the Upscale node finished.");
  });

  it("waits while the run is going", () => {
    expect(noOutputsSentence({ status: "running", nodes: [] })).toMatch(/appear here/);
  });
});
