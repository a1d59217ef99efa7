import QRCode from "qrcode";
import { formatMoney } from "@/components/ui/format";
import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import type { OrderStatusView } from "@/lib/storefront/find-order-status";
import { fulfillmentStatusLabel } from "@/lib/storefront/order-status-words";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/London",
});

const METHOD_TITLE = {
  SHIP: "Delivery",
  PICKUP: "Collect from",
  CARRY_OUT: "Bought at",
} as const;

/** The QR code shown at the counter to collect: it holds the order number. */
async function pickupQr(orderNumber: string): Promise<string> {
  return QRCode.toString(orderNumber, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
}

function addressText(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const a = value as Record<string, unknown>;
  return [a.name, a.line1, a.line2, a.city, a.postalCode]
    .filter((part): part is string => typeof part === "string" && part.length > 0)
    .join(", ");
}

/**
 * An order as its shopper sees it: each fulfillment with its lines, state,
 * tracking or pickup QR code, then the totals and how it was paid. Used by
 * the confirmation page, the status page and the emailed receipt.
 */
export async function OrderSummary({ order }: { order: OrderStatusView }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const qr = order.fulfillments.some((f) => f.method === "PICKUP")
    ? await pickupQr(order.number)
    : null;
  const delivery = addressText(order.shippingAddress);
  const isTest = order.payments.some((p) => p.isTestMode);

  return (
    <div className="mt-4 space-y-6">
      <p className="text-sm text-ink/70">
        Placed {dateFormat.format(order.placedAt)}
        {order.channel === "POS" && order.location
          ? ` at ${order.location.name}`
          : " online"}
        {order.status === "CANCELLED" && " · Cancelled"}
      </p>
      {order.isPayAtPickup && (
        <p className="rounded-xl bg-brand-50 p-4 text-sm">
          Reserved for you: pay when you collect. We hold it until the time shown below.
        </p>
      )}

      {order.fulfillments.map((fulfillment, index) => {
        const lines = order.lines.filter((l) => l.fulfillmentId === fulfillment.id);
        const store = fulfillment.location;
        const hours = readWeeklyHours(
          Object.keys(readWeeklyHours(store.pickupHours)).length > 0
            ? store.pickupHours
            : store.openingHours,
        );
        return (
          <section
            key={fulfillment.id}
            aria-labelledby={`fulfillment-${index}`}
            className="rounded-xl bg-white p-4 shadow-sm"
            data-testid="fulfillment"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`fulfillment-${index}`} className="font-semibold">
                {fulfillment.method === "SHIP"
                  ? METHOD_TITLE.SHIP
                  : `${METHOD_TITLE[fulfillment.method]} ${store.name}`}
              </h2>
              <span className="rounded-full bg-sand px-3 py-1 text-sm font-medium">
                {fulfillmentStatusLabel(fulfillment.method, fulfillment.status)}
              </span>
            </div>
            <ul className="mt-3 divide-y divide-black/5 text-sm">
              {lines.map((line) => (
                <li key={line.id} className="flex justify-between gap-3 py-2">
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    {line.quantity} × {line.title}
                    <span className="block text-xs text-ink/70">{line.sku}</span>
                  </span>
                  <span className="shrink-0">{money(line.totalMinor)}</span>
                </li>
              ))}
            </ul>
            {fulfillment.method === "SHIP" && (
              <div className="mt-3 text-sm text-ink/70">
                {delivery && <p>To {delivery}</p>}
                {fulfillment.trackingNumber ? (
                  <p className="mt-1">
                    Tracking: {fulfillment.carrier ? `${fulfillment.carrier} ` : ""}
                    <span className="font-mono">{fulfillment.trackingNumber}</span>
                  </p>
                ) : (
                  <p className="mt-1">Tracking appears here once it ships.</p>
                )}
              </div>
            )}
            {fulfillment.method === "PICKUP" && (
              <div className="mt-4 grid gap-4 sm:grid-cols-[10rem_1fr]">
                {qr &&
                  fulfillment.status !== "PICKED_UP" &&
                  fulfillment.status !== "CANCELLED" && (
                    <figure className="w-40">
                      <div
                        role="img"
                        aria-label={`QR code for order ${order.number}`}
                        className="size-40 [&>svg]:size-full"
                        // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG made by the qrcode library from the order number
                        dangerouslySetInnerHTML={{ __html: qr }}
                      />
                      <figcaption className="mt-1 text-center font-mono text-sm">
                        {order.number}
                      </figcaption>
                    </figure>
                  )}
                <div className="text-sm">
                  <p className="font-medium">{store.name}</p>
                  <address className="not-italic text-ink/70">
                    {[
                      store.addressLine1,
                      store.addressLine2,
                      store.city,
                      store.postalCode,
                    ]
                      .filter(Boolean)
                      .join(", ")}
                  </address>
                  {store.phone && <p className="text-ink/70">{store.phone}</p>}
                  <p className="mt-2">
                    <span className="font-medium">Collection hours: </span>
                    {Object.keys(hours).length > 0
                      ? describeWeeklyHours(hours)
                      : "during store opening hours"}
                  </p>
                  {fulfillment.holdUntil && (
                    <p className="mt-1">
                      Held for you until {dateFormat.format(fulfillment.holdUntil)}.
                    </p>
                  )}
                  <p className="mt-2 text-ink/70">
                    Show this code at the counter, with the card you paid with or photo
                    ID.
                  </p>
                </div>
              </div>
            )}
          </section>
        );
      })}

      <section
        aria-labelledby="totals"
        className="rounded-xl bg-white p-4 text-sm shadow-sm"
      >
        <h2 id="totals" className="font-semibold">
          Summary
        </h2>
        <dl className="mt-2 space-y-1">
          <div className="flex justify-between">
            <dt>Items</dt>
            <dd>{money(order.subtotalMinor)}</dd>
          </div>
          {order.discountMinor > 0 && (
            <div className="flex justify-between text-red-700">
              <dt>Discounts</dt>
              <dd>−{money(order.discountMinor)}</dd>
            </div>
          )}
          <div className="flex justify-between">
            <dt>Delivery</dt>
            <dd>{order.shippingMinor > 0 ? money(order.shippingMinor) : "Free"}</dd>
          </div>
          <div className="flex justify-between border-t border-black/10 pt-2 text-base font-semibold">
            <dt>Total</dt>
            <dd>{money(order.totalMinor)}</dd>
          </div>
          {order.taxMinor > 0 && (
            <div className="flex justify-between text-ink/70">
              <dt>Including VAT</dt>
              <dd>{money(order.taxMinor)}</dd>
            </div>
          )}
        </dl>
        {order.payments.length > 0 && (
          <ul className="mt-3 space-y-1 text-ink/70">
            {order.payments.map((p) => (
              <li key={p.id}>
                Paid {money(p.amountMinor)}
                {p.cardBrand ? ` by ${p.cardBrand} ending ${p.cardLast4}` : ""}
                {p.provider === "CASH" ? " in cash" : ""}
              </li>
            ))}
          </ul>
        )}
        {isTest && (
          <p className="mt-3 rounded bg-amber-100 px-2 py-1 text-xs font-semibold uppercase tracking-wide text-amber-900">
            Test mode: no real money was taken
          </p>
        )}
      </section>
    </div>
  );
}
