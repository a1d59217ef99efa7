import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ApplyMigrationsOptions,
  applyMigrations,
  type MigrationLog,
  markMigrationRolledBack,
} from "@/lib/db/migrations/apply";
import { type ClosableSql, connectPostgres } from "@/lib/db/sql";
import { createTestDatabase } from "../support/database";

// One empty database for the file; each test works in its own PostgreSQL
// schema (via search_path), so the history table and the tables the fake
// migrations create start from nothing every time.
const db = await createTestDatabase({ migrated: false });

const quiet: MigrationLog = { info: () => undefined, warn: () => undefined };
const openConnections: ClosableSql[] = [];
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(openConnections.map((sql) => sql.close()));
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

let schemaCount = 0;
let schema = "";

beforeEach(async () => {
  schemaCount += 1;
  schema = `runner_${schemaCount}`;
  await db.sql.exec(`CREATE SCHEMA ${schema}`);
});

/** A connection whose unqualified names resolve in this test's schema. */
async function connect(): Promise<ClosableSql> {
  const url = new URL(db.url);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const sql = await connectPostgres(url.toString());
  openConnections.push(sql);
  return sql;
}

/** A migrations folder; written newest first so disk order cannot pass for sorting. */
async function migrationsFolder(scripts: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "omnitill-migrations-"));
  tempDirs.push(dir);
  for (const name of Object.keys(scripts).sort().reverse()) {
    await writeMigration(dir, name, scripts[name] ?? "");
  }
  return dir;
}

async function writeMigration(dir: string, name: string, script: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), script, "utf8");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const CREATE_BINS =
  'CREATE TABLE "Bin" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL);\n';
const ADD_SIZE = 'ALTER TABLE "Bin" ADD COLUMN "size" INTEGER;\n';
const STOCK_BINS = `INSERT INTO "Bin" ("id", "label", "size") VALUES (1, 'A-01', 3);\n`;

const BIN_MIGRATIONS = {
  "20240101000000_create_bins": CREATE_BINS,
  "20240102000000_add_bin_size": ADD_SIZE,
  "20240103000000_stock_bins": STOCK_BINS,
};

function run(
  sql: ClosableSql,
  migrationsDir: string,
  options: ApplyMigrationsOptions = {},
) {
  return applyMigrations(sql, { migrationsDir, log: quiet, ...options });
}

async function history(sql: ClosableSql) {
  return sql.query<{
    id: string;
    checksum: string;
    migration_name: string;
    started_at: Date;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
    applied_steps_count: number;
  }>("SELECT * FROM _prisma_migrations ORDER BY started_at");
}

