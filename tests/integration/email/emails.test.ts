import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { createPrismaClient } from "@/lib/db/client";
import { createEmailSubscriber } from "@/lib/email/email-subscriber";
import { listEmails } from "@/lib/email/list-emails";
import { createMailSender } from "@/lib/email/mail-sender";
import { requestReceiptEmail } from "@/lib/email/request-receipt-email";
import { resendEmail } from "@/lib/email/resend-email";
import { sendDueEmails } from "@/lib/email/send-due-emails";
import { createSmtpTransport, type MailTransport } from "@/lib/email/smtp-transport";
import { dispatchOutboxBatch } from "@/lib/events/dispatcher";
import { createEventsRuntime } from "@/lib/events/start-events";
import { formatMoney } from "@/lib/money/format";
import { advanceFulfillment } from "@/lib/orders/advance-fulfillment";
import { orderIdFromStatusToken } from "@/lib/storefront/order-status-link";
import { requestBackInStock } from "@/lib/storefront/request-back-in-stock";
import {
  ADDRESS,
  createShop,
  receive,
  type Shop,
  testProviders,
  VISA,
} from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { deadSmtpUrl, type SmtpStandIn, startSmtpStandIn } from "./smtp-stand-in";

const SECRET = "email-test-secret";
const PUBLIC_URL = "https://shop.test";
const FROM = "Northwind <shop@northwind.test>";
const subscriber = createEmailSubscriber({
  secret: SECRET,
  publicUrl: PUBLIC_URL,
  isSmtpConfigured: true,
});
const { providers } = testProviders();
const owner = {
  kind: "staff" as const,
  id: "owner",
  email: "owner@shop.test",
  name: "Owner",
  role: "OWNER" as const,
  locationIds: "all" as const,
};
const money = (amount: number) => formatMoney({ amount, currency: "GBP" });

let db: TestDatabase;
let shop: Shop;
let smtp: SmtpStandIn;
let transport: MailTransport;

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  smtp = await startSmtpStandIn();
  transport = createSmtpTransport(smtp.url);
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 50);
  await receive(db.prisma, shop.medium.id, shop.store.id, 50);
  await db.prisma.settings.upsert({
    where: { id: "default" },
    create: { id: "default", businessName: "Northwind Goods" },
    update: { businessName: "Northwind Goods" },
  });
});

afterAll(async () => {
  transport?.close();
  await smtp?.close();
});

beforeEach(async () => {
  // Every test starts with the outbox handed on and no email queued.
  await dispatchAll();
  await db.sql.exec('DELETE FROM "EmailMessage"');
  smtp.received.length = 0;
});

/** Hands on every waiting event, as the dispatcher does. */
async function dispatchAll() {
  for (;;) {
    const result = await dispatchOutboxBatch(db.prisma, { subscribers: [subscriber] });
    expect(result.failed).toBe(0);
    if (result.claimed === 0) return;
  }
}

async function placeWebOrder(key: string) {
  const cart = await createCart(db.prisma, {
    actor: shop.customer,
    input: { shippingAddress: ADDRESS },
  });
  await addCartLine(db.prisma, {
    actor: shop.customer,
    cartId: cart.id,
    input: { variantId: shop.small.id, quantity: 2, fulfillment: "SHIP" },
  });
  await addCartLine(db.prisma, {
    actor: shop.customer,
    cartId: cart.id,
    input: {
      variantId: shop.medium.id,
      quantity: 1,
      fulfillment: "PICKUP",
      locationId: shop.store.id,
    },
  });
  const result = await placeOrder(db.prisma, {
    actor: shop.customer,
    cartId: cart.id,
    idempotencyKey: key,
    input: { tenders: [{ kind: "card", token: VISA }] },
    providers,
  });
  if (result.outcome !== "placed") throw new Error(`not placed: ${result.outcome}`);
  return db.prisma.order.findUniqueOrThrow({
    where: { id: result.order.id },
    include: { lines: { orderBy: { id: "asc" } } },
  });
}

