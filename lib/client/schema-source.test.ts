import { describe, expect, it } from "vitest";
import { schemaSourceLabel } from "./schema-source";

describe("schemaSourceLabel", () => {
  it("names a refresh by its day and a recording by its month", () => {
    expect(schemaSourceLabel("api 2026-12-03T09:00:00.000Z")).toBe("read from Scenario 2026-12-03");
    expect(schemaSourceLabel("recorded 2026-08 (Scenario API records, shared/reference/scenario-models)")).toBe("recorded 2026-08");
    expect(schemaSourceLabel(null)).toBeNull();
  });
});
