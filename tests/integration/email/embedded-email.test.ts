import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { createPrismaClient } from "@/lib/db/client";
import { closeEmbedded } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { createEmailSubscriber } from "@/lib/email/email-subscriber";
import { sendDueEmails } from "@/lib/email/send-due-emails";
import { createSmtpTransport } from "@/lib/email/smtp-transport";
import { dispatchOutboxBatch } from "@/lib/events/dispatcher";
import { requestBackInStock } from "@/lib/storefront/request-back-in-stock";
import { ADDRESS, createShop, receive, testProviders, VISA } from "../checkout/shop";
import { startSmtpStandIn } from "./smtp-stand-in";

// The demo's embedded database (PGlite) in this process, with no SMTP set:
// the queue's raw SQL and the held state must work there too.
const dataDir = await mkdtemp(path.join(os.tmpdir(), "omnitill-email-"));
const env = { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir };
const { target } = await prepareDatabase({ env, seed: false });
const prisma = createPrismaClient(target);
const smtp = await startSmtpStandIn();

afterAll(async () => {
  await prisma.$disconnect();
  if (target.kind === "embedded") await closeEmbedded(target.directory);
  await rm(dataDir, { recursive: true, force: true });
  await smtp.close();
});

describe("email on the embedded database", () => {
  it("holds the emails of an order and a returned item until SMTP is set, then sends them", async () => {
    const shop = await createShop(prisma);
    await receive(prisma, shop.small.id, shop.warehouse.id, 5);
    await requestBackInStock(prisma, {
      actor: { kind: "guest" },
      input: { variantId: shop.mug.id, email: "waiting@example.test" },
    });
    const cart = await createCart(prisma, {
      actor: shop.customer,
      input: { shippingAddress: ADDRESS },
    });
    await addCartLine(prisma, {
      actor: shop.customer,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    const placed = await placeOrder(prisma, {
      actor: shop.customer,
      cartId: cart.id,
      idempotencyKey: "embedded-email",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers: testProviders().providers,
    });
    expect(placed.outcome).toBe("placed");
    await receive(prisma, shop.mug.id, shop.warehouse.id, 2);

    const subscriber = createEmailSubscriber({
      secret: "embedded",
      publicUrl: "http://localhost:3000",
      isSmtpConfigured: false,
    });
    for (;;) {
      const result = await dispatchOutboxBatch(prisma, { subscribers: [subscriber] });
      expect(result.failed).toBe(0);
      if (result.claimed === 0) break;
    }
    const held = await prisma.emailMessage.findMany({ orderBy: { kind: "asc" } });
    expect(held.map((e) => [e.kind, e.status])).toEqual([
      ["back_in_stock", "HELD"],
      ["order_confirmation", "HELD"],
    ]);

    const transport = createSmtpTransport(smtp.url);
    try {
      expect(
        await sendDueEmails(prisma, { transport, from: "shop@example.test" }),
      ).toMatchObject({ claimed: 2, sent: 2 });
    } finally {
      transport.close();
    }
    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [
        shop.customer.kind === "customer" ? shop.customer.email : "",
        "waiting@example.test",
      ].sort(),
    );
  });
});
