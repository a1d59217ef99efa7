import { beforeAll, describe, expect, it } from "vitest";
import { verifySecret } from "@/lib/auth/password";
import { listCustomerOrders } from "@/lib/customers/list-customer-orders";
import {
  deleteCustomerAddress,
  saveCustomerAddress,
} from "@/lib/customers/save-customer-address";
import { confirmAccountClaim, signUpCustomer } from "@/lib/customers/sign-up-customer";
import { updateCustomerProfile } from "@/lib/customers/update-customer-profile";
import { verifyCustomerSignIn } from "@/lib/customers/verify-customer-sign-in";
import { requestBackInStock } from "@/lib/storefront/request-back-in-stock";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createClothingShop } from "./fixtures";

const SECRET = "integration-secret-0123456789abcdef";
const PASSWORD = "violet-harbour-lantern";
const GUEST = { kind: "guest" as const };

let db: TestDatabase;
let shop: Awaited<ReturnType<typeof createClothingShop>>;

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createClothingShop(db.prisma);
});

function newShopper(email: string) {
  return { firstName: "Ada", lastName: "Lovelace", email, password: PASSWORD };
}

async function confirmationPath(customerId: string): Promise<string> {
  const event = await db.prisma.outboxEvent.findFirstOrThrow({
    where: { type: "customers.account_confirmation_requested", aggregateId: customerId },
    orderBy: { id: "desc" },
  });
  return String((event.payload as { confirmPath: string }).confirmPath);
}

