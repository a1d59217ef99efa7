"use client";

import { useState } from "react";
import { payAction, tenderBalanceAction } from "@/app/(pos)/pos/actions";
import { formatMoney } from "@/components/ui/format";
import { parsePrice } from "@/lib/catalog/parse-price";
import type { CartView } from "@/lib/checkout/cart-view";
import type { TenderInput } from "@/lib/payments/tenders";
import { TEST_CARDS, testCardToken } from "@/lib/payments/test-cards";
import type { Receipt } from "@/lib/receipts/receipt";
import { callAction } from "./call-action";
import { type ReaderApproval, useCardReader } from "./use-card-reader";

/**
 * How this register takes cards: its Stripe Terminal reader, the TEST MODE
 * reader (test cards, no money moves), or not at all.
 */
export type CardMode = "reader" | "test" | "none";

interface Taken {
  tender: TenderInput & { amountMinor: number };
  label: string;
}

export interface Completed {
  receipt: Receipt;
  changeDueMinor: number;
  /** The attached customer's email, offered for the emailed receipt. */
  suggestedEmail?: string | null;
}

const NOTES = [500, 1000, 2000, 5000];

type Method = "cash" | "card" | "gift_card" | "store_credit";
const METHOD_LABELS: Record<Method, string> = {
  cash: "Cash",
  card: "Card",
  gift_card: "Gift card",
  store_credit: "Store credit",
};

/**
 * Takes payment for a ticket: cash with the amount handed over and the
 * change due, a card (on the register's Stripe reader, or TEST MODE while
 * none is set up), or any split of them. The sale is completed through
 * placeOrder once the tenders cover the total.
 */
