/**
/**
 * Next.js start-up hook, on the Node.js server:
 * - makes the data folder owner-only (umask 077; lib/storage/data-folder.ts);
 * - installs the graceful shutdown on SIGTERM/SIGINT (lib/server/shutdown.ts);
 * - installs the model catalog refreshed into `<DATA_DIR>/catalog/` when there is one
 *   (lib/intelligence/catalog/refreshed-catalog.ts);
 * - starts the offline engine's worker threads when it is the provider;
 * - opens the database and resumes runs that a previous process left queued or running
 *   (ARCHITECTURE.md "Execution": a restart neither loses nor double-bills work), without
 *   waiting for the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ secureDataFolder }, { installShutdownHandlers }, { activateRefreshedCatalog }, { getServerContext }] = await Promise.all([
    import("./lib/storage/data-folder"),
    import("./lib/server/shutdown"),
    import("./lib/intelligence/catalog/refreshed-catalog"),
    import("./lib/server/context"),
  ]);
  try {
    secureDataFolder();
  } catch (error) {
    console.error("The studio could not restrict its data folder to its own account:", error);
  }
  installShutdownHandlers();
  await activateRefreshedCatalog();
  try {
    const ctx = await getServerContext();
    // Start the offline engine's worker threads now rather than on the first job.
    if (ctx.provider.id === "local") (await import("./lib/providers/local/pool/worker-pool")).getWorkerPool();
  } catch (error) {
    console.error("The studio could not open its database at start-up:", error);
  }
}
