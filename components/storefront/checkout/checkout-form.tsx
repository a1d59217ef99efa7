"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useRef, useState, useTransition } from "react";
import {
  type CheckoutOutcome,
  completeStorefrontPaymentAction,
  placeStorefrontOrderAction,
  startStorefrontPaymentAction,
} from "@/app/(storefront)/checkout/actions";
import { Field } from "@/components/storefront/account/field";
import { BagTotals } from "@/components/storefront/bag/bag-totals";
import { useBag } from "@/components/storefront/bag/use-bag";
import { formatMoney } from "@/components/ui/format";
import type { ActionResult } from "@/lib/errors/http";
import { tidyPostcode } from "@/lib/geo/postcode";
import { testCardToken } from "@/lib/payments/test-cards";
import { StripeCard, type StripeCardHandle } from "./stripe-card";

export interface CheckoutAddress {
  id: string;
  label: string | null;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

type PaymentInput = { kind: "card"; token: string } | { kind: "pay_in_store" };

interface Payments {
  isTestMode: boolean;
  isStripeConfigured: boolean;
  /** Stripe's publishable key: the Payment Element takes the card. */
  stripePublishableKey: string | null;
  testCards: { number: string; label: string }[];
}

const NEW_ADDRESS = "new";

/** Why Stripe's return URL sent the shopper back here. */
const RETURN_NOTICES: Record<string, string> = {
  declined: "The payment was not authorized. Your bag is as it was: try another card.",
  expired: "Your bag was already checked out or has expired.",
  failed: "The payment could not be completed. Nothing was charged: please try again.",
  invalid: "The payment could not be completed. Please try again.",
};

/**
 * Contact, delivery address for shipped lines, the stores of collected
 * lines, and payment: a card (the TEST MODE card form in the demo), or
 * for a bag that is all collection, reserve now and pay in store.
 */
export function CheckoutForm({
  signedInEmail,
  customerName,
  addresses,
  payments,
  returnNotice = null,
}: {
  signedInEmail: string | null;
  customerName: string;
  addresses: CheckoutAddress[];
  payments: Payments;
  /** Set when Stripe's return URL sent the shopper back without an order. */
  returnNotice?: string | null;
}) {
  const router = useRouter();
  const { data, isPending: isLoading, refetch } = useBag();
  const [isPending, startTransition] = useTransition();
  const [addressChoice, setAddressChoice] = useState(addresses[0]?.id ?? NEW_ADDRESS);
  const [payment, setPayment] = useState<"card" | "pay_in_store">("card");
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(
    returnNotice
      ? (RETURN_NOTICES[returnNotice] ?? RETURN_NOTICES.invalid ?? null)
      : null,
  );
  const stripeCard = useRef<StripeCardHandle | null>(null);
  const onStripeReady = useCallback((handle: StripeCardHandle | null) => {
    stripeCard.current = handle;
  }, []);
  // One key per attempt: a resent click places one order; after a decline, a new one.
  const attemptKey = useRef<string | null>(null);

  const cart = data?.cart;
  if (isLoading) return <p className="mt-6 min-h-40 text-ink/70">Loading your bag…</p>;
  if (!cart || cart.lines.length === 0) {
    return (
      <p className="mt-6 rounded-xl bg-white p-6 shadow-sm">
        Your bag is empty.{" "}
        <Link href="/" className="underline">
          Continue shopping
        </Link>
      </p>
    );
  }

  const shipped = cart.lines.filter((l) => l.fulfillment === "SHIP");
  const collected = cart.lines.filter((l) => l.fulfillment === "PICKUP");
  const canPayInStore = shipped.length === 0 && collected.length > 0;
  const method = canPayInStore ? payment : "card";
  const stripeKey = payments.isTestMode ? null : payments.stripePublishableKey;
  const canPayByCard = payments.isTestMode || Boolean(stripeKey);
  const money = (amount: number) => formatMoney(amount, cart.currency);
  const stores = [...new Set(collected.map((l) => l.locationName ?? "the store"))];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!cart) return;
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim();