export function PaymentPanel({
  ticket,
  cardMode = "test",
  onPaid,
  onCancel,
}: {
  ticket: CartView;
  cardMode?: CardMode;
  onPaid: (done: Completed) => void;
  onCancel: () => void;
}) {
  const total = ticket.totals.totalMinor;
  const money = (minor: number) => formatMoney(minor, ticket.currency);
  const [taken, setTaken] = useState<Taken[]>([]);
  const [method, setMethod] = useState<Method>("cash");
  const [giftCode, setGiftCode] = useState("");
  const [balance, setBalance] = useState<{
    method: Method;
    code: string;
    balanceMinor: number;
    last4: string | null;
  } | null>(null);
  const [amountText, setAmountText] = useState("");
  const [handedText, setHandedText] = useState("");
  const [cardNumber, setCardNumber] = useState(TEST_CARDS[0]?.number ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [isPaying, setIsPaying] = useState(false);
  const reader = useCardReader({
    cartId: ticket.id,
    onApproved: onReaderApproved,
    onProblem: setProblem,
  });
  const isReaderBusy = reader.waiting !== null || reader.isStarting;

  const paid = taken.reduce((sum, t) => sum + t.tender.amountMinor, 0);
  const remaining = total - paid;
  const read = (text: string, fallback: number) => {
    if (text.trim() === "") return fallback;
    const parsed = parsePrice(text, ticket.currency, 100_000_000);
    return parsed.ok ? parsed.minor : null;
  };
  const known =
    balance &&
    balance.method === method &&
    (method !== "gift_card" || balance.code === giftCode)
      ? balance
      : null;
  // What is already promised from this card or credit in this sale.
  const usedHere = taken
    .filter((t) =>
      t.tender.kind === "gift_card"
        ? method === "gift_card" && t.tender.code === giftCode
        : t.tender.kind === method && method === "store_credit",
    )
    .reduce((sum, t) => sum + t.tender.amountMinor, 0);
  const available = known ? Math.max(0, known.balanceMinor - usedHere) : null;
  const amount = read(
    amountText,
    available !== null ? Math.min(remaining, available) : remaining,
  );
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

  // The shopper's card went through on the reader: it is a card tender whose
  // token is the intent, which checkout verifies with Stripe and captures.
  function onReaderApproved(approval: ReaderApproval) {
    const card = approval.cardLast4
      ? ` ${approval.cardBrand ?? ""} ···· ${approval.cardLast4}`
      : "";
    const next: Taken = {
      tender: {
        kind: "card",
        amountMinor: approval.amountMinor,
        token: approval.paymentIntentId,
      },
      label: `Card${card} ${money(approval.amountMinor)}`,
    };
    const all = [...taken, next];
    setTaken(all);
    setAmountText("");
    if (approval.amountMinor === remaining) void complete(all);
  }

  async function checkBalance(next: Method) {
    setProblem(null);
    try {
      const found = await callAction(
        tenderBalanceAction,
        next === "gift_card"
          ? { kind: "gift_card", code: giftCode }
          : { kind: "store_credit", cartId: ticket.id },
      );
      setBalance({ method: next, code: giftCode, ...found });
    } catch (error) {
      setBalance(null);
      setProblem(
        error instanceof Error ? error.message : "The balance could not be read.",
      );
    }
  }

  function choose(next: Method) {
    setMethod(next);
    setProblem(null);
    if (next === "store_credit") void checkBalance(next);
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
    } else if (method === "gift_card" || method === "store_credit") {
      if (available === null) return setProblem("Check the balance first.");
      if (amount > available) {
        return setProblem(`Only ${money(available)} is left to use.`);
      }
      next =
        method === "gift_card"
          ? {
              tender: { kind: "gift_card", amountMinor: amount, code: giftCode.trim() },
              label: `Gift card ···· ${known?.last4 ?? ""} ${money(amount)}`,
            }
          : {
              tender: { kind: "store_credit", amountMinor: amount },
              label: `Store credit ${money(amount)}`,
            };
    } else if (cardMode === "reader") {
      void reader.start(amount);
      return;
    } else if (cardMode === "none") {
      return setProblem("This register takes no cards.");
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
          disabled={isReaderBusy}
          className="min-h-11 px-2 text-white/80 underline disabled:opacity-60"
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
        {(["cash", "card", "gift_card", "store_credit"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={method === m}
            disabled={isReaderBusy}
            onClick={() => choose(m)}
            className={`min-h-12 rounded-xl font-semibold ${method === m ? "bg-white text-brand-900" : "bg-white/10"}`}
          >
            {METHOD_LABELS[m]}
          </button>
        ))}
      </fieldset>
      {method === "gift_card" && (
        <div className="mt-4">
          <label className="block text-sm" htmlFor="gift-code">
            Gift card code
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="gift-code"
              value={giftCode}
              onChange={(e) => setGiftCode(e.target.value)}
              autoComplete="off"
              className="min-h-12 min-w-0 flex-1 rounded-xl bg-white px-4 font-mono text-ink"
            />
            <button
              type="button"
              onClick={() => void checkBalance("gift_card")}
              className="min-h-12 rounded-xl bg-white/10 px-3 font-semibold"
            >
              Check balance
            </button>
          </div>
        </div>
      )}
      {(method === "gift_card" || method === "store_credit") && available !== null && (
        <p className="mt-2 text-sm" data-testid="tender-balance">
          {method === "gift_card"
            ? `Card ···· ${known?.last4 ?? ""}: `
            : "Store credit: "}
          {money(available)} available
        </p>
      )}

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

      {method === "cash" && (
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
      )}
      {method === "card" && cardMode === "reader" && (
        <div
          className="mt-4 rounded-xl border-2 border-white/40 bg-white/10 p-3"
          role="status"
          aria-live="polite"
          data-testid="card-reader"
        >
          {reader.waiting ? (
            <>
              <p className="text-lg font-bold">
                Present card on reader {reader.waiting.readerLabel}
              </p>
              <p className="mt-1 text-white/80">
                {money(reader.waiting.amountMinor)} — waiting for the card…
              </p>
              <button
                type="button"
                disabled={reader.isCanceling}
                onClick={() => void reader.cancel()}
                className="mt-3 min-h-12 w-full rounded-xl bg-white/20 font-semibold disabled:opacity-60"
              >
                {reader.isCanceling ? "Cancelling…" : "Cancel card payment"}
              </button>
            </>
          ) : (
            <p>
              {reader.isStarting
                ? "Sending the amount to the card reader…"
                : "The amount goes to this register's card reader; the shopper taps or inserts the card there."}
            </p>
          )}
        </div>
      )}
      {method === "card" && cardMode === "none" && (
        <p className="mt-4 rounded-xl bg-white/10 p-3" data-testid="card-reader">
          This register takes no cards: card payments need Stripe set up and a reader
          given to the register under Locations.
        </p>
      )}
      {method === "card" && cardMode === "test" && (
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
        disabled={isPaying || isReaderBusy || remaining <= 0}
        onClick={take}
        className="mt-4 min-h-14 rounded-xl bg-brand-500 text-lg font-bold disabled:opacity-60"
      >
        {isPaying
          ? "Completing sale…"
          : method === "cash"
            ? `Take cash ${amount !== null ? money(amount) : ""}`
            : method === "card"
              ? `${cardMode === "reader" ? "Send to reader" : "Charge card"} ${amount !== null ? money(amount) : ""}`
              : `Take ${METHOD_LABELS[method].toLowerCase()} ${amount !== null ? money(amount) : ""}`}
      </button>
    </section>
  );
}
