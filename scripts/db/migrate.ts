/**
 * `npm run db:migrate`: applies pending migrations to the database the app
 * uses (DATABASE_URL, else the embedded PGlite under DATA_DIR).
 * `npm run db:migrate -- --rolled-back <name>` marks a failed one rolled back.
 */
import { databaseTarget, describeTarget } from "@/lib/db/config";
import { closeEmbedded, openEmbedded } from "@/lib/db/embedded";
import { applyMigrations, markMigrationRolledBack } from "@/lib/db/migrations/apply";
import { cliLog, describeFailure, printLine } from "@/lib/db/migrations/cli";
import { connectPostgres, pgliteSql, type Sql } from "@/lib/db/sql";

async function withDatabase<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
  const target = databaseTarget();
  printLine(`database: ${describeTarget(target)}`);

  if (target.kind === "postgres") {
    const sql = await connectPostgres(target.url);
    try {
      return await fn(sql);
    } finally {
      await sql.close();
    }
  }

  const db = openEmbedded(target.directory);
  try {
    await db.waitReady;
    return await fn(pgliteSql(db));
  } finally {
    await closeEmbedded(target.directory);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const rolledBack = args.indexOf("--rolled-back");

  if (rolledBack >= 0) {
    const name = args[rolledBack + 1];
    if (!name) {
      printLine("usage: npm run db:migrate -- --rolled-back <migration folder name>");
      return 2;
    }
    await withDatabase((sql) => markMigrationRolledBack(sql, name, { log: cliLog }));
    return 0;
  }

  const result = await withDatabase((sql) => applyMigrations(sql, { log: cliLog }));
  printLine(
    result.applied.length === 0
      ? `up to date (${result.total} migrations).`
      : `applied ${result.applied.length} of ${result.total} migrations.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    printLine(describeFailure(error));
    process.exit(1);
  },
);
