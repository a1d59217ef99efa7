/**
 * Once per integration run: checks that PostgreSQL answers, clears the
 * databases crashed runs left behind, and builds a migrated template that
 * every test file clones (see ./database.ts).
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrations/apply";
import { connectPostgres, type Sql } from "@/lib/db/sql";
import {
  assertLocal,
  connectAdmin,
  DEFAULT_TEST_DATABASE_URL,
  dropDatabase,
  quoteIdent,
  StopRun,
  TEST_DATABASE_PREFIX,
  withDatabase,
} from "./postgres";

/** What each test file needs to clone its own database. */
export interface TestDatabaseContext {
  adminUrl: string;
  /** The migrated database each file's database is a copy of. */
  template: string;
  /** Names this run's databases: `<pid of vitest>_<start time, base 36>`. */
  runId: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

/** Databases older than this are leftovers even when their pid is alive (reused). */
const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

const NAME_PATTERN = new RegExp(`^${TEST_DATABASE_PREFIX}(\\d+)_([0-9a-z]+)_`);

export default async function setup(project: TestProject) {
  try {
    return await prepareRun(project);
  } catch (error) {
    if (!(error instanceof StopRun)) throw error;
    // Thrown, this would be framed as an unhandled error beside a "no test
    // files found" notice; the few lines that say what to do are enough.
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
}

async function prepareRun(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || DEFAULT_TEST_DATABASE_URL;
  assertLocal(adminUrl);

  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const template = `${TEST_DATABASE_PREFIX}${runId}_tpl`;

  const admin = await connectAdmin(adminUrl);
  try {
    await dropLeftovers(admin);
    await admin.exec(`CREATE DATABASE ${quoteIdent(template)} TEMPLATE template0`);
  } finally {
    await admin.close();
  }
  await migrateTemplate(withDatabase(adminUrl, template)).catch(
    async (error: unknown) => {
      await dropTemplate(adminUrl, template);
      throw error;
    },
  );

  project.provide("testDatabase", { adminUrl, template, runId });

  return async function teardown() {
    const admin = await connectAdmin(adminUrl);
    try {
      // The template, and any file's database whose afterAll never ran.
      for (const name of await testDatabases(admin)) {
        if (name.includes(runId)) await dropDatabase(admin, name);
      }
    } finally {
      await admin.close();
    }
  };
}

async function dropTemplate(adminUrl: string, template: string): Promise<void> {
  const admin = await connectAdmin(adminUrl);
  try {
    await dropDatabase(admin, template);
  } finally {
    await admin.close();
  }
}

async function migrateTemplate(url: string): Promise<void> {
  const sql = await connectPostgres(url);
  try {
    await applyMigrations(sql, { migrationsDir: path.resolve("prisma", "migrations") });
  } finally {
    // CREATE DATABASE ... TEMPLATE refuses a template with open sessions.
    await sql.close();
  }
}

/**
 * Drops what earlier runs left: databases whose creating vitest process is
 * gone, or that are older than any run takes.
 */
async function dropLeftovers(admin: Sql): Promise<void> {
  for (const name of await testDatabases(admin)) {
    const match = NAME_PATTERN.exec(name);
    if (!match) continue;

    const pid = Number(match[1]);
    const startedAt = Number.parseInt(match[2] ?? "", 36);
    const isStale = Date.now() - startedAt > STALE_AFTER_MS;
    if (pid !== process.pid && (!isAlive(pid) || isStale)) {
      await dropDatabase(admin, name);
    }
  }
}

async function testDatabases(admin: Sql): Promise<string[]> {
  const rows = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
    [TEST_DATABASE_PREFIX],
  );
  return rows.map((row) => row.datname);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
