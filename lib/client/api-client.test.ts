import { describe, expect, it } from "vitest";
import { ApiError, errorMessage, readableMessage } from "./api-client";

describe("readableMessage", () => {
  it("turns a request field prefix into words", () => {
    expect(readableMessage("body.description: must not be empty")).toBe("description must not be empty");
    expect(readableMessage('body.capability: Unknown capability "x"; known: txt2img')).toBe('Unknown capability "x"; known: txt2img');
    expect(readableMessage("Workflow not found")).toBe("Workflow not found");
    expect(errorMessage(new ApiError(400, "validation_error", "body.description: must not be empty"))).toBe(
      "The description must not be empty",
    );
  });
});