    const saved = addresses.find((a) => a.id === addressChoice);
    const shippingAddress =
      shipped.length === 0
        ? null
        : saved
          ? {
              name: saved.name,
              line1: saved.line1,
              line2: saved.line2,
              city: saved.city,
              region: saved.region,
              postalCode: saved.postalCode,
              country: saved.country,
              phone: saved.phone,
            }
          : {
              name: text("name"),
              line1: text("line1"),
              line2: text("line2") || null,
              city: text("city"),
              postalCode: tidyPostcode(text("postalCode")),
              country: "GB",
              phone: text("phone") || null,
            };

    const contact = {
      email: text("email"),
      shippingAddress,
      isSavingAddress: form.get("saveAddress") === "on",
    };
    const expectedTotalMinor = cart.totals.totalMinor;

    function refused(message: string, fieldErrors: Record<string, string[]> = {}) {
      attemptKey.current = null;
      setFields(fieldErrors);
      setError(message);
      void refetch();
    }

    function placed(result: ActionResult<CheckoutOutcome>) {
      if (!result.ok) return refused(result.message, result.fields ?? {});
      if (result.data.status === "declined") {
        return refused(`${result.data.message} Your bag is as it was: try another card.`);
      }
      // The bag became the order: the header's count must say so.
      void refetch();
      router.push(`/orders/${result.data.orderToken}?placed=1`);
    }

    if (method === "card" && stripeKey) {
      const card = stripeCard.current;
      if (!card) {
        setError("The card form is still loading.");
        return;
      }
      attemptKey.current ??= crypto.randomUUID();
      const key = attemptKey.current;
      startTransition(async () => {
        const problem = await card.check();
        if (problem) {
          setError(problem);
          return;
        }
        const started = await startStorefrontPaymentAction({
          ...contact,
          idempotencyKey: key,
          expectedTotalMinor,
        });
        if (!started.ok) return refused(started.message, started.fields ?? {});
        const returnUrl = new URL("/checkout/return", window.location.origin);
        returnUrl.searchParams.set("attempt", key);
        const confirmed = await card.confirm(started.data.clientSecret, returnUrl.href);
        if ("message" in confirmed) {
          return refused(`${confirmed.message} Your bag is as it was.`);
        }
        placed(
          await completeStorefrontPaymentAction({
            paymentIntentId: confirmed.paymentIntentId,
            idempotencyKey: key,
          }),
        );
      });
      return;
    }

    let paymentInput: PaymentInput;
    if (method === "pay_in_store") {
      paymentInput = { kind: "pay_in_store" };
    } else {
      const token = testCardToken(text("cardNumber"));
      if (!token) {
        setFields({ cardNumber: ["Use one of the test card numbers listed below."] });
        setError("Check the card details.");
        return;
      }
      paymentInput = { kind: "card", token };
    }

