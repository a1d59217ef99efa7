import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { type CashMovementInput, CashMovementSchema } from "./schemas";

/** Records cash put into or taken out of an open shift's drawer outside a sale. */
export async function recordCashMovement(
  db: PrismaClient,
  options: { actor: StaffActor; input: CashMovementInput },
) {
  const input = parseInput(CashMovementSchema, options.input);
  return db.$transaction(async (tx) => {
    const shift = await tx.shift.findUnique({ where: { id: input.shiftId } });
    if (!shift) throw notFound("Shift");
    authorize(options.actor, "pos:sell", { locationId: shift.locationId });
    if (shift.status !== "OPEN") throw new AppError("conflict", "This shift is closed.");

    const movement = await tx.cashMovement.create({
      data: { ...input, staffId: options.actor.id },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "shift.cash_moved",
      entityType: "shift",
      entityId: shift.id,
      locationId: shift.locationId,
      after: { kind: input.kind, amountMinor: input.amountMinor, reason: input.reason },
    });
    await emitEvent(tx, {
      type: "shift.cash_moved",
      aggregateType: "shift",
      aggregateId: shift.id,
      locationId: shift.locationId,
      payload: { kind: input.kind, amountMinor: input.amountMinor },
    });
    return movement;
  });
}
