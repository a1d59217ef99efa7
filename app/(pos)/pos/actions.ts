"use server";

import { z } from "zod";
import { setCartDetails } from "@/lib/checkout/cart-details";
import { getCartView } from "@/lib/checkout/cart-view";
import {
  addCartLine,
  removeCartLine,
  updateCartLine,
} from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import {
  createTillCustomer,
  FindCustomersSchema,
  findCustomers,
} from "@/lib/customers/till-customers";
import { db } from "@/lib/db/client";
import { mailConfigFromEnv } from "@/lib/email/mail-config";
import { ReceiptEmailSchema } from "@/lib/email/receipt-email-schema";
import { requestReceiptEmail } from "@/lib/email/request-receipt-email";
import { staffAction } from "@/lib/next/staff-action";
import { setTillOperator, tillActor } from "@/lib/next/till-operator";
import { advanceFulfillment } from "@/lib/orders/advance-fulfillment";
import { takePickupPayment } from "@/lib/orders/take-pickup-payment";
import { configuredCardProviders } from "@/lib/payments/card-providers";
import { StripeProvider } from "@/lib/payments/stripe-provider";
import { lookupTenderBalance, TenderBalanceSchema } from "@/lib/payments/tender-balance";
import { TendersSchema } from "@/lib/payments/tenders";
import { addScannedItem } from "@/lib/pos/add-scanned-item";
import { AdjustTicketSchema, ClearAdjustmentSchema } from "@/lib/pos/adjustment-schemas";
import { closeShift } from "@/lib/pos/close-shift";
import { findOpenShift, loadShift } from "@/lib/pos/current-shift";
import { adjustTicket, clearTicketAdjustment } from "@/lib/pos/manual-adjustments";
import { openShift } from "@/lib/pos/open-shift";
import {
  FindPickupSchema,
  findPickup,
  listPickupQueue,
  PickupQueueSchema,
} from "@/lib/pos/pickups";
import { printReceiptOverNetwork } from "@/lib/pos/print-network";
import {
  cancelReaderPayment,
  pollReaderPayment,
  ReaderPaymentSchema,
  StartReaderPaymentSchema,
  startReaderPayment,
} from "@/lib/pos/reader-payments";
import { recordCashMovement } from "@/lib/pos/record-cash-movement";
import { CashMovementSchema, CloseShiftSchema, OpenShiftSchema } from "@/lib/pos/schemas";
import { buildShiftReport } from "@/lib/pos/shift-report";
import { recordAssociateSwitch } from "@/lib/pos/till-operator";
import { switchAssociate } from "@/lib/pos/verify-pin";
import { loadReceipt } from "@/lib/receipts/load-receipt";

const Id = z.string().trim().min(1).max(200);
const Ticket = z.object({ cartId: Id });

/** Starts a new ticket (a POS cart) on a register of the associate's store. */
export const startTicketAction = staffAction(
  "pos:sell",
  z.object({ locationId: Id, registerId: Id }),
  async (input, device) => {
    const staff = await tillActor(device);
    const cart = await createCart(db, {
      actor: staff,
      input: {
        channel: "POS",
        locationId: input.locationId,
        registerId: input.registerId,
      },
    });
    return getCartView(db, { actor: staff, cartId: cart.id });
  },
);

/** The ticket as the server prices it now. */
export const ticketAction = staffAction("pos:sell", Ticket, async (input, device) =>
  getCartView(db, { actor: await tillActor(device), cartId: input.cartId }),
);

/** Adds a scanned or typed barcode or SKU; an unknown code is answered, not thrown. */
export const scanAction = staffAction(
  "pos:sell",
  Ticket.extend({ code: z.string().trim().min(1).max(64) }),
  async (input, device) =>
    addScannedItem(db, {
      actor: await tillActor(device),
      cartId: input.cartId,
      code: input.code,
    }),
);

/** Adds a variant chosen from search, carried out of the store now. */
export const addItemAction = staffAction(
  "pos:sell",
  Ticket.extend({ variantId: Id, quantity: z.int().min(1).max(1000).default(1) }),
  async (input, device) =>
    addCartLine(db, {
      actor: await tillActor(device),
      cartId: input.cartId,
      input: {
        variantId: input.variantId,
        quantity: input.quantity,
        fulfillment: "CARRY_OUT",
      },
    }),
);

