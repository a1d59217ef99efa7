import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { seedDemoData } from "@/lib/db/seed";
import {
  addRegister,
  renameRegister,
  setRegisterActive,
} from "@/lib/locations/registers";
import { createLocation, updateLocation } from "@/lib/locations/save-location";
import { setLocationActive } from "@/lib/locations/set-location-active";
import { tradingStatus } from "@/lib/locations/trading";
import { locationId, staffActor } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let owner: StaffActor;
let manager: StaffActor;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  owner = await staffActor(db.prisma, "owner@omnitill.test");
  manager = await staffActor(db.prisma, "manager.london@omnitill.test");
});

const WEEKDAY = { opens: "09:00", closes: "18:00" };

function bristol(overrides: Record<string, unknown> = {}) {
  return {
    code: "str-brs",
    name: "Bristol Cabot Circus",
    kind: "STORE",
    addressLine1: "1 Glass House",
    city: "Bristol",
    postalCode: "BS1 3BX",
    country: "gb",
    latitude: 51.4585,
    longitude: -2.5846,
    timezone: "Europe/London",
    canSellInStore: true,
    canShip: false,
    canPickup: true,
    dailyCapacity: 40,
    openingHours: {
      mon: WEEKDAY,
      tue: WEEKDAY,
      sat: { opens: "10:00", closes: "17:00" },
    },
    pickupHours: { mon: { opens: "10:00", closes: "17:00" } },
    pickupReadyMinutes: 120,
    ...overrides,
  };
}

async function auditFor(entityId: string) {
  return db.prisma.auditEntry.findMany({
    where: { entityId },
    orderBy: { createdAt: "asc" },
  });
}

