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
