import type { Prisma } from "../generated/client";
import type { FulfillmentMethod, SalesChannel } from "../generated/enums";
import type { VariantInfo } from "./build-catalog";
import type { SeedLocation, StockBook } from "./build-stock";
import type { CustomerSpec, DemoAddress, StaffSpec } from "./people";
import { SeededRandom, seedId } from "./random";
import { daysBefore, minutesAfter, SEED_EPOCH } from "./time";

export interface SeedStaff {
  id: string;
  spec: StaffSpec;
}

export interface SeedCustomer {
  id: string;
  spec: CustomerSpec;
}

export interface SeedRegister {
  id: string;
  locationCode: string;
  name: string;
}

export interface OrderData {
  orders: Prisma.OrderCreateManyInput[];
  fulfillments: Prisma.FulfillmentCreateManyInput[];
  orderLines: Prisma.OrderLineCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
}

interface OrderContext {
  seed: number;
  random: SeededRandom;
  variants: readonly VariantInfo[];
  locations: ReadonlyMap<string, SeedLocation>;
  staff: readonly SeedStaff[];
  registers: readonly SeedRegister[];
  book: StockBook;
  usedNumbers: Set<string>;
  out: OrderData;
}

interface PlannedOrder {
  channel: SalesChannel;
  placedAt: Date;
  customer: SeedCustomer | null;
  /** POS: the store; WEB pickup: the collection store. */
  storeCode: string | null;
  isPickup: boolean;
  isCancelled: boolean;
}

interface DraftLine {
  variant: VariantInfo;
  quantity: number;
  location: SeedLocation;
}

/** UK VAT at the standard rate, on tax-inclusive prices. */
const VAT_BASIS_POINTS = 2000;
const STANDARD_SHIPPING_MINOR = 495;
const EXPRESS_SHIPPING_MINOR = 695;
const FREE_SHIPPING_FROM_MINOR = 6000;
const SEASON_CODE = { code: "AUTUMN10", percent: 10 };
const STAFF_DISCOUNT = { name: "Staff discount", percent: 25 } as const;

/** No 0/O, 1/I/L or U/V pairs: order numbers are read out over the phone. */
const ORDER_NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

const TEST_CARDS = [
  { brand: "visa", last4: "4242" },
  { brand: "mastercard", last4: "4444" },
  { brand: "amex", last4: "0005" },
] as const;

const NORTHERN_CITIES = new Set(["Manchester", "Leeds", "Edinburgh", "Glasgow"]);

/** Counter sales (by plan index) that go to a named customer rather than a random one. */
const COUNTER_REGULARS: Readonly<Record<number, string>> = { 0: "freya", 4: "arjun" };
const NAMED_REGULARS = new Set(Object.values(COUNTER_REGULARS));

/** VAT contained in a tax-inclusive amount, rounded to the penny. */
export function vatIncluded(amountMinor: number): number {
  return Math.round((amountMinor * VAT_BASIS_POINTS) / (10000 + VAT_BASIS_POINTS));
}

/**
 * Splits an amount across weights so the parts sum exactly to it: each
 * part is rounded down, and the pennies left go to the largest remainders.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return weights.map(() => 0);

  const exact = weights.map((weight) => (amount * weight) / total);
  const parts = exact.map(Math.floor);
  let left = amount - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/**
 * A few weeks of trading: web orders shipped from the warehouses and the
 * dark store or collected in store, and counter sales at the stores and
 * the pop-up. Every unit that left a location is a SALE movement.
 */
export function buildOrders(options: {
  seed: number;
  variants: readonly VariantInfo[];
  locations: readonly SeedLocation[];
  staff: readonly SeedStaff[];
  customers: readonly SeedCustomer[];
  registers: readonly SeedRegister[];
  book: StockBook;
}): OrderData {
  const random = new SeededRandom(options.seed ^ 0x0bde75);
  const context: OrderContext = {
    seed: options.seed,
    random,
    variants: options.variants.filter((variant) => variant.isSellable),
    locations: new Map(
      options.locations.map((location) => [location.spec.code, location]),
    ),
    staff: options.staff,
    registers: options.registers,
    book: options.book,
    usedNumbers: new Set(),
    out: { orders: [], fulfillments: [], orderLines: [], payments: [] },
  };

  const plans = planOrders(random, options.customers);
  for (const [index, plan] of plans.entries()) {
    buildOrder(context, plan, index);
  }
  return context.out;
}

