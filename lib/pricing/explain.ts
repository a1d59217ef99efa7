/**
 * Plain-English sentences for a pricing explanation: for the promotion
 * editor's preview, the POS and the storefront. Amounts are formatted here,
 * at the edge, never inside the engine.
 */
import { formatMoney } from "../money/format";
import type { CodeOutcome, PricingResult, SkipReason } from "./types";

export interface ExplanationText {
  applied: string[];
  notApplied: string[];
  codes: string[];
}

const CHANNEL_NAMES = { WEB: "online", POS: "in store", API: "through the API" } as const;

/** Describes which promotions applied, which did not and why, and each entered code. */
export function describeExplanation(
  result: PricingResult,
  locale = "en-GB",
): ExplanationText {
  const format = (amount: number) =>
    formatMoney({ amount, currency: result.currency }, locale);
  const names = new Map<string, string>();
  for (const entry of result.explanation.applied)
    names.set(entry.promotionId, entry.name);
  for (const entry of result.explanation.notApplied)
    names.set(entry.promotionId, entry.name);
  const nameOf = (id: string) => names.get(id) ?? "another promotion";

  return {
    applied: result.explanation.applied.map((entry) => {
      const code = entry.code ? ` (code ${entry.code})` : "";
      const capped = entry.isCapped ? ", capped" : "";
      return `${entry.name}${code}: ${format(entry.amount)} off${capped}.`;
    }),
    notApplied: result.explanation.notApplied.map(
      (entry) => `${entry.name}: ${describeReason(entry.reason, format, nameOf)}.`,
    ),
    codes: result.explanation.codes.map((outcome) =>
      describeCode(outcome, format, nameOf),
    ),
  };
}

/** One reason in words, e.g. "spend £12.50 more on qualifying items". */
export function describeReason(
  reason: SkipReason,
  format: (amount: number) => string,
  nameOf: (promotionId: string) => string = () => "another promotion",
): string {
  switch (reason.code) {
    case "outside_time_window":
      if (reason.window === "not_started") return "has not started yet";
      if (reason.window === "ended") return "has ended";
      return "is not on at this time of day";
    case "wrong_channel":
      return `is not offered ${CHANNEL_NAMES[reason.channel]}`;
    case "wrong_location":
      return "is not offered at this store";
    case "wrong_currency":
      return `is not offered in ${reason.currency}`;
    case "customer_group":
      return `is for ${reason.groups.join(" or ")} customers only`;
    case "first_order_only":
      return "is for a customer's first order only";
    case "customer_required":
      return "needs a known customer";
    case "code_missing":
      return "needs a promotion code";
    case "limit_reached":
      if (reason.scope === "code") return "the code has already been used up";
      if (reason.scope === "customer")
        return "already used as often as allowed per customer";
      return "has been redeemed as often as allowed";
    case "no_matching_items":
      return "no item in the basket qualifies";
    case "min_quantity": {
      const missing = reason.required - reason.actual;
      return `add ${missing} more qualifying item${missing === 1 ? "" : "s"}`;
    }
    case "threshold_not_met":
      return `spend ${format(reason.required - reason.actual)} more on qualifying items`;
    case "no_shipping":
      return "the order has no shipping charge";
    case "no_benefit":
      return "there is nothing left for it to take off";
    case "excluded":
      return reason.isByExclusive
        ? `cannot be combined with ${nameOf(reason.by)}`
        : `cannot be combined, and ${nameOf(reason.by)} already applies`;
  }
}

function describeCode(
  outcome: CodeOutcome,
  format: (amount: number) => string,
  nameOf: (promotionId: string) => string,
): string {
  switch (outcome.status) {
    case "applied":
      return `${outcome.code}: applied.`;
    case "unknown":
      return `${outcome.code}: not a valid code.`;
    case "inactive":
      return `${outcome.code}: not valid at the moment.`;
    case "limit_reached":
      return `${outcome.code}: already used.`;
    case "duplicate":
      return `${outcome.code}: already entered.`;
    case "not_applied":
      return outcome.reason
        ? `${outcome.code}: not applied, ${describeReason(outcome.reason, format, nameOf)}.`
        : `${outcome.code}: not applied.`;
  }
}
