import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import type { SizedTender, TenderInput } from "./tenders";

/**
 * Gives every tender its exact amount: the one without an amount takes
 * what the others leave. Refuses, naming the tender, a split that does not
 * add up to the total, cash handed over short of what it pays, and cash
 * anywhere but at a till.
 */
export function sizeTenders(options: {
  tenders: readonly TenderInput[];
  totalMinor: number;
  isAtTill: boolean;
  formatAmount: (minor: number) => string;
}): SizedTender[] {
  const { tenders, totalMinor } = options;
  const fields: FieldErrors = {};
  const refuse = (message: string, extra: FieldErrors = {}) =>
    new AppError("invalid_input", message, { fields: { ...fields, ...extra } });

  if (totalMinor === 0) {
    if (tenders.length > 0) throw refuse("Nothing is due: leave the tenders out.");
    return [];
  }
  if (tenders.length === 0) {
    throw refuse("Say how the order is paid.", { tenders: ["Add at least one tender."] });
  }

  const given = tenders.reduce((sum, t) => sum + (t.amountMinor ?? 0), 0);
  const openIndex = tenders.findIndex((t) => t.amountMinor === undefined);
  const rest = totalMinor - given;
  if (openIndex === -1 ? rest !== 0 : rest <= 0) {
    throw refuse(`The tenders must add up to ${options.formatAmount(totalMinor)}.`, {
      tenders: [`They add up to ${options.formatAmount(given)}.`],
    });
  }

  const sized = tenders.map((tender, index) => ({
    ...tender,
    amountMinor: tender.amountMinor ?? rest,
    index,
  }));
  for (const tender of sized) {
    if (tender.kind !== "cash") continue;
    const field = `tenders.${tender.index}`;
    if (!options.isAtTill) fields[field] = ["Cash is taken only at a till."];
    else if (tender.tenderedMinor < tender.amountMinor) {
      fields[`${field}.tenderedMinor`] = [
        `At least ${options.formatAmount(tender.amountMinor)} must be handed over.`,
      ];
    }
  }
  if (Object.keys(fields).length > 0) throw refuse("Some tenders need attention.");
  return sized;
}
