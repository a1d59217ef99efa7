import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { receiveStock } from "@/lib/inventory/receive-stock";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { buildWorld, inTx, SYSTEM, type World } from "./fixtures";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma, { variants: 2 });
  await inTx(db.prisma, (tx) =>
    receiveStock(tx, SYSTEM, {
      location: "WH-1",
      lines: world.variants.map((v) => ({ sku: v.sku, quantity: 5 })),
    }),
  );
});

/** `npm run cli -- inventory verify`, as an operator runs it. */
function verify() {
  const result = spawnSync("npx", ["tsx", "scripts/cli.ts", "inventory", "verify"], {
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("inventory verify", () => {
  it("says so when every level agrees with its ledger", () => {
    const run = verify();
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("all 2 levels agree with the ledger");
    expect(run.code).toBe(0);
  });

  it("reports a level edited behind the ledger's back and exits 1", async () => {
    const tee = world.variants[1];
    await db.sql.query(
      `UPDATE "InventoryLevel" SET "onHand" = 9, reserved = 1
       WHERE "variantId" = $1 AND "locationId" = $2`,
      [tee?.id, world.warehouse.id],
    );
    const run = verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${tee?.sku} at WH-1: on hand 9 vs ledger 5, reserved 1 vs open reservations 0`,
    );
    expect(run.stderr).toContain("1 of 2 levels disagree with the ledger");
  });
});
