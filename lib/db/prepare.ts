import { logger } from "@/lib/log";
import { createPrismaClient } from "./client";
import { type DatabaseTarget, databaseTarget, describeTarget } from "./config";
import { openEmbedded } from "./embedded";
import { applyMigrations } from "./migrations/apply";
import { type SeedSummary, seedDemoData } from "./seed";
import { connectPostgres, pgliteSql, type Sql } from "./sql";

export interface PrepareDatabaseOptions {
  /**
   * Seed the demo data when the database has none yet. By default only the
   * embedded database is seeded: a server database is real data's home.
   */
  seed?: boolean;
  /** Where DATABASE_URL and DATA_DIR are read from; tests pass their own. */
  env?: NodeJS.ProcessEnv;
  migrationsDir?: string;
}

export interface PreparedDatabase {
  target: DatabaseTarget;
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** What the demo seed created, or null when it did not run. */
  seeded: SeedSummary | null;
}

/**
 * A second advisory lock, beside the migrations', so that two instances
 * starting on one empty database do not both seed it.
 */
const SEED_LOCK_KEY = 72707370;

/**
 * Makes the app's database ready at start: migrates it and, when it is
 * empty and seeding applies, loads the demo data. Logs which database.
 */
export async function prepareDatabase(
  options: PrepareDatabaseOptions = {},
): Promise<PreparedDatabase> {
  const target = databaseTarget(options.env);
  const description = describeTarget(target);
  logger.info({ database: description }, `database: ${description}`);

  const shouldSeed = options.seed ?? target.kind === "embedded";
  return serialized(description, () =>
    target.kind === "postgres"
      ? preparePostgres(target, shouldSeed, options.migrationsDir)
      : prepareEmbedded(target, shouldSeed, options.migrationsDir),
  );
}

async function preparePostgres(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  shouldSeed: boolean,
  migrationsDir: string | undefined,
): Promise<PreparedDatabase> {
  const sql = await connectPostgres(target.url);
  try {
    const { applied } = await applyMigrations(sql, { migrationsDir });
    const seeded = shouldSeed ? await seedWhenEmpty(sql, target) : null;
    return { target, applied, seeded };
  } finally {
    await sql.close();
  }
}

async function prepareEmbedded(
  target: Extract<DatabaseTarget, { kind: "embedded" }>,
  shouldSeed: boolean,
  migrationsDir: string | undefined,
): Promise<PreparedDatabase> {
  // The PGlite instance is the app's for the life of the process; it is
  // opened here, not closed.
  const db = openEmbedded(target.directory);
  await db.waitReady;
  const sql = pgliteSql(db);

  const { applied } = await applyMigrations(sql, { migrationsDir });
  const seeded = shouldSeed ? await seedWhenEmpty(sql, target) : null;
  return { target, applied, seeded };
}

async function seedWhenEmpty(
  sql: Sql,
  target: DatabaseTarget,
): Promise<SeedSummary | null> {
  await sql.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
  try {
    if (await hasData(sql)) return null;

    const prisma = createPrismaClient(target);
    try {
      const summary = await seedDemoData(prisma);
      logger.info({ summary }, "seeded the demo data");
      return summary;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK_KEY]);
  }
}

/** Any location or product means someone has put data here already. */
async function hasData(sql: Sql): Promise<boolean> {
  const [row] = await sql.query<{ hasData: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "Location") OR EXISTS (SELECT 1 FROM "Product")
       AS "hasData"`,
  );
  return row?.hasData ?? false;
}

const globalForPrepare = globalThis as unknown as {
  __omnitillPrepare?: Map<string, Promise<unknown>>;
};

/**
 * Runs preparations of one database one after the other within this
 * process. PGlite is a single session, so the advisory locks that keep
 * processes apart cannot keep two callers in one process apart.
 */
function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  globalForPrepare.__omnitillPrepare ??= new Map();
  const queue = globalForPrepare.__omnitillPrepare;
  const previous = queue.get(key) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  queue.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}
