/**
 * Runs once when the server starts, before it serves a request: brings the
 * database up to date (and, for the embedded demo, fills it with the demo
 * data on first start and prints the demo sign-ins).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { prepareDatabase } = await import("./lib/db/prepare");
  const { databaseTarget } = await import("./lib/db/config");
  const isEmbedded = databaseTarget().kind === "embedded";
  await prepareDatabase({ seed: isEmbedded });

  if (isEmbedded) {
    // A banner for the person who just started the demo, not a log line.
    const { DEMO_SIGN_INS } = await import("./lib/db/seed");
    const port = process.env.PORT ?? "3000";
    const rows = DEMO_SIGN_INS.map(
      (s) => `  ${s.role.padEnd(14)} ${s.email.padEnd(34)} ${s.password}`,
    );
    process.stdout.write(
      [
        "",
        `Omnitill demo is ready: http://localhost:${port}`,
        `  storefront /   point of sale /pos   back-office /admin`,
        "Demo sign-ins (staff, at /sign-in):",
        ...rows,
        "",
      ].join("\n"),
    );
  }
}
