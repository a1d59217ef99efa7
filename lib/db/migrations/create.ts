import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DatabaseTarget } from "../config";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  ensureLockfile,
  MIGRATION_SCRIPT,
  readMigrationFolders,
  SCHEMA_SNAPSHOT,
} from "./directory";
import { MigrationError } from "./errors";
import { openSchemaDiffer } from "./schema-engine";

/**
 * What the first migration starts from: a new PostgreSQL database, which
 * already has its public schema. Diffing from the engine's "empty" instead
 * would add `CREATE SCHEMA "public"`, which needs the CREATE privilege on
 * the database even when the schema exists, and which `prisma migrate dev`
 * does not write.
 */
export const NEW_DATABASE_SCHEMA = `datasource db {
  provider = "postgresql"
}
`;

export interface CreateMigrationOptions {
  /** A short description, e.g. "add gift cards"; becomes the folder's suffix. */
  name: string;
  /** Which database the schema engine connects to while it starts. */
  target: DatabaseTarget;
  migrationsDir?: string;
  schemaPath?: string;
  /** The clock, for the folder's timestamp; tests fix it. */
  now?: () => Date;
}

export type CreateMigrationResult =
  | { status: "created"; name: string; directory: string; script: string }
  | { status: "unchanged"; since: string | null };

/**
 * Writes the next migration from the difference between the schema as of
 * the last migration and schema.prisma, or nothing when they agree.
 *
 * "The schema as of the last migration" is the snapshot of schema.prisma
 * saved beside each migration.sql. The Prisma CLI instead replays the
 * migrations on a shadow database and reads its tables back, but
 * schema-engine-wasm 8.1 cannot read a database through Prisma 7.10's
 * driver adapters (it fails on PostgreSQL's catalog types), and a snapshot
 * needs no shadow database. A hand-edited migration.sql must leave the
 * schema as its snapshot says, and gets a README.md saying why (a test
 * compares every migration with the engine's own SQL).
 */
export async function createMigration(
  options: CreateMigrationOptions,
): Promise<CreateMigrationResult> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const slug = migrationSlug(options.name);

  const change = await schemaChangeSinceLastMigration(options);
  if (change.script === null) return { status: "unchanged", since: change.last };

  const now = (options.now ?? (() => new Date()))();
  const name = `${nextTimestamp(now, change.last ?? undefined)}_${slug}`;
  const directory = path.join(migrationsDir, name);

  await mkdir(directory, { recursive: true });
  await ensureLockfile(migrationsDir);
  await writeFile(path.join(directory, MIGRATION_SCRIPT), change.script, "utf8");
  await writeFile(path.join(directory, SCHEMA_SNAPSHOT), change.schema, "utf8");
  return { status: "created", name, directory, script: change.script };
}

export interface SchemaChange {
  /** The SQL a new migration would hold, or null when there is nothing to do. */
  script: string | null;
  /** The last migration's folder name; null before the first one. */
  last: string | null;
  /** schema.prisma as it was read. */
  schema: string;
}

/** What a new migration would hold now, without writing anything. */
export async function schemaChangeSinceLastMigration(
  options: Omit<CreateMigrationOptions, "name" | "now">,
): Promise<SchemaChange> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const schema = await readFile(options.schemaPath ?? DEFAULT_SCHEMA_PATH, "utf8");

  const folders = await readMigrationFolders(migrationsDir);
  const last = folders.at(-1);
  const previous = last
    ? await readSnapshot(last.directory, last.name)
    : NEW_DATABASE_SCHEMA;

  const differ = await openSchemaDiffer(options.target);
  try {
    const script = await differ.diff(previous, schema);
    return { script, last: last?.name ?? null, schema };
  } finally {
    await differ.close();
  }
}

/**
 * The folder suffix for a migration name, in the shape Prisma gives it:
 * lower case words joined by underscores.
 */
export function migrationSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) {
    throw new MigrationError(
      "invalid_folder",
      `"${name}" is not a usable migration name; use letters and digits.`,
    );
  }
  return slug;
}

/**
 * Prisma's YYYYMMDDHHMMSS in UTC, moved past the last migration's stamp when
 * the clock has not: two migrations made within one second, or on a machine
 * whose clock is behind, must still sort in the order they were made.
 */
export function nextTimestamp(now: Date, lastName?: string): string {
  const stamp = formatTimestamp(now);
  const lastStamp = lastName ? /^(\d{14})_/.exec(lastName)?.[1] : undefined;
  if (!lastStamp || stamp > lastStamp) return stamp;

  const last = parseTimestamp(lastStamp);
  return formatTimestamp(new Date(last.getTime() + 1000));
}

function formatTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "")
    .replace(/\D/g, "");
}

function parseTimestamp(stamp: string): Date {
  const part = (start: number, end: number) => stamp.slice(start, end);
  return new Date(
    `${part(0, 4)}-${part(4, 6)}-${part(6, 8)}T${part(8, 10)}:${part(10, 12)}:${part(12, 14)}Z`,
  );
}

async function readSnapshot(directory: string, name: string): Promise<string> {
  const snapshotPath = path.join(directory, SCHEMA_SNAPSHOT);
  if (!existsSync(snapshotPath)) {
    throw new MigrationError(
      "invalid_folder",
      `The last migration, ${name}, has no ${SCHEMA_SNAPSHOT}, so the schema it ` +
        "leaves is unknown. Save the schema.prisma that migration was made from " +
        `as ${path.join(name, SCHEMA_SNAPSHOT)} (for example with git show).`,
      { migrationNames: [name] },
    );
  }
  return readFile(snapshotPath, "utf8");
}