async function placeTillSale(key: string) {
  const cart = await createCart(db.prisma, {
    actor: shop.associate,
    input: { locationId: shop.store.id, registerId: shop.register.id },
  });
  await addCartLine(db.prisma, {
    actor: shop.associate,
    cartId: cart.id,
    input: { variantId: shop.medium.id, quantity: 1, fulfillment: "CARRY_OUT" },
  });
  const result = await placeOrder(db.prisma, {
    actor: shop.associate,
    cartId: cart.id,
    idempotencyKey: key,
    input: { tenders: [{ kind: "cash", tenderedMinor: 5000 }] },
    providers,
  });
  if (result.outcome !== "placed") throw new Error(`not placed: ${result.outcome}`);
  return result.order;
}

function send(options: { now?: Date; via?: MailTransport } = {}) {
  return sendDueEmails(db.prisma, {
    transport: options.via ?? transport,
    from: FROM,
    now: options.now,
  });
}

describe("order confirmation", () => {
  it("emails a storefront order once, with its lines, fulfillments, totals and status link", async () => {
    const order = await placeWebOrder("confirm-1");
    await dispatchAll();

    const queued = await db.prisma.emailMessage.findMany();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: "order_confirmation",
      toAddress: shop.customer.kind === "customer" ? shop.customer.email : "",
      status: "PENDING",
    });

    expect(await send()).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    const parsed = mail?.parsed;
    expect(mail?.envelopeTo).toEqual([queued[0]?.toAddress]);
    expect(parsed?.subject).toBe(`Your Northwind Goods order ${order.number}`);
    expect(parsed?.from?.text).toContain("shop@northwind.test");

    // The lines as the receipt shows them: quantity, title, how each is
    // handed over, and the money, in the text and the HTML alike.
    const text = parsed?.text ?? "";
    const html = typeof parsed?.html === "string" ? parsed.html : "";
    const shipped = order.lines.find((l) => l.sku === shop.small.sku);
    const collected = order.lines.find((l) => l.sku === shop.medium.sku);
    expect(shipped?.quantity).toBe(2);
    expect(text).toMatch(new RegExp(`2 x Organic Tee — S +${escapeRegExp(money(4000))}`));
    expect(text).toContain(`${shop.small.sku} · Delivery`);
    expect(text).toMatch(new RegExp(`1 x Organic Tee — M +${escapeRegExp(money(2500))}`));
    expect(text).toContain(`${shop.medium.sku} · Collect at ${shop.store.name}`);
    expect(text).toMatch(
      new RegExp(`Delivery +${escapeRegExp(money(order.shippingMinor))}`),
    );
    expect(text).toMatch(new RegExp(`Total +${escapeRegExp(money(order.totalMinor))}`));
    expect(order.totalMinor).toBe(4000 + 2500 + order.shippingMinor);
    expect(collected?.totalMinor).toBe(2500);
    expect(html).toContain(`${shop.small.sku} · Delivery`);
    expect(html).toContain(`Collect at ${shop.store.name}`);
    expect(html).toContain(money(order.totalMinor));

    // The signed status link names this order, and an edited one does not.
    const token = text.match(/https:\/\/shop\.test\/orders\/([\w.-]+)/)?.[1] ?? "";
    expect(orderIdFromStatusToken(token, SECRET)).toBe(order.id);
    expect(orderIdFromStatusToken(`${token}x`, SECRET)).toBeNull();
    expect(html).toContain(`${PUBLIC_URL}/orders/${token}`);

    // The barcode travels as an inline image, not a data: URL.
    expect(parsed?.attachments.some((a) => a.contentType === "image/png" && a.cid)).toBe(
      true,
    );
    expect(html).not.toContain("data:image");
    expect(html).toMatch(/<img src="cid:[^"]+" alt="Barcode of order/);
  });

  it("writes no second email when the same event is handed on again", async () => {
    const order = await placeWebOrder("confirm-replay");
    await dispatchAll();
    await send();
    const event = await db.prisma.outboxEvent.findFirstOrThrow({
      where: { type: "order.placed", aggregateId: order.id },
    });

    // As after a crash between delivery and the dispatched mark.
    await db.prisma.outboxEvent.update({
      where: { id: event.id },
      data: { dispatchedAt: null },
    });
    await dispatchAll();
    await send();

    expect(await db.prisma.emailMessage.count()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(
      await db.prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } }),
    ).toMatchObject({ dispatchedAt: expect.any(Date), attempts: 0 });
  });

  it("emails nothing for a till sale unless asked", async () => {
    await placeTillSale("till-quiet");
    await dispatchAll();
    expect(await db.prisma.emailMessage.count()).toBe(0);
  });
});

