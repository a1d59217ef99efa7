"use client";

import {
  Elements,
  PaymentElement,
  useElements,
  useStripe,
} from "@stripe/react-stripe-js";
import { loadStripe, type Stripe } from "@stripe/stripe-js";
import { useEffect, useState } from "react";

/** What the checkout form asks of the Payment Element when the shopper pays. */
export interface StripeCardHandle {
  /** Validates what the shopper typed; a message to show, or null. */
  check(): Promise<string | null>;
  /**
   * Confirms the PaymentIntent with what was typed: the intent's id once
   * authorized here, or a message. A method that leaves the page comes
   * back to `returnUrl` instead of resolving.
   */
  confirm(
    clientSecret: string,
    returnUrl: string,
  ): Promise<{ paymentIntentId: string } | { message: string }>;
}

let stripePromise: Promise<Stripe | null> | null = null;
let loadedKey: string | null = null;

function stripeFor(publishableKey: string) {
  if (!stripePromise || loadedKey !== publishableKey) {
    loadedKey = publishableKey;
    stripePromise = loadStripe(publishableKey);
  }
  return stripePromise;
}

/**
 * Stripe's Payment Element: card details are typed into Stripe's own
 * frame and never reach this app. The intent is made only when the shopper
 * pays (for the total they see), so the element is set up with the amount
 * and manual capture and no intent yet.
 */
export function StripeCard({
  publishableKey,
  amountMinor,
  currency,
  onReady,
}: {
  publishableKey: string;
  amountMinor: number;
  currency: string;
  onReady: (handle: StripeCardHandle | null) => void;
}) {
  return (
    <Elements
      stripe={stripeFor(publishableKey)}
      options={{
        mode: "payment",
        amount: amountMinor,
        currency: currency.toLowerCase(),
        captureMethod: "manual",
      }}
    >
      <StripeCardFields onReady={onReady} />
    </Elements>
  );
}

function StripeCardFields({
  onReady,
}: {
  onReady: (handle: StripeCardHandle | null) => void;
}) {
  const stripe = useStripe();
  const elements = useElements();
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!stripe || !elements) {
      onReady(null);
      return;
    }
    onReady({
      async check() {
        const { error } = await elements.submit();
        return error ? (error.message ?? "Check the card details.") : null;
      },
      async confirm(clientSecret, returnUrl) {
        const { error, paymentIntent } = await stripe.confirmPayment({
          elements,
          clientSecret,
          confirmParams: { return_url: returnUrl },
          redirect: "if_required",
        });
        if (error) return { message: error.message ?? "The card was declined." };
        if (paymentIntent.status !== "requires_capture") {
          return { message: "The payment was not authorized. Try another card." };
        }
        return { paymentIntentId: paymentIntent.id };
      },
    });
    return () => onReady(null);
  }, [stripe, elements, onReady]);

  return (
    <div>
      <PaymentElement
        options={{ layout: "tabs" }}
        onLoadError={(event) =>
          setLoadError(event.error.message ?? "The card form could not load.")
        }
      />
      {loadError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {loadError} Reload the page to try again.
        </p>
      )}
    </div>
  );
}
