/**
 * How many times each node of a plan runs in one run, beyond its one request per input image:
 * the multiplier a cost estimate applies to a node's requests (lib/runs/estimate-graph.ts).
 *
 * Every multiplier is 1: a node's requests are counted by planModelRequests (lib/apps/
 * model-requests.ts), which already multiplies a For each body node by the loop's item count and
 * gives an End as many images as its items. The hook stays for multipliers that planning cannot
 * see (tests inject their own). Pure module.
 */
import type { ExecutionPlan } from "../graph/validate";

/**
 * @param plan a validated plan (validateGraph(...).plan).
 * @returns node id → how many times the node runs in one run (a whole number ≥ 1), for every node of the plan.
 */
export function requestsPerNode(plan: ExecutionPlan): Map<string, number> {
  return new Map(plan.order.map((nodeId) => [nodeId, 1]));
}
