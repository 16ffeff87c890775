/**
 * Next.js start-up hook: on the Node.js server, open the database and resume runs that a
 * previous process left queued or running (ARCHITECTURE.md "Execution": a restart neither
 * loses nor double-bills work), without waiting for the first request; and install the model
 * catalog refreshed into `<DATA_DIR>/catalog/` when there is one (lib/intelligence/catalog/refreshed-catalog.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { activateRefreshedCatalog } = await import("./lib/intelligence/catalog/refreshed-catalog");
  await activateRefreshedCatalog();
  const { getServerContext } = await import("./lib/server/context");
  try {
    await getServerContext();
  } catch (error) {
    console.error("The studio could not open its database at start-up:", error);
  }
}
