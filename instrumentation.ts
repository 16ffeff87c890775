/**
 * Next.js start-up hook: on the Node.js server, open the database and resume runs that a
 * previous process left queued or running (ARCHITECTURE.md "Execution": a restart neither
 * loses nor double-bills work), without waiting for the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getServerContext } = await import("./lib/server/context");
  try {
    await getServerContext();
  } catch (error) {
    console.error("The studio could not open its database at start-up:", error);
  }
}
