/** react-query keys, in one place so mutations invalidate exactly what they change. */
export const queryKeys = {
  engine: ["engine"] as const,
  workflows: ["workflows"] as const,
  workflow: (id: string) => ["workflow", id] as const,
  workflowRuns: (workflowId: string) => ["workflow", workflowId, "runs"] as const,
  run: (id: string) => ["run", id] as const,
  /** The cost preview of a workflow's graph as shown (`graphKey`: the graph's JSON without positions). */
  workflowEstimate: (workflowId: string, graphKey: string) => ["workflow", workflowId, "estimate", graphKey] as const,
  waitingRuns: () => ["runs", "waiting"] as const,
  asset: (id: string) => ["asset", id] as const,
  catalog: ["catalog"] as const,
  recommend: (capability: string, prompt: string, priority: string) => ["recommend", capability, priority, prompt] as const,
  latestNodeOutput: (workflowId: string, nodeId: string) => ["workflow", workflowId, "latest-output", nodeId] as const,
};
