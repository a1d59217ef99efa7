import { beforeAll, describe, expect, it } from "vitest";
import { withAuditContext } from "@/lib/audit/audit-context";
import { AUDIT_PAGE_SIZE, searchAudit } from "@/lib/audit/search-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { seedDemoData } from "@/lib/db/seed";
import { addRegister } from "@/lib/locations/registers";
import { updateSettings } from "@/lib/settings/update-settings";
import { locationId, staffActor } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let owner: StaffActor;
let londonManager: StaffActor;
let ldn: string;
let man: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  owner = await staffActor(db.prisma, "owner@omnitill.test");
  londonManager = await staffActor(db.prisma, "manager.london@omnitill.test");
  ldn = await locationId(db.prisma, "STR-LDN");
  man = await locationId(db.prisma, "STR-MAN");
  await withAuditContext(
    { ipAddress: "198.51.100.7", userAgent: "Test Browser" },
    async () => {
      await addRegister(db.prisma, owner, { locationId: ldn, name: "Audit till L" });
      await addRegister(db.prisma, owner, { locationId: man, name: "Audit till M" });
    },
  );
});

describe("the audit trail in the database", () => {
  it("refuses to change an entry, from any client", async () => {
    await expect(
      db.sql.exec(`UPDATE "AuditEntry" SET "action" = 'forged'`),
    ).rejects.toThrow(/audit entries cannot be changed or removed \(UPDATE refused\)/);
    await expect(
      db.prisma.auditEntry.updateMany({ data: { actorLabel: "someone else" } }),
    ).rejects.toThrow();
  });

  it("refuses to remove an entry", async () => {
    await expect(db.sql.exec(`DELETE FROM "AuditEntry"`)).rejects.toThrow(
      /DELETE refused/,
    );
    expect(await db.prisma.auditEntry.count()).toBeGreaterThan(0);
  });

  it("still lets the demo seed reset an empty database (TRUNCATE)", async () => {
    const scratch = await createTestDatabase();
    await seedDemoData(scratch.prisma);

    await expect(seedDemoData(scratch.prisma, { reset: true })).resolves.toMatchObject({
      locations: expect.any(Number),
    });
  });

  it("records where a change came from", async () => {
    const [entry] = await db.prisma.auditEntry.findMany({
      where: { action: "register.created", locationId: ldn },
    });
    expect(entry).toMatchObject({ ipAddress: "198.51.100.7", userAgent: "Test Browser" });
  });
});

describe("searching the audit log", () => {
  it("filters by kind of record, action, person, location and dates", async () => {
    const byKind = await searchAudit(db.prisma, owner, { entityType: "register" });
    const byLocation = await searchAudit(db.prisma, owner, { locationId: man });
    const byPerson = await searchAudit(db.prisma, owner, { actorId: owner.id });
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await searchAudit(db.prisma, owner, { from: today, to: today });
    const longAgo = await searchAudit(db.prisma, owner, {
      from: "2001-01-01",
      to: "2001-01-02",
    });

    expect(byKind.entries.map((e) => e.action)).toEqual([
      "register.created",
      "register.created",
    ]);
    expect(byLocation.entries.every((e) => e.locationId === man)).toBe(true);
    expect(byPerson.total).toBe(2);
    expect(byDay.total).toBeGreaterThanOrEqual(2);
    expect(longAgo.total).toBe(0);
  });

  it("finds entries by free text in the person, action or address", async () => {
    const byName = await searchAudit(db.prisma, owner, { q: "eleanor" });
    const byAddress = await searchAudit(db.prisma, owner, { q: "198.51.100" });

    expect(byName.total).toBe(2);
    expect(byAddress.total).toBe(2);
  });

  it("pages through many entries, newest first", async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i += 1) {
      await updateSettings(db.prisma, owner, {
        businessName: `Name ${i}`,
        baseCurrency: "GBP",
        markets: [
          {
            code: "UK",
            name: "UK",
            currency: "GBP",
            countries: ["GB"],
            isTaxInclusive: true,
          },
        ],
        receiptHeader: "",
        receiptFooter: "",
        returnPolicy: "",
      });
    }

    const first = await searchAudit(db.prisma, owner, { entityType: "settings" });
    const second = await searchAudit(db.prisma, owner, {
      entityType: "settings",
      page: "2",
    });

    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, pageCount: 2 });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.entries).toHaveLength(5);
    expect(first.entries[0]?.after).toMatchObject({
      businessName: `Name ${AUDIT_PAGE_SIZE + 4}`,
    });
  });

  it("shows a store manager only their own locations' entries", async () => {
    const result = await searchAudit(db.prisma, londonManager, {});
    const asked = await searchAudit(db.prisma, londonManager, { locationId: man });

    expect(result.entries.length).toBeGreaterThan(0);
    expect(
      result.entries.every((e) => londonManager.locationIds.includes(e.locationId ?? "")),
    ).toBe(true);
    expect(asked.total).toBe(0);
  });

  it("is closed to associates and refuses bad filters with field errors", async () => {
    const associate = await staffActor(db.prisma, "associate.london@omnitill.test");
    await expect(searchAudit(db.prisma, associate, {})).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      searchAudit(db.prisma, owner, { from: "2026-05-02", to: "2026-05-01", page: "0" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: expect.objectContaining({ to: expect.any(Array), page: expect.any(Array) }),
    });
  });
});