describe("sending", () => {
  it("records each failed attempt while SMTP is down, and sends at the next try", async () => {
    await placeWebOrder("smtp-down");
    await dispatchAll();
    const down = createSmtpTransport(await deadSmtpUrl());
    const now = new Date();

    const first = await send({ via: down, now });
    // Not due again until its retry time, whoever asks.
    const tooSoon = await send({ now: new Date(now.getTime() + 30_000) });
    const later = await send({ now: new Date(now.getTime() + 61_000) });
    down.close();

    expect(first).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    expect(tooSoon.claimed).toBe(0);
    expect(later).toMatchObject({ claimed: 1, sent: 1 });
    const email = await db.prisma.emailMessage.findFirstOrThrow({
      include: { attemptLog: { orderBy: { number: "asc" } } },
    });
    expect(email).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(email.attemptLog.map((a) => [a.number, a.outcome])).toEqual([
      [1, "RETRY"],
      [2, "SENT"],
    ]);
    expect(email.attemptLog[0]?.detail).toMatch(/ECONNREFUSED|connect/i);
    expect(email.attemptLog[0]?.retryAt?.getTime()).toBe(now.getTime() + 60_000);
    expect(email.attemptLog[1]?.detail).toMatch(/^250/);
    expect(smtp.received).toHaveLength(1);
  });

  it("gives up at once on a recipient the server refuses for good", async () => {
    const sale = await placeTillSale("refused");
    smtp.refuse.add("nobody@refused.test");
    await requestReceiptEmail(db.prisma, {
      actor: shop.associate,
      input: { orderNumber: sale.number, email: "Nobody@Refused.test" },
    });
    await dispatchAll();

    expect(await send()).toMatchObject({ claimed: 1, failed: 1 });
    const email = await db.prisma.emailMessage.findFirstOrThrow({
      include: { attemptLog: true },
    });
    expect(email).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(email.lastError).toMatch(/550/);
    expect(await send({ now: new Date(Date.now() + 86_400_000) })).toMatchObject({
      claimed: 0,
    });

    // The mailbox is put right; an owner sends it again, once.
    smtp.refuse.delete("nobody@refused.test");
    await expect(
      resendEmail(db.prisma, { actor: shop.associate, input: { emailId: email.id } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await resendEmail(db.prisma, { actor: owner, input: { emailId: email.id } });
    expect(await send()).toMatchObject({ claimed: 1, sent: 1 });
    expect(
      await db.prisma.emailMessage.findUniqueOrThrow({
        where: { id: email.id },
        include: { attemptLog: { orderBy: { number: "asc" } } },
      }),
    ).toMatchObject({
      status: "SENT",
      attempts: 2,
      attemptLog: [{ outcome: "FAILED" }, { outcome: "SENT" }],
    });
    await expect(
      resendEmail(db.prisma, { actor: owner, input: { emailId: email.id } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      resendEmail(db.prisma, { actor: owner, input: { emailId: "not-a-uuid" } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("holds emails while SMTP is not configured, and sends them once it is", async () => {
    const unconfigured = createEmailSubscriber({
      secret: SECRET,
      publicUrl: PUBLIC_URL,
      isSmtpConfigured: false,
    });
    await placeWebOrder("held");
    for (;;) {
      const result = await dispatchOutboxBatch(db.prisma, {
        subscribers: [unconfigured],
      });
      if (result.claimed === 0) break;
    }
    expect(await db.prisma.emailMessage.findFirstOrThrow()).toMatchObject({
      status: "HELD",
      attempts: 0,
    });

    expect(await send()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it("sends from the running app: committed order, dispatcher, sender, SMTP", async () => {
    const runtime = await createEventsRuntime({
      target: { kind: "postgres", url: db.url },
      db: db.prisma,
      hasRealtime: false,
      hasDispatcher: true,
      subscribers: [subscriber],
      mailSender: createMailSender({
        db: db.prisma,
        config: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC_URL, problem: null },
        pollIntervalMs: null,
      }),
      pollIntervalMs: null,
    });
    try {
      const order = await placeWebOrder("live");
      await smtp.waitFor(1);
      expect(smtp.received[0]?.parsed.subject).toContain(order.number);
    } finally {
      await runtime.stop();
    }
  });
});

describe("fulfillment news", () => {
  it("tells the shopper once where to collect, and when a parcel has left", async () => {
    await db.prisma.location.update({
      where: { id: shop.store.id },
      data: { pickupHours: { mon: { opens: "09:00", closes: "17:30" } } },
    });
    const order = await placeWebOrder("fulfillment-news");
    const fulfillments = await db.prisma.fulfillment.findMany({
      where: { orderId: order.id },
    });
    const pickup = fulfillments.find((f) => f.method === "PICKUP");
    const parcel = fulfillments.find((f) => f.method === "SHIP");
    if (!pickup || !parcel) throw new Error("expected a pickup and a parcel");
    const advance = async (
      fulfillmentId: string,
      steps: ("PICKING" | "PACKED" | "READY_FOR_PICKUP" | "SHIPPED")[],
    ) => {
      for (const to of steps) {
        await advanceFulfillment(db.prisma, {
          actor: owner,
          fulfillmentId,
          to,
          providers,
          ...(to === "SHIPPED"
            ? { carrier: "Royal Mail", trackingNumber: "RM123456GB" }
            : {}),
        });
      }
    };
    await advance(pickup.id, ["PICKING", "PACKED", "READY_FOR_PICKUP"]);
    await advance(parcel.id, ["PICKING", "PACKED", "SHIPPED"]);
    await dispatchAll();
    // Replayed: the same events write nothing more.
    await db.prisma.outboxEvent.updateMany({
      where: { type: { startsWith: "fulfillment." } },
      data: { dispatchedAt: null },
    });
    await dispatchAll();
    await send();

    const kinds = (await db.prisma.emailMessage.findMany()).map((e) => e.kind).sort();
    expect(kinds).toEqual(["order_confirmation", "pickup_ready", "shipped"]);
    const bySubject = new Map(
      smtp.received.map((m) => [m.parsed.subject ?? "", m.parsed]),
    );
    const ready = bySubject.get(
      `Ready to collect: order ${order.number} at ${shop.store.name}`,
    );
    expect(ready?.text).toContain("1 x Organic Tee — M");
    expect(ready?.text).toContain("1 High Street, Leeds, LS1 1AA");
    expect(ready?.text).toContain("Collection hours: Mon 09:00–17:30.");
    expect(ready?.text).toContain("It is paid for");
    expect(ready?.text).toContain(`${PUBLIC_URL}/orders/`);
    const shipped = bySubject.get(`On its way: order ${order.number}`);
    expect(shipped?.text).toContain("(Royal Mail RM123456GB)");
    expect(shipped?.text).toContain("2 x Organic Tee — S");
  });
});

describe("racing", () => {
  it("sends each email once when two senders share the queue", async () => {
    const other = createPrismaClient({ kind: "postgres", url: db.url });
    try {
      await db.prisma.emailMessage.createMany({
        data: Array.from({ length: 24 }, (_, i) => ({
          dedupeKey: `race:${i}`,
          kind: "back_in_stock",
          eventId: BigInt(i + 1),
          toAddress: `racer-${i}@example.test`,
          subject: `Race ${i}`,
          html: "<p>race</p>",
          text: "race",
        })),
      });
      const otherTransport = createSmtpTransport(smtp.url);
      const drain = async (client: typeof db.prisma, via: MailTransport) => {
        let sent = 0;
        for (;;) {
          const result = await sendDueEmails(client, {
            transport: via,
            from: FROM,
            batchSize: 3,
          });
          sent += result.sent;
          if (result.claimed === 0) return sent;
        }
      };
      const [mine, theirs] = await Promise.all([
        drain(db.prisma, transport),
        drain(other, otherTransport),
      ]);
      otherTransport.close();

      expect(mine + theirs).toBe(24);
      const recipients = smtp.received.map((m) => m.envelopeTo[0]);
      expect(new Set(recipients).size).toBe(24);
      expect(recipients).toHaveLength(24);
      expect(await db.prisma.emailAttempt.count({ where: { outcome: "SENT" } })).toBe(24);
    } finally {
      await other.$disconnect();
    }
  });

  it("tells a waiting shopper once when stock returns at two places at once", async () => {
    const other = createPrismaClient({ kind: "postgres", url: db.url });
    try {
      await requestBackInStock(db.prisma, {
        actor: { kind: "guest" },
        input: { variantId: shop.medium.id, email: "eager@example.test" },
      });
      await dispatchAll();
      // The store ships too: stock at either place makes delivery possible.
      await receive(db.prisma, shop.medium.id, shop.warehouse.id, 1);
      await receive(db.prisma, shop.medium.id, shop.store.id, 1);
      // Two dispatchers drain the outbox an event at a time, side by side,
      // so the two level changes are likely handed on at once.
      await Promise.all(
        [db.prisma, other].map(async (client) => {
          for (;;) {
            const result = await dispatchOutboxBatch(client, {
              subscribers: [subscriber],
              batchSize: 1,
            });
            if (result.claimed === 0) return;
          }
        }),
      );

      const emails = await db.prisma.emailMessage.findMany({
        where: { toAddress: "eager@example.test" },
      });
      expect(emails).toHaveLength(1);
    } finally {
      await other.$disconnect();
    }
  });
});

describe("till receipt by email", () => {
  it("queues the sale's receipt to the address given, greeting no stranger by name", async () => {
    const sale = await placeTillSale("till-email");
    const answer = await requestReceiptEmail(db.prisma, {
      actor: shop.associate,
      input: { orderNumber: sale.number.toLowerCase(), email: " Walk.In@Example.test " },
    });
    expect(answer).toEqual({ orderNumber: sale.number, email: "walk.in@example.test" });
    await dispatchAll();
    await send();

    const mail = smtp.received[0]?.parsed;
    expect(mail?.subject).toBe(`Your receipt from Northwind Goods (${sale.number})`);
    expect(mail?.text).toContain("Hello,\n");
    expect(mail?.text).toContain("Taken today");
    expect(mail?.text).toMatch(new RegExp(`Cash +${escapeRegExp(money(5000))}`));
    expect(mail?.text).toMatch(new RegExp(`Change +${escapeRegExp(money(2500))}`));
    const audit = await db.prisma.auditEntry.findFirst({
      where: { action: "receipt.email_requested", entityId: sale.id },
    });
    expect(audit).not.toBeNull();
  });

  it("refuses a bad address, another store's associate and a web order", async () => {
    const sale = await placeTillSale("till-refusals");
    await expect(
      requestReceiptEmail(db.prisma, {
        actor: shop.associate,
        input: { orderNumber: sale.number, email: "not-an-email" },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { email: ["Enter an email address like name@example.com."] },
    });
    const elsewhere = { ...shop.associate, locationIds: [shop.otherStore.id] };
    await expect(
      requestReceiptEmail(db.prisma, {
        actor: elsewhere,
        input: { orderNumber: sale.number, email: "a@b.test" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const web = await placeWebOrder("web-not-till");
    await expect(
      requestReceiptEmail(db.prisma, {
        actor: shop.associate,
        input: { orderNumber: web.number, email: "a@b.test" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      requestReceiptEmail(db.prisma, {
        actor: shop.associate,
        input: { orderNumber: "OT-NOSUCH", email: "a@b.test" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("back in stock", () => {
  it("emails each waiting shopper once, when stock returns where they want it", async () => {
    const guest = { kind: "guest" as const };
    await requestBackInStock(db.prisma, {
      actor: guest,
      input: { variantId: shop.mug.id, email: "post@example.test" },
    });
    await requestBackInStock(db.prisma, {
      actor: guest,
      input: {
        variantId: shop.mug.id,
        email: "collect@example.test",
        locationId: shop.otherStore.id,
      },
    });
    await dispatchAll();
    expect(await db.prisma.emailMessage.count()).toBe(0);

    // Back at the warehouse: delivery is possible again, collection is not.
    await receive(db.prisma, shop.mug.id, shop.warehouse.id, 3);
    await dispatchAll();
    expect(
      (await db.prisma.emailMessage.findMany()).map((e) => [e.kind, e.toAddress]),
    ).toEqual([["back_in_stock", "post@example.test"]]);

    // More arrives at the warehouse, and some at the collection store.
    await receive(db.prisma, shop.mug.id, shop.warehouse.id, 2);
    await receive(db.prisma, shop.mug.id, shop.otherStore.id, 1);
    await dispatchAll();
    await send();

    const emails = await db.prisma.emailMessage.findMany({
      orderBy: { toAddress: "asc" },
    });
    expect(emails.map((e) => [e.toAddress, e.status])).toEqual([
      ["collect@example.test", "SENT"],
      ["post@example.test", "SENT"],
    ]);
    const byRecipient = new Map(smtp.received.map((m) => [m.envelopeTo[0], m.parsed]));
    expect(byRecipient.size).toBe(2);
    expect(byRecipient.get("post@example.test")?.subject).toBe(
      "Back in stock: Organic Tee (One size)",
    );
    expect(byRecipient.get("post@example.test")?.text).toContain(
      `${PUBLIC_URL}/products/${shop.product.handle}`,
    );
    expect(byRecipient.get("collect@example.test")?.text).toContain(
      `collect it at ${shop.otherStore.name}`,
    );
    const requests = await db.prisma.backInStockRequest.findMany();
    expect(requests.every((r) => r.notifiedAt !== null)).toBe(true);

    // Asking again re-arms the request: the next return emails again.
    await requestBackInStock(db.prisma, {
      actor: guest,
      input: { variantId: shop.mug.id, email: "post@example.test" },
    });
    await receive(db.prisma, shop.mug.id, shop.warehouse.id, 1);
    await dispatchAll();
    expect(await db.prisma.emailMessage.count()).toBe(3);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("back-office list", () => {
  it("shows owners every email with its attempts and the count per status", async () => {
    await placeWebOrder("listed");
    await dispatchAll();
    const down = createSmtpTransport(await deadSmtpUrl());
    await send({ via: down });
    down.close();

    const list = await listEmails(db.prisma, owner, { status: "PENDING", page: "1" });

    expect(list.byStatus).toEqual({ PENDING: 1, HELD: 0, SENT: 0, FAILED: 0 });
    expect(list.emails).toHaveLength(1);
    expect(list.emails[0]?.attemptLog.map((a) => a.outcome)).toEqual(["RETRY"]);
    const unread = await listEmails(db.prisma, owner, { status: "nonsense", page: "-3" });
    expect(unread).toMatchObject({ status: null, page: 1, total: 1 });
    await expect(listEmails(db.prisma, shop.associate, {})).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