describe("applyMigrations", () => {
  it("applies pending migrations in the order of their folder names", async () => {
    const sql = await connect();
    const dir = await migrationsFolder(BIN_MIGRATIONS);

    const result = await run(sql, dir);

    expect(result).toEqual({ applied: Object.keys(BIN_MIGRATIONS), total: 3 });
    expect((await history(sql)).map((row) => row.migration_name)).toEqual(
      Object.keys(BIN_MIGRATIONS),
    );
    expect(await sql.query('SELECT "id", "label", "size" FROM "Bin"')).toEqual([
      { id: 1, label: "A-01", size: 3 },
    ]);
  });

  it("records each migration in _prisma_migrations as Prisma does", async () => {
    const sql = await connect();
    const dir = await migrationsFolder({ "20240101000000_create_bins": CREATE_BINS });

    await run(sql, dir);

    const [row] = await history(sql);
    expect(row).toMatchObject({
      checksum: sha256(CREATE_BINS),
      migration_name: "20240101000000_create_bins",
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(row?.finished_at?.getTime()).toBeGreaterThanOrEqual(
      row?.started_at.getTime() ?? 0,
    );

    const columns = await sql.query(
      `SELECT column_name, data_type, character_maximum_length AS length,
              is_nullable, column_default
       FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
       ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      col("id", "character varying", 36, "NO"),
      col("checksum", "character varying", 64, "NO"),
      col("finished_at", "timestamp with time zone", null, "YES"),
      col("migration_name", "character varying", 255, "NO"),
      col("logs", "text", null, "YES"),
      col("rolled_back_at", "timestamp with time zone", null, "YES"),
      col("started_at", "timestamp with time zone", null, "NO", "now()"),
      col("applied_steps_count", "integer", null, "NO", "0"),
    ]);
  });

  it("applies nothing the second time, and only what is new after that", async () => {
    const sql = await connect();
    const dir = await migrationsFolder(BIN_MIGRATIONS);
    await run(sql, dir);

    const again = await run(sql, dir);
    await writeMigration(
      dir,
      "20240104000000_more_bins",
      `INSERT INTO "Bin" VALUES (2, 'B', 1);`,
    );
    const next = await run(sql, dir);

    expect(again).toEqual({ applied: [], total: 3 });
    expect(next).toEqual({ applied: ["20240104000000_more_bins"], total: 4 });
    expect(await history(sql)).toHaveLength(4);
  });

  it("refuses to run when an applied migration was edited, naming it", async () => {
    const sql = await connect();
    const dir = await migrationsFolder(BIN_MIGRATIONS);
    await run(sql, dir);

    await writeMigration(dir, "20240102000000_add_bin_size", `${ADD_SIZE}-- tweak\n`);
    await writeMigration(
      dir,
      "20240104000000_more_bins",
      `INSERT INTO "Bin" VALUES (2, 'B', 1);`,
    );

    const attempt = run(sql, dir);
    await expect(attempt).rejects.toThrow(/20240102000000_add_bin_size/);
    await expect(attempt).rejects.toMatchObject({
      reason: "edited",
      migrationNames: ["20240102000000_add_bin_size"],
    });
    expect(await sql.query('SELECT "id" FROM "Bin"')).toEqual([{ id: 1 }]);
  });

  it("does not count a change of line endings alone as an edit", async () => {
    const sql = await connect();
    const dir = await migrationsFolder(BIN_MIGRATIONS);
    await run(sql, dir);

    await writeMigration(
      dir,
      "20240102000000_add_bin_size",
      ADD_SIZE.replaceAll("\n", "\r\n"),
    );

    await expect(run(sql, dir)).resolves.toEqual({ applied: [], total: 3 });
  });

  it("rolls back a failing migration, records it, and refuses until it is resolved", async () => {
    const sql = await connect();
    const broken = `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "Missing";\n`;
    const dir = await migrationsFolder({
      "20240101000000_create_bins": CREATE_BINS,
      "20240102000000_broken": broken,
    });

    const first = run(sql, dir);
    await expect(first).rejects.toMatchObject({
      reason: "apply_failed",
      migrationNames: ["20240102000000_broken"],
    });
    const halfTable = await sql.query(`SELECT to_regclass('"Half"') AS half`);
    expect(halfTable).toEqual([{ half: null }]);
    const failed = (await history(sql)).find((row) => row.finished_at === null);
    expect(failed).toMatchObject({
      migration_name: "20240102000000_broken",
      checksum: sha256(broken),
      applied_steps_count: 0,
      rolled_back_at: null,
    });
    expect(failed?.logs).toContain("42P01");

    await writeMigration(
      dir,
      "20240102000000_broken",
      'CREATE TABLE "Half" ("id" INTEGER);\n',
    );
    await expect(run(sql, dir)).rejects.toMatchObject({
      reason: "failed",
      migrationNames: ["20240102000000_broken"],
    });

    await markMigrationRolledBack(sql, "20240102000000_broken", { log: quiet });
    await expect(run(sql, dir)).resolves.toEqual({
      applied: ["20240102000000_broken"],
      total: 2,
    });
    const rows = await history(sql);
    expect(rows.map((row) => [row.migration_name, row.rolled_back_at !== null])).toEqual([
      ["20240101000000_create_bins", false],
      ["20240102000000_broken", true],
      ["20240102000000_broken", false],
    ]);
  });

  it("applies each migration once when two runners start at the same time", async () => {
    const [one, two] = [await connect(), await connect()];
    const dir = await migrationsFolder(BIN_MIGRATIONS);

    const results = await Promise.all([run(one, dir), run(two, dir)]);

    const applied = results.flatMap((result) => result.applied);
    expect(applied.sort()).toEqual(Object.keys(BIN_MIGRATIONS));
    expect(await history(one)).toHaveLength(3);
  });

  it("refuses a database that has tables but no migration history", async () => {
    const sql = await connect();
    await sql.exec('CREATE TABLE "Legacy" ("id" INTEGER)');
    const dir = await migrationsFolder(BIN_MIGRATIONS);

    await expect(run(sql, dir)).rejects.toMatchObject({ reason: "not_empty" });
  });

  it("refuses a migration folder without migration.sql, naming it", async () => {
    const sql = await connect();
    const dir = await migrationsFolder(BIN_MIGRATIONS);
    await mkdir(path.join(dir, "20240105000000_empty"));

    await expect(run(sql, dir)).rejects.toMatchObject({
      reason: "invalid_folder",
      migrationNames: ["20240105000000_empty"],
    });
  });
});

function col(
  name: string,
  type: string,
  length: number | null,
  nullable: "YES" | "NO",
  fallback: string | null = null,
) {
  return {
    column_name: name,
    data_type: type,
    length,
    is_nullable: nullable,
    column_default: fallback,
  };
}
