import { describe, expect, it } from "vitest";
import { formatCost, formatLatency, formatMetrics, metricParts } from "./model-metrics";

const none = { elo: false, p50LatencySec: false, p50CostCU: false };

describe("model metrics", () => {
  it("labels each estimated figure and only those", () => {
    expect(formatMetrics({ elo: 1512, p50LatencySec: 40, p50CostCU: 11, estimated: { ...none, p50LatencySec: true } })).toBe(
      "ELO 1512 · 40 s est. · 11 CU",
    );
    expect(
      formatMetrics({ elo: 1400.4, p50LatencySec: 4.54, p50CostCU: 0.5, estimated: { elo: true, p50LatencySec: true, p50CostCU: true } }),
    ).toBe("ELO 1400 est. · 4.5 s est. · 0.5 CU est.");
  });

  it("shows a missing figure as — without an estimate label", () => {
    expect(
      formatMetrics({ elo: null, p50LatencySec: null, p50CostCU: 3, estimated: { elo: true, p50LatencySec: true, p50CostCU: false } }),
    ).toBe("ELO — · — s · 3 CU");
    expect(metricParts({ elo: null, p50LatencySec: 1, p50CostCU: 1, estimated: none })[0]).toMatchObject({
      known: false,
      estimated: false,
    });
  });

  it("formats latency and cost readably", () => {
    expect(formatLatency(0.8)).toBe("0.8 s");
    expect(formatLatency(12.4)).toBe("12 s");
    expect(formatLatency(180)).toBe("3 min");
    expect(formatCost(11.2)).toBe("11 CU");
    expect(formatCost(2.25)).toBe("2.3 CU");
  });
});
