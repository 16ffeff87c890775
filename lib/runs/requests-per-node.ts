/**
 * How many times each node of a plan runs in one run, beyond its one request per input image:
 * the multiplier a cost estimate applies to a node's requests (lib/runs/estimate-graph.ts).
 *
 * Today every node runs once per run, so every multiplier is 1 and a node's requests are its
 * input images (planModelRequests counts those). A node kind that repeats the nodes after it
 * (a For each over a list, issue 11) changes this one function: the nodes of its body get the
 * number of its items. Pure module.
 */
import type { ExecutionPlan } from "../graph/validate";

/**
 * @param plan a validated plan (validateGraph(...).plan).
 * @returns node id → how many times the node runs in one run (a whole number ≥ 1), for every node of the plan.
 */
export function requestsPerNode(plan: ExecutionPlan): Map<string, number> {
  return new Map(plan.order.map((nodeId) => [nodeId, 1]));
}
