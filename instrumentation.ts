/**
 * Runs once when the server starts, before it serves a request. The work
 * lives in a Node-only module, loaded only in the Node.js runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/db/start-server");
    await startServer();
  }
}
