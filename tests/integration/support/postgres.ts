import { execFileSync } from "node:child_process";
import { type ClosableSql, connectPostgres, type Sql } from "@/lib/db/sql";

/** The server the integration tests use unless TEST_DATABASE_URL says otherwise. */
export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Set to 1 to let the tests create and drop databases on a non-local server. */
export const ALLOW_REMOTE_ENV = "TEST_DATABASE_ALLOW_REMOTE";

/** Every database the tests create starts with this, so leftovers can be found. */
export const TEST_DATABASE_PREFIX = "omnitill_it_";

/** The URL of the same server with another database name. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** Double-quotes an identifier; test database names are ours, but still. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Drops a test database, closing whatever sessions a failed file left open. */
export async function dropDatabase(admin: Sql, name: string): Promise<void> {
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** The tests drop and create databases; refuse a server that is not this machine. */
export function assertLocal(url: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env[ALLOW_REMOTE_ENV] === "1") return;

  const parsed = new URL(url);
  const socket = parsed.searchParams.get("host") ?? "";
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const isLocal =
    socket.startsWith("/") ||
    host === "" ||
    host === "localhost" ||
    host === "::1" ||
    /^127\.\d+\.\d+\.\d+$/.test(host);
  if (!isLocal) {
    throw stopRun(
      `Integration tests create and drop databases, so they refuse the non-local ` +
        `server ${host}. Use a local PostgreSQL, or set ${ALLOW_REMOTE_ENV}=1 if ` +
        "that server is meant for throwaway test databases.",
    );
  }
}

/** Connects to the admin database, or stops the run saying what to start. */
export async function connectAdmin(url: string): Promise<ClosableSql> {
  try {
    return await connectPostgres(url);
  } catch (error) {
    throw stopRun(unreachableMessage(url, error));
  }
}

function unreachableMessage(url: string, error: unknown): string {
  const parsed = new URL(url);
  const where = `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  const code = (error as { code?: string }).code ?? "";
  const reason = error instanceof Error ? error.message : String(error);

  if (code === "28P01" || code === "28000") {
    return (
      `PostgreSQL at ${where} refused the test user (${reason}). ` +
      "Set TEST_DATABASE_URL to a URL with a user that may create databases."
    );
  }
  if (code === "3D000") {
    return `PostgreSQL at ${where} has no such database (${reason}). Fix TEST_DATABASE_URL.`;
  }
  return [
    `Integration tests need PostgreSQL at ${where}, and nothing answered (${code || reason}).`,
    startHint(),
    `Or point them at a server you have: TEST_DATABASE_URL=postgresql://user@host:port/db`,
    `(default ${DEFAULT_TEST_DATABASE_URL}).`,
  ].join("\n");
}

/** The exact pg_ctlcluster command when Debian's cluster tools know one. */
function startHint(): string {
  try {
    const clusters = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
    const down = clusters
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .find((fields) => fields[3] === "down");
    if (down) return `Start it with: pg_ctlcluster ${down[0]} ${down[1]} start`;
  } catch {
    // No Debian cluster tools here; fall back to the general advice.
  }
  return "Start it (on Debian: pg_ctlcluster <version> main start; pg_lsclusters lists them).";
}

/** A reason the integration run cannot start; the global setup reports it alone. */
export class StopRun extends Error {
  override name = "StopRun";
}

function stopRun(message: string): StopRun {
  return new StopRun(message);
}
