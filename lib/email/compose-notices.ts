import { type RenderedEmail, renderEmail } from "./render-email";

/** The "it's back" email a shopper asked for on a sold-out product page. */
export function composeBackInStockEmail(options: {
  businessName: string;
  productTitle: string;
  /** "M / Navy"; empty for a product with one variant. */
  variantName: string;
  productUrl: string;
  /** The store the shopper wants to collect from; null for delivery. */
  storeName: string | null;
}): RenderedEmail {
  const name = options.variantName
    ? `${options.productTitle} (${options.variantName})`
    : options.productTitle;
  const where = options.storeName
    ? `You can collect it at ${options.storeName} again.`
    : "It can be delivered again.";
  return renderEmail({
    subject: `Back in stock: ${name}`,
    greeting: `Good news: ${name} is back in stock.`,
    blocks: [
      { kind: "paragraph", text: `${where} Stock is limited and is not held for you.` },
      { kind: "button", label: "See it in the shop", href: options.productUrl },
    ],
    footer:
      `You asked ${options.businessName} to email you when this was back. ` +
      "This is the only email about it; ask again on the product page if it sells out.",
  });
}

/** The link that lets a shopper known from earlier orders open an account. */
export function composeAccountConfirmationEmail(options: {
  businessName: string;
  confirmUrl: string;
}): RenderedEmail {
  return renderEmail({
    subject: `Confirm your ${options.businessName} account`,
    greeting: "Hello,",
    blocks: [
      {
        kind: "paragraph",
        text:
          "Someone asked to open an account with this email address. If it was " +
          "you, confirm it below: your earlier orders will show in your account.",
      },
      { kind: "button", label: "Confirm my account", href: options.confirmUrl },
      { kind: "paragraph", text: "The link works for 24 hours." },
    ],
    footer:
      "If it was not you, ignore this email: nothing changes until the link is used.",
  });
}

/** A fulfillment's news for its shopper: ready to collect, or on its way. */
export function composeFulfillmentEmail(options: {
  businessName: string;
  orderNumber: string;
  firstName: string | null;
  /** "2 x Organic Tee — S" for each line of the fulfillment. */
  items: readonly string[];
  statusUrl: string;
  news:
    | {
        kind: "ready_for_pickup";
        storeName: string;
        address: string;
        /** "Mon–Fri 09:00–17:30, …" */
        hours: string;
        holdHours: number;
        /** Left to pay at the counter, formatted; null when paid. */
        amountDue: string | null;
      }
    | { kind: "shipped"; carrier: string | null; trackingNumber: string | null };
}): RenderedEmail {
  const { news } = options;
  const hello = options.firstName ? `Hello ${options.firstName},` : "Hello,";
  const items = {
    kind: "table" as const,
    rows: options.items.map((item) => [item, ""] as const),
  };
  if (news.kind === "ready_for_pickup") {
    return renderEmail({
      subject: `Ready to collect: order ${options.orderNumber} at ${news.storeName}`,
      greeting: hello,
      blocks: [
        {
          kind: "paragraph",
          text:
            `Your order ${options.orderNumber} is ready to collect at ${news.storeName}, ` +
            `${news.address}. Collection hours: ${news.hours}.`,
        },
        items,
        {
          kind: "paragraph",
          text: news.amountDue
            ? `${news.amountDue} is left to pay when you collect.`
            : "It is paid for: just show the QR code on the order's page at the counter.",
        },
        { kind: "button", label: "Show my collection code", href: options.statusUrl },
        {
          kind: "paragraph",
          text: `We keep it for you for ${news.holdHours} hours.`,
        },
      ],
      footer: `${options.businessName} · order ${options.orderNumber}`,
    });
  }
  const tracking = [news.carrier, news.trackingNumber].filter(Boolean).join(" ");
  return renderEmail({
    subject: `On its way: order ${options.orderNumber}`,
    greeting: hello,
    blocks: [
      {
        kind: "paragraph",
        text: tracking
          ? `Your order ${options.orderNumber} has left us (${tracking}).`
          : `Your order ${options.orderNumber} has left us.`,
      },
      items,
      { kind: "button", label: "Follow your order", href: options.statusUrl },
    ],
    footer: `${options.businessName} · order ${options.orderNumber}`,
  });
}
