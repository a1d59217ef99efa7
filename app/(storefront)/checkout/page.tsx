import type { Metadata } from "next";
import { CheckoutForm } from "@/components/storefront/checkout/checkout-form";
import { db } from "@/lib/db/client";
import { currentCustomer } from "@/lib/next/session";
import { isTestModeEnabled } from "@/lib/payments/card-providers";
import { TEST_CARDS } from "@/lib/payments/test-cards";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function CheckoutPage({
  searchParams,
}: {
  searchParams: Promise<{ payment?: string | string[] }>;
}) {
  const { payment: returnNotice } = await searchParams;
  const customer = await currentCustomer();
  const addresses = customer
    ? await db.customerAddress.findMany({
        where: { customerId: customer.id },
        orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
      })
    : [];
  const isTestMode = isTestModeEnabled();
  // Read at request time, so one build serves any Stripe account.
  const stripePublishableKey = process.env.STRIPE_SECRET_KEY
    ? (process.env.STRIPE_PUBLISHABLE_KEY ?? null)
    : null;

  return (
    <div className="mx-auto max-w-5xl px-4 pb-16 pt-6">
      <h1 className="text-2xl font-bold tracking-tight">Checkout</h1>
      <CheckoutForm
        returnNotice={typeof returnNotice === "string" ? returnNotice : null}
        signedInEmail={customer?.email ?? null}
        customerName={customer ? `${customer.firstName} ${customer.lastName}` : ""}
        addresses={addresses.map((a) => ({
          id: a.id,
          label: a.label,
          name: a.name,
          line1: a.line1,
          line2: a.line2,
          city: a.city,
          region: a.region,
          postalCode: a.postalCode,
          country: a.country,
          phone: a.phone,
        }))}
        payments={{
          isTestMode,
          isStripeConfigured: Boolean(stripePublishableKey),
          stripePublishableKey,
          testCards: isTestMode
            ? TEST_CARDS.map((c) => ({
                number: c.number,
                label: `${c.brand} · ${c.label}`,
              }))
            : [],
        }}
      />
    </div>
  );
}