function planOrders(
  random: SeededRandom,
  customers: readonly SeedCustomer[],
): PlannedOrder[] {
  const plans: PlannedOrder[] = [];
  const online = customers.filter((customer) => customer.spec.email);

  // Every customer with an email has ordered online at least once.
  for (let i = 0; i < 18; i += 1) {
    const customer = online[i % online.length] as SeedCustomer;
    const day = random.int(2, Math.min(44, customer.spec.joinedDaysAgo - 1));
    plans.push({
      channel: "WEB",
      placedAt: daysBefore(day, random.int(7, 21), random.int(0, 59)),
      customer,
      storeCode: customer.spec.homeStore,
      isPickup: i % 4 === 3,
      isCancelled: i === 9,
    });
  }

  const counterStores = [
    "STR-LDN",
    "STR-MAN",
    "STR-LDN",
    "STR-EDI",
    "POP-KXC",
    "STR-MAN",
  ];
  for (let i = 0; i < 18; i += 1) {
    const storeCode = counterStores[i % counterStores.length] as string;
    // The pop-up has only been trading for the last five weeks.
    const day = random.int(1, storeCode === "POP-KXC" ? 36 : 44);
    const regulars = customers.filter(
      (c) =>
        !NAMED_REGULARS.has(c.spec.key) &&
        (storeCode === "POP-KXC" ? c.spec.isInLondon : c.spec.homeStore === storeCode),
    );
    // The staff shopper and the walk-in known by phone each have one counter sale.
    const known = customers.find((c) => c.spec.key === COUNTER_REGULARS[i]);
    const customer =
      known ?? (regulars.length && random.chance(0.45) ? random.pick(regulars) : null);
    plans.push({
      channel: "POS",
      placedAt: daysBefore(day, random.int(9, 17), random.int(0, 59)),
      customer,
      storeCode,
      isPickup: false,
      isCancelled: false,
    });
  }

  return plans.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
}

function shipFrom(context: OrderContext, customer: CustomerSpec): SeedLocation[] {
  const codes = customer.isInLondon
    ? ["DRK-LDN", "WH-MID", "WH-NTH"]
    : NORTHERN_CITIES.has(customer.address.city)
      ? ["WH-NTH", "WH-MID"]
      : ["WH-MID", "WH-NTH"];
  return codes.map((code) => context.locations.get(code) as SeedLocation);
}

/** Picks 1–3 distinct in-stock variants, each from the first location that has it. */
function pickLines(
  context: OrderContext,
  candidates: readonly SeedLocation[],
  respectSafetyStock: boolean,
): DraftLine[] {
  const { random, book } = context;
  const wanted = random.pick([1, 1, 1, 2, 2, 3]);
  const lines: DraftLine[] = [];

  for (let attempt = 0; attempt < 200 && lines.length < wanted; attempt += 1) {
    const variant = random.pick(context.variants);
    if (lines.some((line) => line.variant === variant)) continue;
    const quantity = variant.row.priceMinor < 2000 && random.chance(0.35) ? 2 : 1;

    const location = candidates.find((candidate) => {
      const level = book.levels.get(`${variant.row.id}|${candidate.id}`);
      const held = respectSafetyStock ? (level?.safetyStock ?? 0) : 0;
      return book.onHand(variant.row.id, candidate.id) - held >= quantity;
    });
    if (location) lines.push({ variant, quantity, location });
  }
  if (lines.length === 0) throw new Error("The demo stock ran out while building orders");
  return lines;
}

function orderNumber(context: OrderContext): string {
  for (;;) {
    const number = `OT-${context.random.string(ORDER_NUMBER_ALPHABET, 6)}`;
    if (!context.usedNumbers.has(number)) {
      context.usedNumbers.add(number);
      return number;
    }
  }
}

function staffAt(
  context: OrderContext,
  code: string,
  roles: readonly string[],
): SeedStaff {
  const here = context.staff.filter(
    (member) => member.spec.locations.includes(code) && roles.includes(member.spec.role),
  );
  return context.random.pick(here);
}

