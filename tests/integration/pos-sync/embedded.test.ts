/**
 * Resync on the embedded database (PGlite through its Prisma adapter), the
 * default of a first start: the bundle exports, a till's sale is recorded
 * once (ON CONFLICT, the savepoint around promotion counting), and a
 * replay changes nothing.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { closeEmbedded } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { exportPosBundle } from "@/lib/pos-sync/export-pos-bundle";
import {
  indexVariants,
  offlineSaleFrom,
  priceOfflineCart,
} from "@/lib/pos-sync/price-offline";
import { syncOfflineSales } from "@/lib/pos-sync/sync-offline-sales";
import { staffActorFrom } from "@/lib/staff/verify-staff-sign-in";

const dataDir = await mkdtemp(path.join(os.tmpdir(), "omnitill-offline-"));
const directory = path.join(dataDir, "pglite");

afterAll(async () => {
  await closeEmbedded(directory);
  await rm(dataDir, { recursive: true, force: true });
});

describe("offline resync on the embedded database", () => {
  it("records a till's sale once and answers a replay with the same verdict", async () => {
    await prepareDatabase({
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
    });
    const prisma = createPrismaClient({ kind: "embedded", directory });
    const store = await prisma.location.findFirstOrThrow({
      where: { code: "STR-LDN" },
      include: { registers: { orderBy: { name: "asc" } } },
    });
    const user = await prisma.staffUser.findFirstOrThrow({
      where: { email: "associate.london@omnitill.test" },
      include: { locations: { select: { locationId: true } } },
    });
    const associate = staffActorFrom(user);
    const bundle = await exportPosBundle(prisma, { locationId: store.id });
    const variants = indexVariants(bundle);
    const [first, second] = bundle.variants.filter((v) => v.onHand > 2);
    if (!first || !second) throw new Error("the demo store has too little stock");
    const at = new Date();
    const lines = [
      { variantId: first.id, quantity: 2 },
      { variantId: second.id, quantity: 1 },
    ];
    const pricing = priceOfflineCart(bundle, {
      lines,
      at,
      variants,
      codes: ["AUTUMN10"],
    });
    const sale = offlineSaleFrom({
      id: randomUUID(),
      deviceId: "device-embedded-1",
      sequence: 1,
      registerId: store.registers[0]?.id ?? "",
      staffId: associate.id,
      at,
      customerId: null,
      codes: ["AUTUMN10"],
      variants,
      pricing,
      tenders: [
        {
          kind: "cash",
          amountMinor: pricing.totals.total,
          tenderedMinor: pricing.totals.total + 500,
        },
      ],
    });
    const input = { locationId: store.id, sales: [sale] };
    const before = await prisma.inventoryLevel.findFirstOrThrow({
      where: { variantId: first.id, locationId: store.id },
    });

    const once = await syncOfflineSales(prisma, { actor: associate, input });
    const twice = await syncOfflineSales(prisma, { actor: associate, input });

    expect(once.results[0]).toMatchObject({ status: "accepted", isReplay: false });
    expect(twice.results[0]).toMatchObject({
      status: "accepted",
      isReplay: true,
      orderNumber: once.results[0]?.orderNumber,
    });
    const after = await prisma.inventoryLevel.findFirstOrThrow({
      where: { variantId: first.id, locationId: store.id },
    });
    expect(after.onHand).toBe(before.onHand - 2);
    const order = await prisma.order.findFirstOrThrow({
      where: { idempotencyKey: `offline:${sale.id}` },
      include: { promotionRedemptions: true },
    });
    expect(order.totalMinor).toBe(pricing.totals.total);
    expect(order.promotionRedemptions.length).toBe(pricing.explanation.applied.length);
    await prisma.$disconnect();
  });
});