    attemptKey.current ??= crypto.randomUUID();
    const key = attemptKey.current;
    startTransition(async () => {
      placed(
        await placeStorefrontOrderAction({
          ...contact,
          payment: paymentInput,
          idempotencyKey: key,
          expectedTotalMinor,
        }),
      );
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      className="mt-6 grid grid-cols-1 gap-8 md:grid-cols-[1fr_22rem]"
      noValidate
      aria-describedby="checkout-error"
    >
      <div className="space-y-6">
        <section
          aria-labelledby="contact-heading"
          className="rounded-xl bg-white p-4 shadow-sm"
        >
          <h2 id="contact-heading" className="mb-3 font-semibold">
            Contact
          </h2>
          <Field
            label="Email for your receipt and updates"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={signedInEmail ?? cart.email ?? ""}
            error={fields.email?.[0]}
          />
          {!signedInEmail && (
            <p className="mt-2 text-sm text-ink/70">
              Checking out as a guest.{" "}
              <Link href="/account/sign-in?callbackUrl=/checkout" className="underline">
                Sign in
              </Link>{" "}
              to use saved addresses.
            </p>
          )}
        </section>

        {shipped.length > 0 && (
          <section
            aria-labelledby="delivery-heading"
            className="rounded-xl bg-white p-4 shadow-sm"
          >
            <h2 id="delivery-heading" className="mb-3 font-semibold">
              Delivery
            </h2>
            <p className="mb-3 text-sm text-ink/70">
              {shipped.map((l) => `${l.quantity} × ${l.title}`).join(", ")}
            </p>
            {addresses.length > 0 && (
              <fieldset className="mb-4 space-y-2">
                <legend className="mb-1 text-sm font-medium">Deliver to</legend>
                {addresses.map((a) => (
                  <label key={a.id} className="flex min-h-11 items-start gap-3 text-sm">
                    <input
                      type="radio"
                      name="addressChoice"
                      value={a.id}
                      checked={addressChoice === a.id}
                      onChange={() => setAddressChoice(a.id)}
                      className="mt-1 size-5 accent-brand-600"
                    />
                    <span>
                      {a.label && <span className="font-medium">{a.label}: </span>}
                      {[a.name, a.line1, a.city, a.postalCode].join(", ")}
                    </span>
                  </label>
                ))}
                <label className="flex min-h-11 items-center gap-3 text-sm">
                  <input
                    type="radio"
                    name="addressChoice"
                    value={NEW_ADDRESS}
                    checked={addressChoice === NEW_ADDRESS}
                    onChange={() => setAddressChoice(NEW_ADDRESS)}
                    className="size-5 accent-brand-600"
                  />
                  A new address
                </label>
              </fieldset>
            )}
            {addressChoice === NEW_ADDRESS && (
              <div className="space-y-4">
                <Field
                  label="Full name"
                  name="name"
                  autoComplete="name"
                  defaultValue={customerName}
                  error={fields["shippingAddress.name"]?.[0]}
                />
                <Field
                  label="Address line 1"
                  name="line1"
                  autoComplete="address-line1"
                  error={fields["shippingAddress.line1"]?.[0]}
                />
                <Field
                  label="Address line 2 (optional)"
                  name="line2"
                  autoComplete="address-line2"
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    label="Town or city"
                    name="city"
                    autoComplete="address-level2"
                    error={fields["shippingAddress.city"]?.[0]}
                  />
                  <Field
                    label="Postcode"
                    name="postalCode"
                    autoComplete="postal-code"
                    error={fields["shippingAddress.postalCode"]?.[0]}
                  />
                </div>
                <Field
                  label="Phone for the courier (optional)"
                  name="phone"
                  type="tel"
                  autoComplete="tel"
                />
                {signedInEmail && (
                  <label className="flex min-h-11 items-center gap-3 text-sm">
                    <input
                      type="checkbox"
                      name="saveAddress"
                      className="size-5 accent-brand-600"
                    />
                    Save this address to my account
                  </label>
                )}
              </div>
            )}
            <fieldset className="mt-4">
              <legend className="mb-1 text-sm font-medium">Delivery method</legend>
              <label className="flex min-h-11 items-center gap-3 rounded-lg border border-ink px-3 text-sm">
                <input
                  type="radio"
                  name="deliveryMethod"
                  value="standard"
                  defaultChecked
                  className="size-5 accent-brand-600"
                />
                <span className="flex-1">Standard delivery, 2–4 working days</span>
                <span>
                  {cart.totals.shippingMinor > 0
                    ? money(cart.totals.shippingMinor)
                    : "Free"}
                </span>
              </label>
            </fieldset>
          </section>
        )}

        {collected.length > 0 && (
          <section
            aria-labelledby="pickup-heading"
            className="rounded-xl bg-white p-4 shadow-sm"
          >
            <h2 id="pickup-heading" className="mb-3 font-semibold">
              Collect in store
            </h2>
            <ul className="space-y-1 text-sm">
              {collected.map((l) => (
                <li key={l.id}>
                  {l.quantity} × {l.title} —{" "}
                  <span className="font-medium">{l.locationName}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-ink/70">
              We’ll email you when it’s ready at {stores.join(" and ")}.{" "}
              <Link href="/cart" className="underline">
                Change in your bag
              </Link>
            </p>
          </section>
        )}

        <section
          aria-labelledby="payment-heading"
          className="rounded-xl bg-white p-4 shadow-sm"
        >
          <h2 id="payment-heading" className="mb-3 font-semibold">
            Payment
          </h2>
          {canPayInStore && (
            <fieldset className="mb-4 space-y-2">
              <legend className="sr-only">When to pay</legend>
              <label className="flex min-h-11 items-center gap-3 text-sm">
                <input
                  type="radio"
                  name="paymentMethod"
                  checked={method === "card"}
                  onChange={() => setPayment("card")}
                  className="size-5 accent-brand-600"
                />
                Pay now by card
              </label>
              <label className="flex min-h-11 items-center gap-3 text-sm">
                <input
                  type="radio"
                  name="paymentMethod"
                  checked={method === "pay_in_store"}
                  onChange={() => setPayment("pay_in_store")}
                  className="size-5 accent-brand-600"
                />
                Reserve now, pay in store when you collect
              </label>
            </fieldset>
          )}
          {method === "card" && payments.isTestMode && (
            <div className="space-y-4">
              <p
                className="rounded-lg bg-amber-100 p-3 text-sm font-semibold text-amber-900"
                role="note"
              >
                TEST MODE — no real payment is taken. Use a test card below.
              </p>
              <Field
                label="Card number"
                name="cardNumber"
                inputMode="numeric"
                autoComplete="off"
                placeholder="4242 4242 4242 4242"
                error={fields.cardNumber?.[0]}
              />
              <div className="grid grid-cols-2 gap-4">
                <Field
                  label="Expiry (MM/YY)"
                  name="cardExpiry"
                  autoComplete="off"
                  placeholder="12/34"
                />
                <Field
                  label="Security code"
                  name="cardCvc"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="123"
                />
              </div>
              <details className="text-sm">
                <summary className="inline-flex min-h-11 cursor-pointer items-center underline">
                  Test card numbers
                </summary>
                <ul className="mt-1 space-y-1 font-mono text-xs">
                  {payments.testCards.map((c) => (
                    <li key={c.number}>
                      {c.number} — {c.label}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          )}
          {method === "card" && stripeKey && (
            <StripeCard
              publishableKey={stripeKey}
              amountMinor={cart.totals.totalMinor}
              currency={cart.currency}
              onReady={onStripeReady}
            />
          )}
          {method === "card" && !canPayByCard && (
            <p className="text-sm text-ink/70">
              Card payments are not set up on this shop.
              {canPayInStore ? " You can reserve now and pay in store." : ""}
            </p>
          )}
        </section>
      </div>

      <aside aria-label="Order summary" className="space-y-4">
        <div className="rounded-xl bg-white p-4 shadow-sm md:sticky md:top-20">
          <h2 className="mb-3 font-semibold">Summary</h2>
          <BagTotals cart={cart} />
          <p
            id="checkout-error"
            role="alert"
            className="mt-3 text-sm text-red-700 empty:hidden"
          >
            {error}
          </p>
          <button
            type="submit"
            disabled={
              isPending || !cart.canCheckOut || (method === "card" && !canPayByCard)
            }
            className="mt-4 min-h-12 w-full rounded-lg bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {isPending
              ? "Placing your order…"
              : method === "pay_in_store"
                ? "Reserve to collect"
                : `Pay ${money(cart.totals.totalMinor)}`}
          </button>
          {!cart.canCheckOut && (
            <p className="mt-2 text-sm text-amber-900">
              Something in your bag is no longer available that way.{" "}
              <Link href="/cart" className="underline">
                Review your bag
              </Link>
            </p>
          )}
        </div>
      </aside>
    </form>
  );
}
