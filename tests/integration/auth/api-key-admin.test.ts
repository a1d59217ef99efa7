import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { seedDemoData } from "@/lib/db/seed";
import { staffActor } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});

describe("API keys from the back-office", () => {
  it("stops working the moment they are revoked, and both steps are audited", async () => {
    const owner = await staffActor(db.prisma, "owner@omnitill.test");
    const created = await createApiKey(db.prisma, owner, {
      name: "ERP nightly sync",
      scopes: ["catalog:read"],
    });
    await expect(
      authenticateApiKey(db.prisma, `Bearer ${created.key}`),
    ).resolves.toMatchObject({ scopes: ["catalog:read"] });

    await revokeApiKey(db.prisma, owner, { id: created.id });
    await revokeApiKey(db.prisma, owner, { id: created.id });

    await expect(
      authenticateApiKey(db.prisma, `Bearer ${created.key}`),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    const entries = await db.prisma.auditEntry.findMany({
      where: { entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => e.action)).toEqual(["api_key.created", "api_key.revoked"]);
    expect(JSON.stringify(entries)).not.toContain(created.key);
  });

  it("are managed by owners only", async () => {
    const manager = await staffActor(db.prisma, "manager.london@omnitill.test");
    await expect(
      createApiKey(db.prisma, manager, { name: "Mine", scopes: ["orders:read"] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      revokeApiKey(db.prisma, manager, { id: "00000000-0000-7000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