/** Sets a line's quantity. */
export const setQuantityAction = staffAction(
  "pos:sell",
  Ticket.extend({ lineId: Id, quantity: z.int().min(1).max(1000) }),
  async (input, device) =>
    updateCartLine(db, {
      actor: await tillActor(device),
      cartId: input.cartId,
      lineId: input.lineId,
      input: { quantity: input.quantity },
    }),
);

/** Takes a line off the ticket. */
export const removeLineAction = staffAction(
  "pos:sell",
  Ticket.extend({ lineId: Id }),
  async (input, device) =>
    removeCartLine(db, {
      actor: await tillActor(device),
      cartId: input.cartId,
      lineId: input.lineId,
    }),
);

/**
 * Takes payment and completes the sale through the one placeOrder; a
 * declined card comes back as an outcome with the ticket untouched.
 */
export const payAction = staffAction(
  "pos:sell",
  Ticket.extend({
    tenders: TendersSchema,
    idempotencyKey: z.string().min(8).max(100),
    expectedTotalMinor: z.int().min(0),
  }),
  async (input, device) => {
    const staff = await tillActor(device);
    const result = await placeOrder(db, {
      actor: staff,
      cartId: input.cartId,
      idempotencyKey: input.idempotencyKey,
      input: { tenders: input.tenders, expectedTotalMinor: input.expectedTotalMinor },
    });
    if (result.outcome !== "placed") return { ...result, receipt: null };
    const receipt = await loadReceipt(db, { actor: staff, orderId: result.order.id });
    return { ...result, receipt };
  },
);

/** The configured Stripe provider, for the register's card reader. */
function configuredStripe(): StripeProvider | null {
  const { stripe } = configuredCardProviders();
  return stripe instanceof StripeProvider ? stripe : null;
}

/** Sends the amount chosen for the card to the register's Stripe reader. */
export const startReaderPaymentAction = staffAction(
  "pos:sell",
  StartReaderPaymentSchema,
  async (input, device) =>
    startReaderPayment(db, {
      actor: await tillActor(device),
      input,
      stripe: configuredStripe(),
    }),
);

/** Where the card payment on the reader stands: waiting, approved or declined. */
export const readerPaymentAction = staffAction(
  "pos:sell",
  ReaderPaymentSchema,
  async (input, device) =>
    pollReaderPayment(db, {
      actor: await tillActor(device),
      input,
      stripe: configuredStripe(),
    }),
);

/** Cancels the card payment waiting on the reader. */
export const cancelReaderPaymentAction = staffAction(
  "pos:sell",
  ReaderPaymentSchema,
  async (input, device) =>
    cancelReaderPayment(db, {
      actor: await tillActor(device),
      input,
      stripe: configuredStripe(),
    }),
);

/** The open shift of a register with its X report, or null. */
export const currentShiftAction = staffAction(
  "pos:sell",
  z.object({ registerId: Id }),
  async (input, device) => {
    const staff = await tillActor(device);
    const shift = await findOpenShift(db, { actor: staff, registerId: input.registerId });
    if (!shift) return null;
    const report = await buildShiftReport(db, { shiftId: shift.id });
    return { id: shift.id, openedBy: shift.openedBy.name, report };
  },
);

/** Opens a shift with the counted float. */
export const openShiftAction = staffAction(
  "pos:sell",
  OpenShiftSchema,
  async (input, device) => {
    const shift = await openShift(db, { actor: await tillActor(device), input });
    return { id: shift.id };
  },
);

/** Closes a shift with the counted drawer; answers with the Z report. */
export const closeShiftAction = staffAction(
  "pos:sell",
  CloseShiftSchema,
  async (input, device) => closeShift(db, { actor: await tillActor(device), input }),
);

/** The X report of a shift, at any time. */
export const shiftReportAction = staffAction(
  "pos:sell",
  z.object({ shiftId: Id }),
  async (input, device) => {
    const shift = await loadShift(db, {
      actor: await tillActor(device),
      shiftId: input.shiftId,
    });
    return buildShiftReport(db, { shiftId: shift.id });
  },
);

/** A pay-in or pay-out of the drawer. */
export const cashMovementAction = staffAction(
  "pos:sell",
  CashMovementSchema,
  async (input, device) =>
    recordCashMovement(db, { actor: await tillActor(device), input }),
);

/**
 * Checks a colleague's PIN on a shared register; from then on this
 * device's sales, ticket changes and their audit entries are theirs.
 */
