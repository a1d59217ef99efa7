/**
 * Benchmark of shoppers' email on a fresh PostgreSQL database, with a real
 * SMTP server (smtp-server) in the same process as the outermost stand-in:
 *
 * 1. What the email subscriber adds to dispatching: the order.placed events
 *    of ORDERS storefront orders handed on with no subscriber (the floor:
 *    claim and mark), then again with the email subscriber, which loads each
 *    order's receipt, draws its barcode as a PNG, renders HTML and text and
 *    queues the email, in the dispatcher's transaction.
 * 2. How fast the sender drains the queue into the SMTP server, with one
 *    sender and with two sharing the queue.
 *
 * It asserts nothing about time; it checks that every order got exactly one
 * email and every email went once. Run: npx tsx tests/bench/email.bench.ts
 */
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";
import { addCartLine } from "../../lib/checkout/change-cart-lines";
import { createCart } from "../../lib/checkout/create-cart";
import { placeOrder } from "../../lib/checkout/place-order";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { connectPostgres } from "../../lib/db/sql";
import { createEmailSubscriber } from "../../lib/email/email-subscriber";
import { sendDueEmails } from "../../lib/email/send-due-emails";
import { createSmtpTransport } from "../../lib/email/smtp-transport";
import { dispatchOutboxBatch } from "../../lib/events/dispatcher";
import type { OutboxSubscriber } from "../../lib/events/subscribers";
import { testServerUrl, withDatabase } from "../../scripts/lib/test-database";
import {
  ADDRESS,
  createShop,
  receive,
  testProviders,
  VISA,
} from "../integration/checkout/shop";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 300);

async function placeOrders(prisma: PrismaClient) {
  const shop = await createShop(prisma);
  await receive(prisma, shop.small.id, shop.warehouse.id, ORDERS * 2);
  await receive(prisma, shop.medium.id, shop.store.id, ORDERS);
  const { providers } = testProviders();
  for (let i = 0; i < ORDERS; i += 1) {
    const cart = await createCart(prisma, {
      actor: shop.customer,
      input: { shippingAddress: ADDRESS },
    });
    await addCartLine(prisma, {
      actor: shop.customer,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 2, fulfillment: "SHIP" },
    });
    await addCartLine(prisma, {
      actor: shop.customer,
      cartId: cart.id,
      input: {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
    });
    const result = await placeOrder(prisma, {
      actor: shop.customer,
      cartId: cart.id,
      idempotencyKey: `bench-${i}`,
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });
    if (result.outcome !== "placed") throw new Error(`order ${i}: ${result.outcome}`);
  }
}

/** Hands on every order.placed event; the seconds it took. */
async function dispatchOrders(
  prisma: PrismaClient,
  subscribers: readonly OutboxSubscriber[],
): Promise<number> {
  await prisma.outboxEvent.updateMany({ data: { dispatchedAt: new Date(0) } });
  await prisma.outboxEvent.updateMany({
    where: { type: "order.placed" },
    data: { dispatchedAt: null },
  });
  const started = performance.now();
  for (;;) {
    const result = await dispatchOutboxBatch(prisma, { subscribers });
    if (result.failed > 0) throw new Error("an event failed");
    if (result.claimed === 0) break;
  }
  return (performance.now() - started) / 1000;
}

async function startSmtp() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // The stand-in has no DNS to ask: a reverse look-up of each client only waits.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Drains the queue with `senders` senders side by side; the seconds it took. */
async function drainQueue(
  url: string,
  smtpUrl: string,
  senders: number,
): Promise<number> {
  const clients = Array.from({ length: senders }, () =>
    createPrismaClient({ kind: "postgres", url }),
  );
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      const transport = createSmtpTransport(smtpUrl);
      try {
        for (;;) {
          const result = await sendDueEmails(client, {
            transport,
            from: "bench@shop.test",
          });
          if (result.retrying + result.failed > 0) throw new Error("a send failed");
          if (result.claimed === 0) return;
        }
      } finally {
        transport.close();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.$disconnect()));
  return seconds;
}

const rate = (count: number, seconds: number) => `${(count / seconds).toFixed(0)}/s`;

async function main() {
  const server = await testServerUrl();
  await withDatabase(server, `omnitill_bench_email_${process.pid}`, async (url) => {
    const sql = await connectPostgres(url);
    await applyMigrations(sql, { log: { info: () => undefined, warn: () => undefined } });
    await sql.close();
    const prisma = createPrismaClient({ kind: "postgres", url });
    const smtp = await startSmtp();
    try {
      await placeOrders(prisma);
      const subscriber = createEmailSubscriber({
        secret: "bench-secret",
        publicUrl: "https://shop.example",
        isSmtpConfigured: true,
      });

      const floor = await dispatchOrders(prisma, []);
      const withEmail = await dispatchOrders(prisma, [subscriber]);
      const queued = await prisma.emailMessage.count();
      if (queued !== ORDERS) throw new Error(`${queued} emails for ${ORDERS} orders`);
      const sizes = await prisma.$queryRaw<{ html: number; text: number }[]>`
        SELECT avg(length(html))::int AS html, avg(length(text))::int AS text
        FROM "EmailMessage"`;

      const oneSender = await drainQueue(url, smtp.url, 1);
      await prisma.emailMessage.updateMany({
        data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(0) },
      });
      await prisma.emailAttempt.deleteMany();
      const twoSenders = await drainQueue(url, smtp.url, 2);
      if (smtp.received() !== ORDERS * 2)
        throw new Error(`${smtp.received()} received for ${ORDERS * 2} sends`);

      const extraMs = ((withEmail - floor) * 1000) / ORDERS;
      console.log(
        `orders: ${ORDERS}, email size: html ${sizes[0]?.html} chars, text ${sizes[0]?.text}`,
      );
      console.log(
        `dispatch order.placed, no subscriber: ${floor.toFixed(2)} s (${rate(ORDERS, floor)})`,
      );
      console.log(
        `dispatch with the email subscriber: ${withEmail.toFixed(2)} s ` +
          `(${rate(ORDERS, withEmail)}), ${extraMs.toFixed(1)} ms more per order`,
      );
      console.log(
        `send to SMTP, one sender: ${oneSender.toFixed(2)} s (${rate(ORDERS, oneSender)}); ` +
          `two senders: ${twoSenders.toFixed(2)} s (${rate(ORDERS, twoSenders)})`,
      );
    } finally {
      await smtp.close();
      await prisma.$disconnect();
    }
  });
}

await main();