describe("signing up", () => {
  it("opens an account for a new email and lets the shopper sign in", async () => {
    const result = await signUpCustomer(db.prisma, {
      input: newShopper("Ada@Example.com"),
      secret: SECRET,
    });
    expect(result).toMatchObject({ status: "created", email: "ada@example.com" });
    const actor = await verifyCustomerSignIn(db.prisma, {
      email: "ada@example.com",
      password: PASSWORD,
    });
    expect(actor.kind).toBe("customer");
    const audit = await db.prisma.auditEntry.count({
      where: { action: "customer.signed_up", entityType: "Customer" },
    });
    expect(audit).toBe(1);
  });

  it("refuses a second account for the same email", async () => {
    await expect(
      signUpCustomer(db.prisma, { input: newShopper("ada@example.com"), secret: SECRET }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a weak password and a missing name, field by field, writing nothing", async () => {
    const before = await db.prisma.customer.count();
    await expect(
      signUpCustomer(db.prisma, {
        input: {
          ...newShopper("weak@example.com"),
          firstName: " ",
          password: "password1",
        },
        secret: SECRET,
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { firstName: expect.any(Array), password: expect.any(Array) },
    });
    expect(await db.prisma.customer.count()).toBe(before);
  });

  it("asks a shopper known from the till to confirm by email, then sets the password once", async () => {
    const walkIn = await db.prisma.customer.create({
      data: { email: "walk.in@example.com", firstName: "Walk", lastName: "In" },
    });
    const result = await signUpCustomer(db.prisma, {
      input: newShopper("walk.in@example.com"),
      secret: SECRET,
    });
    expect(result).toEqual({ status: "confirm_by_email", email: "walk.in@example.com" });
    // Nothing is taken over until the emailed link is used.
    const untouched = await db.prisma.customer.findUniqueOrThrow({
      where: { id: walkIn.id },
    });
    expect(untouched.passwordHash).toBeNull();

    const token = new URL(await confirmationPath(walkIn.id), "http://x").searchParams.get(
      "token",
    ) as string;
    const confirmed = await confirmAccountClaim(db.prisma, {
      token,
      password: PASSWORD,
      secret: SECRET,
    });
    expect(confirmed.customerId).toBe(walkIn.id);
    const row = await db.prisma.customer.findUniqueOrThrow({ where: { id: walkIn.id } });
    expect(await verifySecret(row.passwordHash, PASSWORD)).toBe(true);

    await expect(
      confirmAccountClaim(db.prisma, { token, password: PASSWORD, secret: SECRET }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an expired or altered confirmation link", async () => {
    const known = await db.prisma.customer.create({
      data: { email: "known@example.com", firstName: "Known", lastName: "Shopper" },
    });
    const longAgo = new Date(Date.now() - 3 * 86_400_000);
    await signUpCustomer(db.prisma, {
      input: newShopper("known@example.com"),
      secret: SECRET,
      now: longAgo,
    });
    const token = new URL(await confirmationPath(known.id), "http://x").searchParams.get(
      "token",
    ) as string;
    await expect(
      confirmAccountClaim(db.prisma, { token, password: PASSWORD, secret: SECRET }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      confirmAccountClaim(db.prisma, {
        token: `${token}x`,
        password: PASSWORD,
        secret: SECRET,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("profile and addresses", () => {
  async function account(email: string) {
    const created = await signUpCustomer(db.prisma, {
      input: newShopper(email),
      secret: SECRET,
    });
    if (created.status !== "created") throw new Error("expected a new account");
    return {
      id: created.customerId,
      actor: { kind: "customer" as const, id: created.customerId, email },
    };
  }

  const address = {
    name: "Ada Lovelace",
    line1: "12 St James's Square",
    city: "London",
    postalCode: "sw1y4jh",
  };

  it("updates the shopper's own details and audits before and after", async () => {
    const me = await account("profile@example.com");
    await updateCustomerProfile(db.prisma, {
      actor: me.actor,
      customerId: me.id,
      input: { firstName: "Augusta", lastName: "King", phone: "", marketingOptIn: true },
    });
    const row = await db.prisma.customer.findUniqueOrThrow({ where: { id: me.id } });
    expect(row).toMatchObject({
      firstName: "Augusta",
      phone: null,
      marketingOptIn: true,
    });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "customer.profile_updated", entityId: me.id },
    });
    expect(entry.before).toMatchObject({ firstName: "Ada" });
  });

  it("keeps exactly one default address and tidies the postcode", async () => {
    const me = await account("addresses@example.com");
    const home = await saveCustomerAddress(db.prisma, {
      actor: me.actor,
      customerId: me.id,
      input: { ...address, label: "Home" },
    });
    expect(home).toMatchObject({
      isDefault: true,
      postalCode: "SW1Y 4JH",
      country: "GB",
    });

    const work = await saveCustomerAddress(db.prisma, {
      actor: me.actor,
      customerId: me.id,
      input: { ...address, label: "Work", isDefault: true },
    });
    const rows = await db.prisma.customerAddress.findMany({
      where: { customerId: me.id },
    });
    expect(rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([work.id]);

    await deleteCustomerAddress(db.prisma, {
      actor: me.actor,
      customerId: me.id,
      addressId: work.id,
    });
    const left = await db.prisma.customerAddress.findMany({
      where: { customerId: me.id },
    });
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: home.id, isDefault: true });
  });

  it("keeps one default when two saves race", async () => {
    const me = await account("race@example.com");
    await Promise.all(
      ["A", "B", "C"].map((label) =>
        saveCustomerAddress(db.prisma, {
          actor: me.actor,
          customerId: me.id,
          input: { ...address, label, isDefault: true },
        }),
      ),
    );
    const rows = await db.prisma.customerAddress.findMany({
      where: { customerId: me.id },
    });
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.isDefault)).toHaveLength(1);
  });

  it("will not let one shopper edit or remove another's address", async () => {
    const owner = await account("owner@example.com");
    const other = await account("other@example.com");
    const saved = await saveCustomerAddress(db.prisma, {
      actor: owner.actor,
      customerId: owner.id,
      input: address,
    });
    await expect(
      saveCustomerAddress(db.prisma, {
        actor: other.actor,
        customerId: other.id,
        input: { ...address, id: saved.id, line1: "Taken over" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deleteCustomerAddress(db.prisma, {
        actor: other.actor,
        customerId: other.id,
        addressId: saved.id,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses an address without a first line or town, naming the fields", async () => {
    const me = await account("bad-address@example.com");
    await expect(
      saveCustomerAddress(db.prisma, {
        actor: me.actor,
        customerId: me.id,
        input: { ...address, line1: "", city: "" },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { line1: expect.any(Array), city: expect.any(Array) },
    });
  });
});

describe("order history", () => {
  it("lists online orders and till purchases together, newest first, without unpaid ones", async () => {
    const customer = await db.prisma.customer.create({
      data: { email: "history@example.com", firstName: "His", lastName: "Tory" },
    });
    const order = (number: string, channel: "WEB" | "POS", status: string, day: number) =>
      db.prisma.order.create({
        data: {
          number,
          channel,
          status: status as "PLACED",
          customerId: customer.id,
          currency: "GBP",
          subtotalMinor: 1000,
          totalMinor: 1000,
          placedAt: new Date(Date.UTC(2026, 10, day)),
          locationId: channel === "POS" ? shop.locations.leeds.id : null,
        },
      });
    await order("OT-HIST22", "WEB", "CAPTURED", 1);
    await order("OT-HIST33", "POS", "COMPLETED", 5);
    await order("OT-HIST44", "WEB", "PENDING_PAYMENT", 7);

    const orders = await listCustomerOrders(db.prisma, { customerId: customer.id });
    expect(orders.map((o) => [o.number, o.channel])).toEqual([
      ["OT-HIST33", "POS"],
      ["OT-HIST22", "WEB"],
    ]);
    expect(orders[0]?.location?.name).toBe("STR-LDS");
  });
});

describe("back in stock requests", () => {
  it("stores one request per shopper and variant, and clears the sent mark when asked again", async () => {
    const variant = shop.products.jumper.variants[1];
    if (!variant) throw new Error("fixture");
    const input = { variantId: variant.id, email: "Wait@Example.com" };
    const first = await requestBackInStock(db.prisma, { actor: GUEST, input });
    await db.prisma.backInStockRequest.update({
      where: { id: first.id },
      data: { notifiedAt: new Date() },
    });
    const again = await requestBackInStock(db.prisma, {
      actor: GUEST,
      input: { ...input, locationId: shop.locations.york.id },
    });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({
      email: "wait@example.com",
      notifiedAt: null,
      locationId: shop.locations.york.id,
    });
    const events = await db.prisma.outboxEvent.count({
      where: { type: "customers.back_in_stock_requested", aggregateId: first.id },
    });
    expect(events).toBe(2);
  });

  it("keeps one request when the same shopper asks twice at once", async () => {
    const variant = shop.products.tee.variants[1];
    if (!variant) throw new Error("fixture");
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        requestBackInStock(db.prisma, {
          actor: GUEST,
          input: { variantId: variant.id, email: "twice@example.com" },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(
      await db.prisma.backInStockRequest.count({
        where: { variantId: variant.id, email: "twice@example.com" },
      }),
    ).toBe(1);
  });

  it("refuses a draft product's variant, an unknown store and a bad email", async () => {
    const draft = shop.products.draft.variants[0];
    if (!draft) throw new Error("fixture");
    await expect(
      requestBackInStock(db.prisma, {
        actor: GUEST,
        input: { variantId: draft.id, email: "a@example.com" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const variant = shop.products.jumper.variants[0];
    if (!variant) throw new Error("fixture");
    await expect(
      requestBackInStock(db.prisma, {
        actor: GUEST,
        input: {
          variantId: variant.id,
          email: "a@example.com",
          locationId: shop.locations.warehouse.id,
        },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      requestBackInStock(db.prisma, {
        actor: GUEST,
        input: { variantId: variant.id, email: "not-an-email" },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { email: expect.any(Array) },
    });
  });
});
