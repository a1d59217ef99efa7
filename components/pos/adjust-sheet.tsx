"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { adjustTicketAction, clearAdjustmentAction } from "@/app/(pos)/pos/actions";
import { formatMoney } from "@/components/ui/format";
import { parsePrice } from "@/lib/catalog/parse-price";
import type { CartView } from "@/lib/checkout/cart-view";
import { callAction, PosActionError } from "./call-action";

type Kind = "price_override" | "amount_off" | "percent_off";

const KIND_LABELS: Record<Kind, string> = {
  price_override: "New price",
  amount_off: "Amount off",
  percent_off: "Percent off",
};

/**
 * Changes a line's price or takes a discount off a line or the whole sale.
 * A manager types their PIN on this device to approve it; the server
 * checks the PIN, applies the change and audits who asked and who approved.
 */
export function AdjustSheet({
  ticket,
  lineId,
  onClose,
}: {
  ticket: CartView;
  /** null: a discount on the whole sale. */
  lineId: string | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const line = lineId ? ticket.lines.find((l) => l.id === lineId) : null;
  const kinds: Kind[] = line
    ? ["price_override", "amount_off", "percent_off"]
    : ["amount_off", "percent_off"];
  const [kind, setKind] = useState<Kind>(kinds[0] ?? "amount_off");
  const [valueText, setValueText] = useState("");
  const [reason, setReason] = useState("");
  const [pin, setPin] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const money = (minor: number) => formatMoney(minor, ticket.currency);

  const hasOverride = line?.priceOverride != null;
  const hasDiscount = line ? line.manualDiscount != null : ticket.manualDiscount != null;

  function show(view: CartView) {
    queryClient.setQueryData(["pos-ticket", view.id], view);
    onClose();
  }

  function changeFromInput() {
    if (kind === "percent_off") {
      const percent = Number(valueText.replace("%", "").trim());
      return valueText.trim() && Number.isFinite(percent) ? { kind, percent } : null;
    }
    const parsed = parsePrice(valueText, ticket.currency, 100_000_000);
    if (!parsed.ok) return null;
    return kind === "price_override"
      ? { kind, unitPriceMinor: parsed.minor }
      : { kind, amountMinor: parsed.minor };
  }

  async function submit() {
    setErrors({});
    setMessage(null);
    const change = changeFromInput();
    if (!change) {
      setErrors({ value: [`Enter ${KIND_LABELS[kind].toLowerCase()}.`] });
      return;
    }
    setIsBusy(true);
    try {
      const view = await callAction(adjustTicketAction, {
        cartId: ticket.id,
        lineId: lineId,
        change,
        reason,
        approverPin: pin,
      });
      show(view);
    } catch (error) {
      setPin("");
      if (error instanceof PosActionError) {
        setErrors(error.fields);
        setMessage(error.message);
      } else setMessage("That did not work. Try again.");
    } finally {
      setIsBusy(false);
    }
  }

  async function clear(which: "price_override" | "discount") {
    setIsBusy(true);
    try {
      show(
        await callAction(clearAdjustmentAction, {
          cartId: ticket.id,
          lineId,
          kind: which,
        }),
      );
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "That did not work.");
    } finally {
      setIsBusy(false);
    }
  }

  const fieldError = (name: string) =>
    errors[name]?.[0] ? (
      <p className="mt-1 text-sm text-red-300" id={`adjust-${name}-error`}>
        {errors[name]?.[0]}
      </p>
    ) : null;
  const valueError =
    errors.value ??
    errors["change.unitPriceMinor"] ??
    errors["change.amountMinor"] ??
    errors["change.percent"];

  return (
    <section
      aria-label={line ? `Change ${line.title}` : "Discount the sale"}
      className="flex-1 overflow-y-auto p-4"
    >
      <h2 className="text-lg font-bold">
        {line ? line.title : "Discount the whole sale"}
      </h2>
      {line && (
        <p className="text-sm text-white/70">
          {line.quantity} × {money(line.unitPriceMinor)}
          {line.listUnitPriceMinor !== line.unitPriceMinor &&
            ` (was ${money(line.listUnitPriceMinor)})`}
        </p>
      )}
      <form
        className="mt-4 space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend className="text-sm text-white/70">Change</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {kinds.map((k) => (
              <label
                key={k}
                className={`min-h-11 cursor-pointer rounded-lg px-3 py-2 ${kind === k ? "bg-white text-ink" : "bg-white/10"}`}
              >
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="sr-only"
                />
                {KIND_LABELS[k]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="adjust-value" className="block text-sm text-white/70">
            {kind === "price_override"
              ? "New price each"
              : kind === "amount_off"
                ? "Amount off"
                : "Percent off"}
          </label>
          <input
            id="adjust-value"
            value={valueText}
            onChange={(e) => setValueText(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={valueError ? true : undefined}
            className="mt-1 min-h-12 w-full rounded-xl bg-white px-3 text-ink"
          />
          {valueError?.[0] && (
            <p className="mt-1 text-sm text-red-300">{valueError[0]}</p>
          )}
        </div>
        <div>
          <label htmlFor="adjust-reason" className="block text-sm text-white/70">
            Reason
          </label>
          <input
            id="adjust-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            autoComplete="off"
            className="mt-1 min-h-12 w-full rounded-xl bg-white px-3 text-ink"
          />
          {fieldError("reason")}
        </div>
        <div>
          <label htmlFor="adjust-pin" className="block text-sm text-white/70">
            Manager PIN
          </label>
          <input
            id="adjust-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            className="mt-1 min-h-12 w-full rounded-xl bg-white px-3 text-ink"
          />
          {fieldError("approverPin")}
        </div>
        <div aria-live="polite">
          {message && (
            <p role="alert" className="rounded-xl bg-amber-200 p-3 text-ink">
              {message}
            </p>
          )}
        </div>
        <button
          type="submit"
          disabled={isBusy}
          className="min-h-12 w-full rounded-xl bg-brand-500 font-bold disabled:opacity-50"
        >
          {isBusy ? "Checking…" : "Approve"}
        </button>
      </form>
      <div className="mt-4 flex flex-wrap gap-2">
        {hasOverride && (
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void clear("price_override")}
            className="min-h-11 rounded-lg border border-white/30 px-3"
          >
            Back to the catalogue price
          </button>
        )}
        {hasDiscount && (
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void clear("discount")}
            className="min-h-11 rounded-lg border border-white/30 px-3"
          >
            Remove the discount
          </button>
        )}
        <button
          type="button"
          onClick={onClose}
          className="min-h-11 rounded-lg px-3 underline"
        >
          Cancel
        </button>
      </div>
    </section>
  );
}
