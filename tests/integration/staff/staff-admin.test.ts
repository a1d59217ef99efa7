import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { verifySecret } from "@/lib/auth/password";
import { seedDemoData } from "@/lib/db/seed";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { resetStaffPassword } from "@/lib/staff/reset-staff-password";
import { setStaffActive } from "@/lib/staff/set-staff-active";
import { setStaffPin } from "@/lib/staff/set-staff-pin";
import { updateStaffUser } from "@/lib/staff/update-staff-user";
import { verifyStaffSignIn } from "@/lib/staff/verify-staff-sign-in";
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
});

let counter = 0;
function newPerson(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `new.person.${counter}@omnitill.test`,
    name: `New Person ${counter}`,
    role: "ASSOCIATE" as const,
    password: "harbour-lantern-42",
    locationCodes: ["STR-LDN"],
    ...overrides,
  };
}

async function auditActions(entityId: string) {
  const entries = await db.prisma.auditEntry.findMany({
    where: { entityId },
    orderBy: { createdAt: "asc" },
  });
  return entries.map((e) => e.action);
}

describe("creating staff", () => {
  it("lets a store manager add an associate at their own store", async () => {
    const user = await createStaffUser(db.prisma, londonManager, newPerson());

    expect(user.role).toBe("ASSOCIATE");
    expect(await auditActions(user.id)).toEqual(["staff.created"]);
  });

  it("refuses a store manager making an owner or another manager", async () => {
    for (const role of ["OWNER", "STORE_MANAGER", "MERCHANDISER"] as const) {
      await expect(
        createStaffUser(db.prisma, londonManager, newPerson({ role })),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("refuses a store manager adding staff at another store", async () => {
    await expect(
      createStaffUser(
        db.prisma,
        londonManager,
        newPerson({ locationCodes: ["STR-MAN"] }),
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses common passwords and ones made from the person's name", async () => {
    for (const password of ["Password123!", "qwertyuiop", "1234567890", "welcome2026"]) {
      await expect(
        createStaffUser(db.prisma, owner, newPerson({ password })),
      ).rejects.toMatchObject({
        code: "invalid_input",
        fields: { password: [expect.stringMatching(/too common/)] },
      });
    }
    await expect(
      createStaffUser(
        db.prisma,
        owner,
        newPerson({ name: "Jonathan Bridges", password: "Jonathan2026!" }),
      ),
    ).rejects.toMatchObject({
      fields: { password: [expect.stringMatching(/your name/)] },
    });
  });

  it("asks where store staff work", async () => {
    await expect(
      createStaffUser(db.prisma, owner, newPerson({ locationCodes: [] })),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { locationCodes: expect.any(Array) },
    });
  });
});

describe("changing role and locations", () => {
  it("moves an associate to another store and keeps before and after", async () => {
    const user = await createStaffUser(db.prisma, owner, newPerson());

    await updateStaffUser(db.prisma, owner, {
      staffId: user.id,
      name: user.name,
      role: "STORE_MANAGER",
      locationIds: [man],
    });

    const entry = await db.prisma.auditEntry.findFirstOrThrow({
      where: { entityId: user.id, action: "staff.updated" },
    });
    expect(entry).toMatchObject({
      before: { role: "ASSOCIATE", locationIds: [ldn] },
      after: { role: "STORE_MANAGER", locationIds: [man] },
    });
    const actor = await staffActor(db.prisma, user.email);
    expect(actor).toMatchObject({ role: "STORE_MANAGER", locationIds: [man] });
  });

  it("does not let a store manager promote an associate or move them away", async () => {
    const user = await createStaffUser(db.prisma, londonManager, newPerson());
    const change = { staffId: user.id, name: user.name };

    await expect(
      updateStaffUser(db.prisma, londonManager, {
        ...change,
        role: "OWNER",
        locationIds: [ldn],
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateStaffUser(db.prisma, londonManager, {
        ...change,
        role: "ASSOCIATE",
        locationIds: [man],
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("hides another store's staff from a store manager", async () => {
    const manchester = await staffActor(db.prisma, "associate.manchester@omnitill.test");

    await expect(
      updateStaffUser(db.prisma, londonManager, {
        staffId: manchester.id,
        name: "Renamed",
        role: "ASSOCIATE",
        locationIds: [ldn],
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setStaffActive(db.prisma, londonManager, {
        staffId: manchester.id,
        isActive: false,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      resetStaffPassword(db.prisma, londonManager, {
        staffId: manchester.id,
        password: "lighthouse-morning-7",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses changing one's own role, and leaving the business without an owner", async () => {
    await expect(
      updateStaffUser(db.prisma, owner, {
        staffId: owner.id,
        name: owner.name,
        role: "ASSOCIATE",
        locationIds: [ldn],
      }),
    ).rejects.toMatchObject({ code: "conflict" });

    const second = await createStaffUser(
      db.prisma,
      owner,
      newPerson({ role: "OWNER", locationCodes: [] }),
    );
    const secondActor = await staffActor(db.prisma, second.email);
    // Two owners: one may deactivate the other.
    await setStaffActive(db.prisma, secondActor, { staffId: owner.id, isActive: false });

    await expect(
      setStaffActive(db.prisma, secondActor, { staffId: second.id, isActive: false }),
    ).rejects.toThrow(/cannot deactivate your own account/);
    await expect(
      updateStaffUser(
        db.prisma,
        { kind: "system", reason: "test" },
        { staffId: second.id, name: second.name, role: "MERCHANDISER", locationIds: [] },
      ),
    ).rejects.toThrow(/at least one active owner/);
    await setStaffActive(db.prisma, secondActor, { staffId: owner.id, isActive: true });
  });
});

describe("deactivating, passwords and PINs", () => {
  it("stops a deactivated person signing in, and lets them back when reactivated", async () => {
    const person = newPerson();
    const user = await createStaffUser(db.prisma, londonManager, person);

    await setStaffActive(db.prisma, londonManager, { staffId: user.id, isActive: false });
    await expect(verifyStaffSignIn(db.prisma, person)).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await setStaffActive(db.prisma, londonManager, { staffId: user.id, isActive: true });
    await expect(verifyStaffSignIn(db.prisma, person)).resolves.toMatchObject({
      id: user.id,
    });
    expect(await auditActions(user.id)).toEqual([
      "staff.created",
      "staff.deactivated",
      "staff.reactivated",
    ]);
  });

  it("resets a password, stores only its hash, and marks older sessions as ended", async () => {
    const person = newPerson();
    const user = await createStaffUser(db.prisma, owner, person);

    await resetStaffPassword(db.prisma, owner, {
      staffId: user.id,
      password: "copper-meadow-19",
    });

    const row = await db.prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifySecret(row.passwordHash, "copper-meadow-19")).toBe(true);
    expect(row.passwordChangedAt).not.toBeNull();
    await expect(verifyStaffSignIn(db.prisma, person)).rejects.toMatchObject({
      code: "unauthenticated",
    });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({
      where: { entityId: user.id, action: "staff.password_reset" },
    });
    expect(JSON.stringify(entry)).not.toContain("copper-meadow-19");
  });

  it("sets a PIN, refuses one a colleague at the same store uses, and removes it", async () => {
    const user = await createStaffUser(db.prisma, londonManager, newPerson());
    // The seeded London associate uses 2468.
    await expect(
      setStaffPin(db.prisma, londonManager, { staffId: user.id, pin: "2468" }),
    ).rejects.toMatchObject({ code: "conflict", fields: { pin: expect.any(Array) } });
    await expect(
      setStaffPin(db.prisma, londonManager, { staffId: user.id, pin: "1111" }),
    ).rejects.toMatchObject({ code: "invalid_input" });

    await setStaffPin(db.prisma, londonManager, { staffId: user.id, pin: "3795" });
    await setStaffPin(db.prisma, londonManager, { staffId: user.id, pin: null });

    const row = await db.prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.pinHash).toBeNull();
    expect(await auditActions(user.id)).toEqual([
      "staff.created",
      "staff.pin_set",
      "staff.pin_removed",
    ]);
  });
});
