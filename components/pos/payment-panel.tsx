"use client";

import { useState } from "react";
import { payAction } from "@/app/(pos)/pos/actions";
import { formatMoney } from "@/components/ui/format";
import { parsePrice } from "@/lib/catalog/parse-price";
import type { CartView } from "@/lib/checkout/cart-view";
import type { TenderInput } from "@/lib/payments/tenders";
import { TEST_CARDS, testCardToken } from "@/lib/payments/test-cards";
import type { Receipt } from "@/lib/receipts/receipt";
import { callAction } from "./call-action";

interface Taken {
  tender: TenderInput & { amountMinor: number };
  label: string;
}

export interface Completed {
  receipt: Receipt;
  changeDueMinor: number;
}

const NOTES = [500, 1000, 2000, 5000];

/**
 * Takes payment for a ticket: cash with the amount handed over and the
 * change due, a card (TEST MODE while no live provider is set up), or any
 * split of them. The sale is completed through placeOrder once the
 * tenders cover the total.
 */
export function PaymentPanel({
  ticket,
  onPaid,
  onCancel,
}: {
  ticket: CartView;
  onPaid: (done: Completed) => void;
  onCancel: () => void;
}) {
  const total = ticket.totals.totalMinor;
  const money = (minor: number) => formatMoney(minor, ticket.currency);
  const [taken, setTaken] = useState<Taken[]>([]);
  const [method, setMethod] = useState<"cash" | "card">("cash");
  const [amountText, setAmountText] = useState("");
  const [handedText, setHandedText] = useState("");
  const [cardNumber, setCardNumber] = useState(TEST_CARDS[0]?.number ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [isPaying, setIsPaying] = useState(false);

  const paid = taken.reduce((sum, t) => sum + t.tender.amountMinor, 0);
  const remaining = total - paid;
  const read = (text: string, fallback: number) => {
    if (text.trim() === "") return fallback;
    const parsed = parsePrice(text, ticket.currency, 100_000_000);
    return parsed.ok ? parsed.minor : null;
  };
  const amount = read(amountText, remaining);
  const handed = read(handedText, amount ?? remaining);
  const change = amount !== null && handed !== null ? handed - amount : null;

  async function complete(all: Taken[]) {
    setIsPaying(true);
    setProblem(null);
    try {
      const result = await callAction(payAction, {
        cartId: ticket.id,
        tenders: all.map((t) => t.tender),
        idempotencyKey: crypto.randomUUID(),
        expectedTotalMinor: total,
      });
      if (result.outcome === "placed" && result.receipt) {
        onPaid({ receipt: result.receipt, changeDueMinor: result.order.changeDueMinor });
        return;
      }
      setTaken([]);
      setProblem(
        result.outcome === "payment_declined"
          ? `${result.message} Nothing was charged; take payment again.`
          : "The sale did not complete. Try again.",
      );
    } catch (error) {
      setTaken([]);
      setProblem(error instanceof Error ? error.message : "The sale did not complete.");
    } finally {
      setIsPaying(false);
    }
  }

  function take() {
    setProblem(null);
    if (amount === null || amount <= 0) return setProblem("Enter the amount to pay.");
    if (amount > remaining) return setProblem(`No more than ${money(remaining)} is due.`);
    let next: Taken;
    if (method === "cash") {
      if (handed === null || handed < amount) {
        return setProblem(`At least ${money(amount)} must be handed over.`);
      }
      next = {
        tender: { kind: "cash", amountMinor: amount, tenderedMinor: handed },
        label: `Cash ${money(amount)}`,
      };
    } else {
      const token = testCardToken(cardNumber);
      if (!token) return setProblem("That is not one of the test cards.");
      next = {
        tender: { kind: "card", amountMinor: amount, token },
        label: `Card ${money(amount)} (TEST MODE)`,
      };
    }
    const all = [...taken, next];
    setTaken(all);
    setAmountText("");
    setHandedText("");
    if (amount === remaining) void complete(all);
  }

  return (
    <section aria-label="Payment" className="flex flex-1 flex-col overflow-y-auto p-4">
      <div className="flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">Take payment</h2>
        <button
          type="button"
          onClick={onCancel}
          className="min-h-11 px-2 text-white/80 underline"
        >
          Back to ticket
        </button>
      </div>
      <p className="mt-2 text-3xl font-bold" data-testid="amount-due">
        {money(remaining)}{" "}
        <span className="text-base font-normal text-white/70">to pay</span>
      </p>
      {taken.length > 0 && (
        <ul className="mt-2 text-sm text-white/80" aria-label="Tenders taken">
          {taken.map((t) => (
            <li key={t.label}>✓ {t.label}</li>
          ))}
        </ul>
      )}

      <fieldset className="mt-4 grid grid-cols-2 gap-2">
        <legend className="sr-only">Payment method</legend>
        {(["cash", "card"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={method === m}
            onClick={() => setMethod(m)}
            className={`min-h-12 rounded-xl font-semibold ${method === m ? "bg-white text-brand-900" : "bg-white/10"}`}
          >
            {m === "cash" ? "Cash" : "Card"}
          </button>
        ))}
      </fieldset>

      <label className="mt-4 block text-sm" htmlFor="pay-amount">
        Amount to pay this way
      </label>
      <input
        id="pay-amount"
        inputMode="decimal"
        value={amountText}
        placeholder={(remaining / 100).toFixed(2)}
        onChange={(e) => setAmountText(e.target.value)}
        className="mt-1 min-h-12 w-full rounded-xl bg-white px-4 text-ink"
      />

      {method === "cash" ? (
        <>
          <label className="mt-4 block text-sm" htmlFor="cash-handed">
            Cash handed over
          </label>
          <input
            id="cash-handed"
            inputMode="decimal"
            value={handedText}
            placeholder={amount !== null ? (amount / 100).toFixed(2) : ""}
            onChange={(e) => setHandedText(e.target.value)}
            className="mt-1 min-h-12 w-full rounded-xl bg-white px-4 text-ink"
          />
          <div className="mt-2 flex flex-wrap gap-2">
            {NOTES.filter((n) => amount !== null && n >= amount).map((n) => (
              <button
                key={n}
                type="button"
                onClick={() => setHandedText((n / 100).toFixed(2))}
                className="min-h-11 rounded-lg bg-white/10 px-3"
              >
                {money(n)}
              </button>
            ))}
          </div>
          <p className="mt-3 text-xl" aria-live="polite">
            Change due:{" "}
            <strong data-testid="change-preview">
              {change !== null && change >= 0 ? money(change) : "—"}
            </strong>
          </p>
        </>
      ) : (
        <div className="mt-4 rounded-xl border-2 border-amber-300 bg-amber-300/10 p-3">
          <p className="font-bold text-amber-200">TEST MODE — no real money moves</p>
          <label className="mt-2 block text-sm" htmlFor="test-card">
            Test card
          </label>
          <select
            id="test-card"
            value={cardNumber}
            onChange={(e) => setCardNumber(e.target.value)}
            className="mt-1 min-h-12 w-full rounded-xl bg-white px-3 text-ink"
          >
            {TEST_CARDS.map((c) => (
              <option key={c.number} value={c.number}>
                {c.brand} •••• {c.last4} — {c.label}
              </option>
            ))}
          </select>
        </div>
      )}

      {problem && (
        <p role="alert" className="mt-3 rounded-lg bg-red-100 p-3 text-red-900">
          {problem}
        </p>
      )}
      <button
        type="button"
        disabled={isPaying || remaining <= 0}
        onClick={take}
        className="mt-4 min-h-14 rounded-xl bg-brand-500 text-lg font-bold disabled:opacity-60"
      >
        {isPaying
          ? "Completing sale…"
          : method === "cash"
            ? `Take cash ${amount !== null ? money(amount) : ""}`
            : `Charge card ${amount !== null ? money(amount) : ""}`}
      </button>
    </section>
  );
}