function trackingFor(context: OrderContext, carrier: string): string {
  const { random } = context;
  if (carrier === "Royal Mail") {
    return `${random.string("ABCDEFGHJKLMNPQRSTUVWXYZ", 2)}${random.string("0123456789", 9)}GB`;
  }
  if (carrier === "DPD") return `155${random.string("0123456789", 11)}`;
  return `OTX-${random.string(ORDER_NUMBER_ALPHABET, 8)}`;
}

interface Promotion {
  name: string;
  percent: number;
}

/** An order's money: integer pence, with lines that sum exactly to the total. */
interface OrderMoney {
  lineDiscounts: number[];
  lineTotals: number[];
  lineTaxes: number[];
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  isExpress: boolean;
}

function promotionFor(plan: PlannedOrder, index: number): Promotion | null {
  if (plan.channel === "POS" && plan.customer?.spec.groups.includes("staff")) {
    return STAFF_DISCOUNT;
  }
  if (plan.channel === "WEB" && index % 5 === 1) {
    return { name: `Code ${SEASON_CODE.code}`, percent: SEASON_CODE.percent };
  }
  return null;
}

function priceOrder(
  lines: readonly DraftLine[],
  promotion: Promotion | null,
  method: FulfillmentMethod,
): OrderMoney {
  const gross = lines.map((line) => line.quantity * line.variant.row.priceMinor);
  const subtotal = gross.reduce((sum, amount) => sum + amount, 0);
  const discount = promotion ? Math.round((subtotal * promotion.percent) / 100) : 0;
  const lineDiscounts = allocate(discount, gross);
  const lineTotals = gross.map((amount, i) => amount - (lineDiscounts[i] ?? 0));
  const lineTaxes = lineTotals.map(vatIncluded);

  const isShipped = method === "SHIP";
  const isExpress =
    isShipped && lines.every((l) => l.location.spec.kind === "DARK_STORE");
  const isFree = subtotal - discount >= FREE_SHIPPING_FROM_MINOR;
  const shipping = !isShipped
    ? 0
    : isExpress
      ? EXPRESS_SHIPPING_MINOR
      : isFree
        ? 0
        : STANDARD_SHIPPING_MINOR;

  return {
    lineDiscounts,
    lineTotals,
    lineTaxes,
    subtotal,
    discount,
    shipping,
    // Delivery charges carry VAT at the rate of the goods they deliver.
    tax: lineTaxes.reduce((sum, amount) => sum + amount, 0) + vatIncluded(shipping),
    total: subtotal - discount + shipping,
    isExpress,
  };
}

function carrierFor(group: readonly DraftLine[], location: SeedLocation): string {
  if (location.spec.kind === "DARK_STORE") return "Omnitill Courier";
  const grams = group.reduce((sum, l) => sum + (l.variant.row.weightGrams ?? 0), 0);
  return grams > 2000 ? "DPD" : "Royal Mail";
}

/**
 * One fulfillment per serving location, each with its own timeline, and a
 * SALE movement per line when its stock left: dispatched, collected, or
 * rung up at the counter. A cancelled order moves no stock.
 */
