import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { type AppliedMovement, applyMovements } from "./apply-movement";

/**
 * Puts returned goods back into stock at the location that received them,
 * whatever channel sold them: a RETURN movement per line (a new receipt
 * layer dated today). Goods returned damaged are not restocked; the
 * returns flow simply leaves them out.
 */
export async function restockReturn(
  tx: Tx,
  options: {
    actor: Actor;
    locationId: string;
    lines: readonly { variantId: string; quantity: number }[];
    /** The return, e.g. ("return", "<id>"). */
    sourceType: string;
    sourceId: string;
  },
): Promise<AppliedMovement[]> {
  authorize(options.actor, "pos:refund", { locationId: options.locationId });
  const fields: FieldErrors = {};
  if (options.lines.length === 0) fields.lines = ["Return at least one line."];
  options.lines.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      fields[`lines.${i}.quantity`] = ["Return a whole number of units, at least 1."];
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some fields need attention.", { fields });
  }

  return applyMovements(
    tx,
    options.lines.map((line) => ({
      variantId: line.variantId,
      locationId: options.locationId,
      quantity: line.quantity,
      reason: "RETURN" as const,
      sourceType: options.sourceType,
      sourceId: options.sourceId,
      actor: actorRef(options.actor),
    })),
  );
}
