/**
 * Each test file's own database: a copy of the run's migrated template,
 * dropped when the file is done, so files run in parallel and leave
 * nothing behind.
 *
 *   const db = await createTestDatabase();
 *   await db.prisma.product.findMany();
 */
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { type ClosableSql, connectPostgres } from "@/lib/db/sql";
import {
  connectAdmin,
  dropDatabase,
  quoteIdent,
  TEST_DATABASE_PREFIX,
  withDatabase,
} from "./postgres";

export interface TestDatabase {
  name: string;
  url: string;
  /** A Prisma client on this database, as the app makes one. */
  prisma: PrismaClient;
  /** One raw connection, for setup and for asserting on rows. */
  sql: ClosableSql;
}

export interface TestDatabaseOptions {
  /**
   * false: an empty database (no tables, no migration history), for tests
   * of the migration runner itself. Default true: the migrated template.
   */
  migrated?: boolean;
}

/** Creates this file's database and drops it after the file's tests. */
export async function createTestDatabase(
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const { adminUrl, template, runId } = inject("testDatabase");
  const name = `${TEST_DATABASE_PREFIX}${runId}_${randomBytes(4).toString("hex")}`;
  const source = options.migrated === false ? "template0" : template;

  const admin = await connectAdmin(adminUrl);
  try {
    await admin.exec(
      `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(source)}`,
    );
  } finally {
    await admin.close();
  }

  const url = withDatabase(adminUrl, name);
  const prisma = createPrismaClient({ kind: "postgres", url });
  const sql = await connectPostgres(url);

  afterAll(async () => {
    await prisma.$disconnect();
    await sql.close();
    const admin = await connectAdmin(adminUrl);
    try {
      await dropDatabase(admin, name);
    } finally {
      await admin.close();
    }
  });

  return { name, url, prisma, sql };
}