function fulfilOrder(
  context: OrderContext,
  order: { id: string; index: number; plan: PlannedOrder; method: FulfillmentMethod },
  lines: readonly DraftLine[],
  cashier: SeedStaff | null,
): { fulfillmentIds: Map<string, string>; lastEventAt: Date; isAllDone: boolean } {
  const { plan, method } = order;
  const byLocation = new Map<string, DraftLine[]>();
  for (const line of lines) {
    byLocation.set(line.location.id, [...(byLocation.get(line.location.id) ?? []), line]);
  }

  const latest = minutesAfter(SEED_EPOCH, -60);
  const clamp = (at: Date) => (at > latest ? latest : at);
  const ageDays = (SEED_EPOCH.getTime() - plan.placedAt.getTime()) / 86_400_000;
  const cancelledAt = minutesAfter(plan.placedAt, 35);
  const fulfillmentIds = new Map<string, string>();
  let lastEventAt = plan.isCancelled ? cancelledAt : plan.placedAt;
  let isAllDone = true;

  for (const [locationId, group] of byLocation) {
    const location = group[0]?.location as SeedLocation;
    const id = seedId(
      context.seed,
      `fulfillment:${order.index}:${location.spec.code}`,
      plan.placedAt,
    );
    fulfillmentIds.set(locationId, id);
    const timeline = fulfillmentTimeline(context, plan, method, location, ageDays);
    const leftAt = clamp(timeline.stockLeftAt);
    const doneAt = clamp(timeline.doneAt);
    const carrier =
      method === "SHIP" && !plan.isCancelled ? carrierFor(group, location) : null;

    context.out.fulfillments.push({
      id,
      orderId: order.id,
      locationId,
      method,
      status: plan.isCancelled ? "CANCELLED" : timeline.status,
      carrier,
      trackingNumber: carrier ? trackingFor(context, carrier) : null,
      createdAt: minutesAfter(plan.placedAt, 1),
      updatedAt: plan.isCancelled ? cancelledAt : doneAt,
    });
    if (plan.isCancelled) continue;
    if (timeline.status === "SHIPPED") isAllDone = false;
    if (doneAt > lastEventAt) lastEventAt = doneAt;

    const handler =
      cashier ??
      staffAt(
        context,
        location.spec.code,
        location.spec.kind === "STORE" ? ["ASSOCIATE", "STORE_MANAGER"] : ["FULFILLMENT"],
      );
    for (const line of group) {
      context.book.move({
        name: `sale:${order.index}:${line.variant.row.sku}`,
        variantId: line.variant.row.id,
        locationId,
        quantity: -line.quantity,
        reason: "SALE",
        sourceType: "order",
        sourceId: order.id,
        note: null,
        actor: `staff:${handler.id}`,
        createdAt: leftAt,
      });
    }
  }
  return { fulfillmentIds, lastEventAt, isAllDone };
}

function shippingAddressOf(customer: CustomerSpec): DemoAddress {
  return {
    name: `${customer.firstName} ${customer.lastName}`,
    ...customer.address,
    country: "GB",
    ...(customer.phone ? { phone: customer.phone } : {}),
  };
}

function buildOrder(context: OrderContext, plan: PlannedOrder, index: number): void {
  const { random, seed, out } = context;
  const customer = plan.customer?.spec ?? null;
  const method: FulfillmentMethod =
    plan.channel === "POS" ? "CARRY_OUT" : plan.isPickup ? "PICKUP" : "SHIP";
  const store = plan.storeCode ? context.locations.get(plan.storeCode) : undefined;
  const isPos = plan.channel === "POS";

  // Lines: shipped ones from the nearest location with stock, others from the store.
  const candidates =
    method === "SHIP" && customer ? shipFrom(context, customer) : store ? [store] : [];
  const lines = pickLines(context, candidates, plan.channel === "WEB");
  const promotion = promotionFor(plan, index);
  const money = priceOrder(lines, promotion, method);

  const orderId = seedId(seed, `order:${index}`, plan.placedAt);
  const register = isPos
    ? random.pick(context.registers.filter((r) => r.locationCode === plan.storeCode))
    : null;
  const cashier =
    isPos && plan.storeCode
      ? staffAt(context, plan.storeCode, ["ASSOCIATE", "STORE_MANAGER"])
      : null;
  const { fulfillmentIds, lastEventAt, isAllDone } = fulfilOrder(
    context,
    { id: orderId, index, plan, method },
    lines,
    cashier,
  );

  for (const [i, line] of lines.entries()) {
    out.orderLines.push({
      id: seedId(seed, `order-line:${index}:${i}`, plan.placedAt),
      orderId,
      variantId: line.variant.row.id,
      sku: line.variant.row.sku,
      title: line.variant.lineTitle,
      quantity: line.quantity,
      unitPriceMinor: line.variant.row.priceMinor,
      discountMinor: money.lineDiscounts[i] ?? 0,
      taxMinor: money.lineTaxes[i] ?? 0,
      totalMinor: money.lineTotals[i] ?? 0,
      fulfillment: method,
      locationId: line.location.id,
      fulfillmentId: fulfillmentIds.get(line.location.id) ?? null,
    });
  }
  out.payments.push(paymentFor(context, plan, orderId, money.total, lastEventAt));

  out.orders.push({
    id: orderId,
    number: orderNumber(context),
    channel: plan.channel,
    status: plan.isCancelled ? "CANCELLED" : isAllDone ? "COMPLETED" : "CAPTURED",
    customerId: plan.customer?.id ?? null,
    email: customer?.email ?? null,
    currency: "GBP",
    subtotalMinor: money.subtotal,
    discountMinor: money.discount,
    shippingMinor: money.shipping,
    taxMinor: money.tax,
    totalMinor: money.total,
    locationId: isPos ? (store?.id ?? null) : null,
    registerId: register?.id ?? null,
    staffId: cashier?.id ?? null,
    shippingAddress:
      method === "SHIP" && customer ? { ...shippingAddressOf(customer) } : undefined,
    pricingSnapshot: {
      engine: "seed",
      currency: "GBP",
      pricesIncludeTax: true,
      lines: lines.map((line, i) => ({
        sku: line.variant.row.sku,
        quantity: line.quantity,
        unitPriceMinor: line.variant.row.priceMinor,
        discountMinor: money.lineDiscounts[i] ?? 0,
        taxMinor: money.lineTaxes[i] ?? 0,
        totalMinor: money.lineTotals[i] ?? 0,
      })),
      promotions: promotion ? [{ ...promotion, discountMinor: money.discount }] : [],
      shipping: {
        method: money.isExpress ? "express" : "standard",
        amountMinor: money.shipping,
      },
      taxes: [
        { category: "STANDARD", rateBasisPoints: VAT_BASIS_POINTS, taxMinor: money.tax },
      ],
    },
    placedAt: plan.placedAt,
    updatedAt: lastEventAt,
  });
}

