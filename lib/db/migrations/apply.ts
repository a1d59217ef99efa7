import { randomUUID } from "node:crypto";
import { logger } from "@/lib/log";
import type { Sql } from "../sql";
import {
  checkLockfile,
  DEFAULT_MIGRATIONS_DIR,
  type MigrationFolder,
  matchesChecksum,
  readMigrationFolders,
} from "./directory";
import { MigrationError } from "./errors";

/**
 * Prisma's migration history table, column for column as its PostgreSQL
 * connector creates it, so `prisma migrate status` and `deploy` read our
 * history as their own.
 */
export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The advisory lock key Prisma's schema engine takes while it migrates
 * PostgreSQL; taking the same one keeps our runner and Prisma's apart too.
 */
export const MIGRATION_LOCK_KEY = 72707369;

/** Where the runner reports; the app's logger fits, scripts pass their own. */
export interface MigrationLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: MigrationLog;
}

export interface ApplyMigrationsResult {
  /** The migrations this run applied, in order. */
  applied: string[];
  /** How many migration folders there are in all. */
  total: number;
}

/** One row of `_prisma_migrations`. */
export interface MigrationRecord {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

/**
 * Applies the pending migrations in order, each in its own transaction,
 * and records them in `_prisma_migrations` as Prisma does. Refuses to start
 * when a recorded migration failed or an applied one has been edited.
 * `sql` must be a single session (one client), since it holds the lock.
 */
export async function applyMigrations(
  sql: Sql,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = options.log ?? logger;

  await checkLockfile(migrationsDir);
  const folders = await readMigrationFolders(migrationsDir);

  return withMigrationLock(sql, log, async () => {
    const history = await readHistory(sql);
    const pending = pendingMigrations(folders, history ?? [], log);
    if (pending.length === 0) return { applied: [], total: folders.length };

    if (history === null) await createHistoryTable(sql);

    const applied: string[] = [];
    for (const folder of pending) {
      await applyMigration(sql, folder, log);
      log.info({ migration: folder.name }, `applied migration ${folder.name}`);
      applied.push(folder.name);
    }
    return { applied, total: folders.length };
  });
}

/**
 * Marks a failed migration as rolled back, like `prisma migrate resolve
 * --rolled-back`, so the next run applies it again. Safe after our own
 * runner's failures: each migration ran in a transaction that rolled back.
 */
export async function markMigrationRolledBack(
  sql: Sql,
  migrationName: string,
  options: { log?: MigrationLog } = {},
): Promise<void> {
  const log = options.log ?? logger;
  await withMigrationLock(sql, log, async () => {
    const rows = await sql.query(
      `UPDATE _prisma_migrations SET rolled_back_at = now()
       WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL
       RETURNING id`,
      [migrationName],
    );
    if (rows.length === 0) {
      throw new MigrationError(
        "invalid_folder",
        `There is no failed migration named ${migrationName} to mark rolled back.`,
        { migrationNames: [migrationName] },
      );
    }
    log.info({ migration: migrationName }, `marked ${migrationName} rolled back`);
  });
}

/** The recorded history, oldest first; null when there is no table yet. */
export async function readHistory(sql: Sql): Promise<MigrationRecord[] | null> {
  const [table] = await sql.query<{ exists: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  if (!table?.exists) return null;

  return sql.query<MigrationRecord>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at,
            started_at, applied_steps_count
     FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
}

function pendingMigrations(
  folders: MigrationFolder[],
  history: MigrationRecord[],
  log: MigrationLog,
): MigrationFolder[] {
  // Rolled-back rows stay only as an audit trail; Prisma ignores them too.
  const live = history.filter((record) => record.rolled_back_at === null);

  const failed = live.filter((record) => record.finished_at === null);
  if (failed.length > 0) {
    const names = failed.map((record) => record.migration_name);
    throw new MigrationError(
      "failed",
      `Migration ${names.join(", ")} failed earlier and was rolled back. Fix its ` +
        `migration.sql, then run \`npm run db:migrate -- --rolled-back ${names[0]}\` ` +
        "and migrate again.",
      { migrationNames: names },
    );
  }

  const byName = new Map(folders.map((folder) => [folder.name, folder]));
  const edited = live.filter((record) => {
    const folder = byName.get(record.migration_name);
    return folder !== undefined && !matchesChecksum(folder.script, record.checksum);
  });
  if (edited.length > 0) {
    const names = edited.map((record) => record.migration_name);
    throw new MigrationError(
      "edited",
      `Applied migration ${names.join(", ")} was edited after it was applied ` +
        "(its checksum no longer matches). Restore the file and put the change " +
        "in a new migration.",
      { migrationNames: names },
    );
  }

  const missing = live.filter((record) => !byName.has(record.migration_name));
  for (const record of missing) {
    log.warn(
      { migration: record.migration_name },
      `migration ${record.migration_name} is applied but missing from the folder`,
    );
  }

  const done = new Set(live.map((record) => record.migration_name));
  return folders.filter((folder) => !done.has(folder.name));
}

async function createHistoryTable(sql: Sql): Promise<void> {
  // A schema that already has tables but no history was not made by these
  // migrations; applying `init` over it would fail halfway or clash.
  const [tables] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')`,
  );
  if ((tables?.count ?? 0) > 0) {
    throw new MigrationError(
      "not_empty",
      "The database already has tables but no _prisma_migrations history. Migrate " +
        "an empty database, or baseline this one (record its migrations as applied).",
    );
  }
  await sql.exec(MIGRATIONS_TABLE_SQL);
}

async function applyMigration(
  sql: Sql,
  folder: MigrationFolder,
  log: MigrationLog,
): Promise<void> {
  const id = randomUUID();
  try {
    // Prisma records the start, runs the script, counts the step and sets
    // finished_at; here all of it commits or none does.
    await sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at)
         VALUES ($1, $2, $3, clock_timestamp())`,
        [id, folder.checksum, folder.name],
      );
      await tx.exec(folder.script);
      await tx.query(
        `UPDATE _prisma_migrations
         SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
         WHERE id = $1`,
        [id],
      );
    });
  } catch (error) {
    // A lost connection fails the record too; the first error is the one to tell.
    await recordFailure(sql, id, folder, error).catch((recordError: unknown) => {
      log.warn(
        { migration: folder.name, err: recordError },
        `could not record the failure of ${folder.name}`,
      );
    });
    throw new MigrationError(
      "apply_failed",
      `Migration ${folder.name} failed and was rolled back: ${databaseMessage(error)}`,
      { migrationNames: [folder.name], cause: error },
    );
  }
}

/**
 * Records a failed migration the way Prisma leaves one (no finished_at, the
 * error in logs), so that both runners refuse to go on until it is resolved.
 */
async function recordFailure(
  sql: Sql,
  id: string,
  folder: MigrationFolder,
  error: unknown,
): Promise<void> {
  const code = (error as { code?: unknown }).code;
  const logs = [
    `Migration name: ${folder.name}`,
    typeof code === "string" ? `Database error code: ${code}` : null,
    `Database error:\n${databaseMessage(error)}`,
  ]
    .filter((line) => line !== null)
    .join("\n\n");

  await sql.query(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at)
     VALUES ($1, $2, $3, $4, clock_timestamp())`,
    [id, folder.checksum, folder.name, logs],
  );
}

function databaseMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs `fn` holding the migration advisory lock, so that two processes
 * starting at once migrate one after the other; the second finds nothing
 * left to do. The lock is per session and survives the transactions.
 */
async function withMigrationLock<T>(
  sql: Sql,
  log: MigrationLog,
  fn: () => Promise<T>,
): Promise<T> {
  const [attempt] = await sql.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_lock($1) AS locked",
    [MIGRATION_LOCK_KEY],
  );
  if (!attempt?.locked) {
    log.info({}, "another process is migrating this database; waiting for it");
    await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  }

  try {
    return await fn();
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
