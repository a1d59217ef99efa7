import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import type { PrismaClient } from "@/lib/db/client";
import { setRegisterPrinter } from "@/lib/locations/registers";
import { printReceiptOverNetwork } from "@/lib/pos/print-network";
import { decodeEscPos } from "../../e2e/support/escpos-decoder";
import { createShop, testProviders } from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  testDb = await createTestDatabase();
  prisma = testDb.prisma;
});
afterAll(async () => {
  await testDb?.prisma.$disconnect();
});

/** A stand-in network printer: keeps every byte each connection sends. */
function standInPrinter(): Promise<{ server: Server; port: number; jobs: Buffer[] }> {
  const jobs: Buffer[] = [];
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => jobs.push(Buffer.concat(chunks)));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        server,
        port: typeof address === "object" && address ? address.port : 0,
        jobs,
      });
    }),
  );
}

describe("the network receipt printer", () => {
  it("sends the sale's ESC/POS receipt to the register's printer over TCP", async () => {
    const shop = await createShop(prisma);
    const printer = await standInPrinter();
    const owner = {
      ...shop.associate,
      role: "OWNER" as const,
      locationIds: "all" as const,
    };

    await expect(
      setRegisterPrinter(prisma, owner, {
        registerId: shop.register.id,
        printerAddress: "not a host!",
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { printerAddress: expect.anything() },
    });
    await expect(
      setRegisterPrinter(prisma, shop.associate, {
        registerId: shop.register.id,
        printerAddress: "127.0.0.1",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const cart = await createCart(prisma, {
      actor: shop.associate,
      input: { channel: "POS", locationId: shop.store.id, registerId: shop.register.id },
    });
    await addCartLine(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "CARRY_OUT" },
    });
    const placed = await placeOrder(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: `network-${cart.id}`,
      input: { tenders: [{ kind: "cash", tenderedMinor: 5000 }] },
      providers: testProviders().providers,
    });
    if (placed.outcome !== "placed") throw new Error("not placed");
    const print = () =>
      printReceiptOverNetwork(prisma, {
        actor: shop.associate,
        orderNumber: placed.order.number,
        registerId: shop.register.id,
      });

    await expect(print()).rejects.toMatchObject({ code: "invalid_input" });
    await setRegisterPrinter(prisma, owner, {
      registerId: shop.register.id,
      printerAddress: `127.0.0.1:${printer.port}`,
    });
    await print();
    await expect.poll(() => printer.jobs.length).toBe(1);
    const slip = decodeEscPos(new Uint8Array(printer.jobs[0] ?? []));
    const total = `£${(placed.order.totalMinor / 100).toFixed(2)}`;
    expect(
      slip.lines
        .find((l) => l.startsWith("TOTAL"))
        ?.trim()
        .endsWith(total),
    ).toBe(true);
    expect(slip.hasDrawerPulse).toBe(true);
    expect(slip.hasCut).toBe(true);
    expect(
      await prisma.auditEntry.count({
        where: { action: "register.printer_set", entityId: shop.register.id },
      }),
    ).toBe(1);

    await new Promise((resolve) => printer.server.close(resolve));
    await expect(print()).rejects.toMatchObject({
      code: "internal",
      publicMessage: expect.stringContaining("did not answer"),
    });
  });
});
