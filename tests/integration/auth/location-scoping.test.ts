/**
 * An associate or store manager of one store gets nothing of another store
 * by any path this part of the back-office offers: lists, single records,
 * changes, the audit log, the POS look-up and the API.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { searchAudit } from "@/lib/audit/search-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { seedDemoData } from "@/lib/db/seed";
import { findVisibleLocation, listLocations } from "@/lib/locations/queries";
import { addRegister } from "@/lib/locations/registers";
import { updateLocation } from "@/lib/locations/save-location";
import { setLocationActive } from "@/lib/locations/set-location-active";
import { findVisibleStaff, listVisibleStaff } from "@/lib/staff/list-staff";
import { setStaffPin } from "@/lib/staff/set-staff-pin";
import { locationId, staffActor } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/database";

const session = vi.hoisted(() => ({ staff: null as StaffActor | null }));
vi.mock("@/lib/next/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/next/session")>()),
  currentStaff: async () => session.staff,
}));

let db: TestDatabase;
let associate: StaffActor;
let manager: StaffActor;
let storeA: string;
let storeB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  (globalThis as { __omnitillPrisma?: unknown }).__omnitillPrisma = db.prisma;
  associate = await staffActor(db.prisma, "associate.london@omnitill.test");
  manager = await staffActor(db.prisma, "manager.london@omnitill.test");
  storeA = await locationId(db.prisma, "STR-LDN");
  storeB = await locationId(db.prisma, "STR-MAN");
  // Something at store B for the audit log to hold.
  await addRegister(
    db.prisma,
    { kind: "system", reason: "test" },
    {
      locationId: storeB,
      name: "Till B",
    },
  );
});

describe("an associate of store A", () => {
  it("sees only store A in the list of locations, and not store B at all", async () => {
    const locations = await listLocations(db.prisma, associate);

    expect(locations.map((l) => l.id)).toEqual([storeA]);
    expect(await findVisibleLocation(db.prisma, associate, storeB)).toBeNull();
  });

  it("sees only the staff of store A", async () => {
    const staff = await listVisibleStaff(db.prisma, associate);
    const bPerson = await staffActor(db.prisma, "associate.manchester@omnitill.test");

    expect(staff.length).toBeGreaterThan(0);
    for (const person of staff) {
      expect(person.locations.map((l) => l.locationId)).toContain(storeA);
    }
    expect(await findVisibleStaff(db.prisma, associate, bPerson.id)).toBeNull();
    expect(can(associate, "staff:manage")).toBe(false);
  });

  it("cannot read the audit log or change a location", async () => {
    await expect(searchAudit(db.prisma, associate, {})).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      setLocationActive(db.prisma, associate, { id: storeB, isActive: false }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("cannot look up stock at store B from the POS", async () => {
    const { GET } = await import("@/app/api/pos/variants/route");
    session.staff = associate;

    const here = await GET(
      new Request(`http://127.0.0.1/api/pos/variants?q=a&locationId=${storeA}`),
    );
    const there = await GET(
      new Request(`http://127.0.0.1/api/pos/variants?q=a&locationId=${storeB}`),
    );

    expect(here.status).toBe(200);
    expect(there.status).toBe(403);
  });

  it("gets nothing from the API with a staff session alone", async () => {
    const { GET } = await import("@/app/api/v1/locations/route");
    const response = await GET(new Request("http://127.0.0.1/api/v1/locations"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(401);
  });
});

describe("a store manager of store A", () => {
  it("sees store A's audit entries and none of store B's", async () => {
    const all = await searchAudit(db.prisma, manager, {});
    const askedForB = await searchAudit(db.prisma, manager, { locationId: storeB });

    expect(all.entries.some((e) => e.locationId === storeB)).toBe(false);
    expect(askedForB.total).toBe(0);
  });

  it("cannot open, edit or deactivate store B", async () => {
    expect(await findVisibleLocation(db.prisma, manager, storeB)).toBeNull();
    await expect(
      setLocationActive(db.prisma, manager, { id: storeB, isActive: false }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const b = await db.prisma.location.findUniqueOrThrow({ where: { id: storeB } });
    await expect(
      updateLocation(db.prisma, manager, {
        id: storeB,
        location: { ...b, name: "Mine now" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("cannot reach store B's staff, who are simply not there", async () => {
    const bPerson = await staffActor(db.prisma, "associate.manchester@omnitill.test");

    expect(await findVisibleStaff(db.prisma, manager, bPerson.id)).toBeNull();
    await expect(
      setStaffPin(db.prisma, manager, { staffId: bPerson.id, pin: "3795" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