function fulfillmentTimeline(
  context: OrderContext,
  plan: PlannedOrder,
  method: FulfillmentMethod,
  location: SeedLocation,
  ageDays: number,
): { status: "SHIPPED" | "DELIVERED" | "PICKED_UP"; stockLeftAt: Date; doneAt: Date } {
  const { random } = context;
  if (method === "CARRY_OUT") {
    return { status: "PICKED_UP", stockLeftAt: plan.placedAt, doneAt: plan.placedAt };
  }
  if (method === "PICKUP") {
    const collectedAt = minutesAfter(plan.placedAt, random.int(20, 44) * 60);
    return { status: "PICKED_UP", stockLeftAt: collectedAt, doneAt: collectedAt };
  }

  const isDarkStore = location.spec.kind === "DARK_STORE";
  const shippedAt = minutesAfter(
    plan.placedAt,
    isDarkStore ? 45 : random.int(14, 26) * 60,
  );
  // Parcels from the last two days are still with the carrier.
  if (ageDays < 3)
    return { status: "SHIPPED", stockLeftAt: shippedAt, doneAt: shippedAt };
  const deliveredAt = minutesAfter(shippedAt, isDarkStore ? 90 : random.int(18, 40) * 60);
  return { status: "DELIVERED", stockLeftAt: shippedAt, doneAt: deliveredAt };
}

function paymentFor(
  context: OrderContext,
  plan: PlannedOrder,
  orderId: string,
  total: number,
  at: Date,
): Prisma.PaymentCreateManyInput {
  const { random, seed } = context;
  const base = {
    id: seedId(seed, `payment:${orderId}`, plan.placedAt),
    orderId,
    currency: "GBP",
    amountMinor: total,
    refundedMinor: 0,
    createdAt: plan.placedAt,
    updatedAt: at,
  };

  if (plan.channel === "POS" && random.chance(0.35)) {
    // Paid with the next note up; the till gave the rest as change.
    const note = random.pick([500, 1000, 2000]);
    return {
      ...base,
      provider: "CASH",
      status: "CAPTURED",
      capturedMinor: total,
      tenderedMinor: Math.ceil(total / note) * note,
    };
  }

  const card = random.pick(TEST_CARDS);
  return {
    ...base,
    provider: "TEST_CARD",
    // A cancelled order's authorisation was released, never captured.
    status: plan.isCancelled ? "VOIDED" : "CAPTURED",
    capturedMinor: plan.isCancelled ? 0 : total,
    reference: `test_pay_${random.string("abcdefghijkmnopqrstuvwxyz0123456789", 20)}`,
    cardBrand: card.brand,
    cardLast4: card.last4,
  };
}
