/** react-query keys of the Apps pages, in one place so mutations invalidate exactly what they change. */
export const appQueryKeys = {
  all: ["apps"] as const,
  list: ["apps", "list"] as const,
  app: (slug: string) => ["apps", "app", slug] as const,
  myRuns: (slug: string) => ["apps", "app", slug, "my-runs"] as const,
  estimate: (slug: string, itemsKey: string) => ["apps", "app", slug, "estimate", itemsKey] as const,
};