describe("creating a location", () => {
  it("saves a store with its hours and promise, audited and announced", async () => {
    const location = await createLocation(db.prisma, owner, bristol());

    expect(location).toMatchObject({
      code: "STR-BRS",
      country: "GB",
      pickupReadyMinutes: 120,
      openingHours: {
        mon: WEEKDAY,
        tue: WEEKDAY,
        sat: { opens: "10:00", closes: "17:00" },
      },
      opensOn: null,
    });
    const [entry] = await auditFor(location.id);
    expect(entry).toMatchObject({
      action: "location.created",
      actorId: owner.id,
      locationId: location.id,
      after: expect.objectContaining({ code: "STR-BRS", pickupReadyMinutes: 120 }),
    });
    const event = await db.prisma.outboxEvent.findFirst({
      where: { aggregateId: location.id, type: "location.created" },
    });
    expect(event).not.toBeNull();
  });

  it("names every refused field and writes nothing on bad input", async () => {
    const before = await db.prisma.location.count();
    const attempt = createLocation(
      db.prisma,
      owner,
      bristol({
        code: "x",
        latitude: 123,
        timezone: "Mars/Olympus",
        openingHours: { mon: { opens: "18:00", closes: "09:00" } },
        pickupHours: { tue: { opens: "10:00", closes: "11:00" } },
        pickupReadyMinutes: null,
      }),
    );

    await expect(attempt).rejects.toMatchObject({
      code: "invalid_input",
      fields: expect.objectContaining({
        code: expect.any(Array),
        latitude: expect.any(Array),
        timezone: ["Choose a timezone from the list."],
        "openingHours.mon.closes": ["Closing must be after opening."],
      }),
    });
    expect(await db.prisma.location.count()).toBe(before);
  });

  it("asks for pickup hours within opening hours and a promise when pickup is on", async () => {
    const attempt = createLocation(
      db.prisma,
      owner,
      bristol({
        code: "STR-BAT",
        pickupHours: { sun: { opens: "10:00", closes: "11:00" } },
        pickupReadyMinutes: null,
      }),
    );

    await expect(attempt).rejects.toMatchObject({
      fields: expect.objectContaining({
        pickupReadyMinutes: ["Say how soon a pickup order is ready."],
        "pickupHours.sun.opens": ["Pickup on Sunday must be within opening hours."],
      }),
    });
  });

  it("refuses a code that is already in use", async () => {
    await expect(
      createLocation(db.prisma, owner, bristol({ code: "STR-LDN" })),
    ).rejects.toMatchObject({ code: "conflict", fields: { code: expect.any(Array) } });
  });

  it("lets only one of two owners racing for the same code have it", async () => {
    const results = await Promise.allSettled([
      createLocation(db.prisma, owner, bristol({ code: "STR-RACE" })),
      createLocation(db.prisma, owner, bristol({ code: "STR-RACE" })),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "conflict" },
    });
  });

  it("is refused to a store manager", async () => {
    await expect(
      createLocation(db.prisma, manager, bristol({ code: "STR-MGR" })),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("pop-ups", () => {
  it("trade only between their first and last day, in their own timezone", async () => {
    const popUp = await createLocation(
      db.prisma,
      owner,
      bristol({
        code: "POP-SYD",
        kind: "POPUP",
        timezone: "Australia/Sydney",
        canPickup: false,
        pickupHours: {},
        opensOn: "2026-12-10",
        closesOn: "2026-12-24",
      }),
    );

    // 13:30 UTC on the 9th is already the 10th in Sydney.
    expect(tradingStatus(popUp, new Date("2026-12-09T10:00:00Z"))).toMatchObject({
      isTrading: false,
      reason: "not_yet_open",
    });
    expect(tradingStatus(popUp, new Date("2026-12-09T13:30:00Z"))).toMatchObject({
      isTrading: true,
      closesOn: "2026-12-24",
    });
    expect(tradingStatus(popUp, new Date("2026-12-24T14:00:00Z"))).toMatchObject({
      isTrading: false,
      reason: "closed",
    });
  });

  it("need a first trading day and a last day on or after it", async () => {
    await expect(
      createLocation(
        db.prisma,
        owner,
        bristol({
          code: "POP-BAD",
          kind: "POPUP",
          opensOn: null,
          closesOn: "2026-01-01",
        }),
      ),
    ).rejects.toMatchObject({
      fields: expect.objectContaining({ opensOn: expect.any(Array) }),
    });
    await expect(
      createLocation(
        db.prisma,
        owner,
        bristol({
          code: "POP-BAD",
          kind: "POPUP",
          opensOn: "2026-02-01",
          closesOn: "2026-01-01",
        }),
      ),
    ).rejects.toMatchObject({
      fields: expect.objectContaining({ closesOn: expect.any(Array) }),
    });
  });
});

describe("editing a location", () => {
  it("keeps the location before and after in the audit entry", async () => {
    const location = await createLocation(db.prisma, owner, bristol({ code: "STR-EXE" }));

    await updateLocation(db.prisma, owner, {
      id: location.id,
      location: bristol({
        code: "STR-EXE",
        name: "Exeter Princesshay",
        dailyCapacity: 55,
      }),
    });

    const entries = await auditFor(location.id);
    expect(entries.map((e) => e.action)).toEqual([
      "location.created",
      "location.updated",
    ]);
    expect(entries[1]).toMatchObject({
      before: expect.objectContaining({
        name: "Bristol Cabot Circus",
        dailyCapacity: 40,
      }),
      after: expect.objectContaining({ name: "Exeter Princesshay", dailyCapacity: 55 }),
    });
  });

  it("answers an unknown location with not found", async () => {
    await expect(
      updateLocation(db.prisma, owner, {
        id: "00000000-0000-7000-8000-000000000000",
        location: bristol({ code: "STR-NONE" }),
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("deactivating a location", () => {
  it("is refused while it holds stock, saying how much", async () => {
    const id = await locationId(db.prisma, "WH-MID");

    const attempt = setLocationActive(db.prisma, owner, { id, isActive: false });

    await expect(attempt).rejects.toMatchObject({ code: "conflict" });
    await expect(attempt).rejects.toThrow(/still holds stock: \d+ units on hand/);
    expect((await db.prisma.location.findUniqueOrThrow({ where: { id } })).isActive).toBe(
      true,
    );
  });

  it("is refused while an order still waits to be fulfilled there, naming it", async () => {
    const open = await db.prisma.fulfillment.findFirst({
      where: { status: { notIn: ["DELIVERED", "PICKED_UP", "CANCELLED"] } },
      include: { order: true },
    });
    if (!open) throw new Error("the demo data has no open fulfillment");
    // Empty its shelves so only the open order stands in the way.
    await db.prisma.inventoryLevel.updateMany({
      where: { locationId: open.locationId },
      data: { onHand: 0 },
    });

    const attempt = setLocationActive(db.prisma, owner, {
      id: open.locationId,
      isActive: false,
    });

    await expect(attempt).rejects.toThrow(
      new RegExp(`open orders to fulfil \\(.*${open.order.number}`),
    );
    await expect(attempt).rejects.not.toThrow(/holds stock/);
  });

  it("succeeds for an empty location, is audited, and can be undone", async () => {
    const location = await createLocation(db.prisma, owner, bristol({ code: "STR-EMP" }));

    await setLocationActive(db.prisma, owner, { id: location.id, isActive: false });
    await setLocationActive(db.prisma, owner, { id: location.id, isActive: true });

    const entries = await auditFor(location.id);
    expect(entries.map((e) => e.action)).toEqual([
      "location.created",
      "location.deactivated",
      "location.reactivated",
    ]);
    expect(tradingStatus(location, new Date())).toMatchObject({ isTrading: true });
  });
});

describe("registers", () => {
  it("are added, renamed and taken out of use, each audited", async () => {
    const location = await createLocation(db.prisma, owner, bristol({ code: "STR-REG" }));

    const till = await addRegister(db.prisma, owner, {
      locationId: location.id,
      name: "Till 1",
    });
    await renameRegister(db.prisma, owner, { registerId: till.id, name: "Front till" });
    await setRegisterActive(db.prisma, owner, { registerId: till.id, isActive: false });

    const entries = await auditFor(till.id);
    expect(entries.map((e) => e.action)).toEqual([
      "register.created",
      "register.renamed",
      "register.deactivated",
    ]);
    expect(entries[1]).toMatchObject({
      before: { name: "Till 1" },
      locationId: location.id,
    });
  });

  it("refuse a second register with the same name in any case", async () => {
    const id = await locationId(db.prisma, "STR-LDN");
    const existing = await db.prisma.register.findFirstOrThrow({
      where: { locationId: id },
    });

    await expect(
      addRegister(db.prisma, owner, {
        locationId: id,
        name: existing.name.toUpperCase(),
      }),
    ).rejects.toMatchObject({ code: "conflict", fields: { name: expect.any(Array) } });
  });

  it("are refused where the location does not sell at the counter", async () => {
    const id = await locationId(db.prisma, "WH-NTH");

    await expect(
      addRegister(db.prisma, owner, { locationId: id, name: "Till 1" }),
    ).rejects.toThrow(/does not sell at the counter/);
  });

  it("cannot be added by a store manager, even at their own store", async () => {
    const id = await locationId(db.prisma, "STR-LDN");
    await expect(
      addRegister(db.prisma, manager, { locationId: id, name: "Till 9" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
