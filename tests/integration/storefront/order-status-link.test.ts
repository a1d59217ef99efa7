import { beforeAll, describe, expect, it } from "vitest";
import { findOrderStatus } from "@/lib/storefront/find-order-status";
import {
  orderIdFromStatusToken,
  orderStatusToken,
} from "@/lib/storefront/order-status-link";
import { signToken } from "@/lib/storefront/signed-token";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SECRET = "integration-secret-0123456789abcdef";
let db: TestDatabase;
let orderId: string;
let pendingId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const store = await db.prisma.location.create({
    data: {
      code: "STR-1",
      name: "Leeds Briggate",
      kind: "STORE",
      addressLine1: "1 Briggate",
      city: "Leeds",
      postalCode: "LS1 6HD",
      country: "GB",
      latitude: 53.8,
      longitude: -1.54,
      timezone: "Europe/London",
      canPickup: true,
    },
  });
  const order = (number: string, status: "PLACED" | "PENDING_PAYMENT") =>
    db.prisma.order.create({
      data: {
        number,
        channel: "WEB",
        status,
        currency: "GBP",
        subtotalMinor: 1800,
        totalMinor: 1800,
        isPayAtPickup: true,
        fulfillments: { create: { locationId: store.id, method: "PICKUP" } },
      },
    });
  orderId = (await order("OT-AAAA22", "PLACED")).id;
  pendingId = (await order("OT-BBBB33", "PENDING_PAYMENT")).id;
});

describe("signed order status link", () => {
  it("opens the order it was made for", async () => {
    const token = orderStatusToken(orderId, SECRET);
    const id = orderIdFromStatusToken(token, SECRET);
    expect(id).toBe(orderId);
    const order = await findOrderStatus(db.prisma, id as string);
    expect(order?.number).toBe("OT-AAAA22");
    expect(order?.fulfillments[0]?.location.name).toBe("Leeds Briggate");
  });

  it("refuses a link whose order id was swapped for another", async () => {
    const token = orderStatusToken(orderId, SECRET);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ o: pendingId })).toString("base64url")}.${signature}`;
    expect(orderIdFromStatusToken(forged, SECRET)).toBeNull();
  });

  it("refuses a link with a changed signature, a missing part or extra parts", () => {
    const token = orderStatusToken(orderId, SECRET);
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(orderIdFromStatusToken(flipped, SECRET)).toBeNull();
    expect(orderIdFromStatusToken(token.split(".")[0] as string, SECRET)).toBeNull();
    expect(orderIdFromStatusToken(`${token}.extra`, SECRET)).toBeNull();
    expect(orderIdFromStatusToken("", SECRET)).toBeNull();
  });

  it("refuses a link signed under another secret", () => {
    const token = orderStatusToken(orderId, "some-other-secret-0123456789");
    expect(orderIdFromStatusToken(token, SECRET)).toBeNull();
  });

  it("refuses a token signed for another purpose, such as confirming an account", () => {
    const token = signToken("account-claim", { o: orderId }, SECRET);
    expect(orderIdFromStatusToken(token, SECRET)).toBeNull();
  });

  it("does not show an order whose payment never completed", async () => {
    const token = orderStatusToken(pendingId, SECRET);
    const id = orderIdFromStatusToken(token, SECRET);
    expect(id).toBe(pendingId);
    expect(await findOrderStatus(db.prisma, pendingId)).toBeNull();
  });
});