export const switchAssociateAction = staffAction(
  "pos:access",
  z.object({ locationId: Id, pin: z.string() }),
  async (input, device) => {
    const colleague = await switchAssociate(db, { actor: device, input });
    await recordAssociateSwitch(db, { device, colleague, locationId: input.locationId });
    await setTillOperator(device, colleague, input.locationId);
    return { id: colleague.id, name: colleague.name, role: colleague.role };
  },
);

/** A price override or manual discount, approved by a manager's PIN. */
export const adjustTicketAction = staffAction(
  "pos:sell",
  AdjustTicketSchema,
  async (input, device) => adjustTicket(db, { actor: await tillActor(device), input }),
);

/** Takes an override or manual discount off the ticket. */
export const clearAdjustmentAction = staffAction(
  "pos:sell",
  ClearAdjustmentSchema,
  async (input, device) =>
    clearTicketAdjustment(db, { actor: await tillActor(device), input }),
);

/** Customers matching a name, email or phone. */
export const findCustomersAction = staffAction(
  "customers:read",
  FindCustomersSchema,
  async (input, device) => findCustomers(db, { actor: await tillActor(device), input }),
);

/** Signs a customer up at the till and attaches them to the ticket. */
export const createCustomerAction = staffAction(
  "customers:write",
  z.object({ cartId: Id, customer: z.unknown() }),
  async (input, device) => {
    const staff = await tillActor(device);
    const ticket = await getCartView(db, { actor: staff, cartId: input.cartId });
    const customer = await createTillCustomer(db, {
      actor: staff,
      input: input.customer,
      locationId: ticket.locationId,
    });
    return setCartDetails(db, {
      actor: staff,
      cartId: input.cartId,
      input: { customerId: customer.id },
    });
  },
);

/** Attaches a customer to the ticket, or takes them off with null. */
export const attachCustomerAction = staffAction(
  "pos:sell",
  Ticket.extend({ customerId: Id.nullable() }),
  async (input, device) =>
    setCartDetails(db, {
      actor: await tillActor(device),
      cartId: input.cartId,
      input: { customerId: input.customerId },
    }),
);

/** A gift card's or the ticket's customer's store credit balance. */
export const tenderBalanceAction = staffAction(
  "pos:sell",
  TenderBalanceSchema,
  async (input, device) =>
    lookupTenderBalance(db, { actor: await tillActor(device), input }),
);

/** Orders ready for collection at this store. */
export const pickupQueueAction = staffAction(
  "pos:sell",
  PickupQueueSchema,
  async (input, device) => listPickupQueue(db, { actor: await tillActor(device), input }),
);

/** The pickup behind a scanned QR code or a typed order number. */
export const findPickupAction = staffAction(
  "pos:sell",
  FindPickupSchema,
  async (input, device) => findPickup(db, { actor: await tillActor(device), input }),
);

/** Takes what a reserve-and-pay-in-store order still owes. */
export const pickupPaymentAction = staffAction(
  "pos:sell",
  z.object({ orderId: Id, tenders: TendersSchema }),
  async (input, device) =>
    takePickupPayment(db, {
      actor: await tillActor(device),
      orderId: input.orderId,
      tenders: input.tenders,
    }),
);

/** Hands the goods over: the pickup is collected and its payment captured. */
export const handOverAction = staffAction(
  "pos:sell",
  z.object({ fulfillmentId: Id }),
  async (input, device) => {
    await advanceFulfillment(db, {
      actor: await tillActor(device),
      fulfillmentId: input.fulfillmentId,
      to: "PICKED_UP",
    });
    return { fulfillmentId: input.fulfillmentId };
  },
);

/** Prints a sale's receipt on the register's network printer (raw TCP). */
export const networkPrintAction = staffAction(
  "pos:sell",
  z.object({ orderNumber: z.string().trim().min(3).max(20), registerId: Id }),
  async (input, device) =>
    printReceiptOverNetwork(db, { actor: await tillActor(device), ...input }),
);

/**
 * Emails a sale's receipt to the address typed at the counter. Answers at
 * once: the email is queued with the request and sent in the background.
 */
export const emailReceiptAction = staffAction(
  "pos:sell",
  ReceiptEmailSchema,
  async (input, device) => {
    const queued = await requestReceiptEmail(db, {
      actor: await tillActor(device),
      input,
    });
    return { ...queued, isSendingConfigured: mailConfigFromEnv().smtpUrl !== null };
  },
);
