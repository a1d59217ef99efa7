import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeEmbedded, openEmbedded } from "@/lib/db/embedded";
import { readMigrationFolders } from "@/lib/db/migrations/directory";
import { prepareDatabase } from "@/lib/db/prepare";
import { pgliteSql } from "@/lib/db/sql";

// The embedded start runs on PGlite in this process, with no server.
const dataDir = await mkdtemp(path.join(os.tmpdir(), "omnitill-data-"));
const env = { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir };
const directory = path.join(dataDir, "pglite");

afterAll(async () => {
  await closeEmbedded(directory);
  await rm(dataDir, { recursive: true, force: true });
});

describe("prepareDatabase on the embedded database", () => {
  it("migrates a new data directory, then finds nothing left to do", async () => {
    const folders = await readMigrationFolders(path.resolve("prisma", "migrations"));

    const first = await prepareDatabase({ env, seed: false });
    const second = await prepareDatabase({ env, seed: false });

    expect(first.target).toEqual({ kind: "embedded", directory });
    expect(first.applied).toEqual(folders.map((folder) => folder.name));
    expect(first.seeded).toBeNull();
    expect(second.applied).toEqual([]);

    const sql = pgliteSql(openEmbedded(directory));
    const history = await sql.query<{ migration_name: string; checksum: string }>(
      "SELECT migration_name, checksum FROM _prisma_migrations ORDER BY started_at",
    );
    expect(history).toEqual(
      folders.map((folder) => ({
        migration_name: folder.name,
        checksum: folder.checksum,
      })),
    );
  });

  it("seeds the demo catalogue once, when the database is empty", async () => {
    const seeded = await prepareDatabase({ env });
    const again = await prepareDatabase({ env });

    expect(seeded.seeded).not.toBeNull();
    expect(again.seeded).toBeNull();
    const sql = pgliteSql(openEmbedded(directory));
    const [products] = await sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Product" WHERE "status" = 'ACTIVE'`,
    );
    expect(products?.count).toBeGreaterThan(0);
  });
});
