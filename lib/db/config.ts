import path from "node:path";

/**
 * Which database the app uses. With DATABASE_URL, a PostgreSQL server;
 * without it, PGlite embedded in the app's own process, keeping its files
 * under DATA_DIR (default `.data/`).
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; directory: string };

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };

  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? ".data");
  return { kind: "embedded", directory: path.join(dataDir, "pglite") };
}

/** A URL with its password hidden, for logs. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") return `embedded PGlite at ${target.directory}`;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = "***";
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}
