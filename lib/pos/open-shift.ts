import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { logger } from "@/lib/log";
import { defaultCurrency } from "@/lib/pricing-data/markets";
import { type OpenShiftInput, OpenShiftSchema } from "./schemas";

/**
 * Opens a shift on a register with the float counted into the drawer.
 * A register has one open shift at a time: a second opening, even one
 * racing the first, is refused by the unique open-register index.
 */
export async function openShift(
  db: PrismaClient,
  options: { actor: StaffActor; input: OpenShiftInput; now?: Date },
) {
  const input = parseInput(OpenShiftSchema, options.input);
  const register = await db.register.findUnique({ where: { id: input.registerId } });
  if (!register?.isActive) throw notFound("Register");
  authorize(options.actor, "pos:sell", { locationId: register.locationId });
  const currency = await defaultCurrency(db);

  try {
    const shift = await db.$transaction(async (tx) => {
      const created = await tx.shift.create({
        data: {
          locationId: register.locationId,
          registerId: register.id,
          openRegisterId: register.id,
          currency,
          openedById: options.actor.id,
          openedAt: options.now ?? new Date(),
          openingFloatMinor: input.openingFloatMinor,
        },
      });
      await recordAudit(tx, {
        actor: options.actor,
        action: "shift.opened",
        entityType: "shift",
        entityId: created.id,
        locationId: register.locationId,
        after: { registerId: register.id, openingFloatMinor: input.openingFloatMinor },
      });
      await emitEvent(tx, {
        type: "shift.opened",
        aggregateType: "shift",
        aggregateId: created.id,
        locationId: register.locationId,
        payload: { registerId: register.id },
      });
      return created;
    });
    logger.info({ shiftId: shift.id, registerId: register.id }, "shift opened");
    return shift;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "A shift is already open on this register.");
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.message} ${String((error as { code?: unknown }).code)}`
      : "";
  return (
    text.includes("P2002") || text.includes("Unique constraint") || text.includes("23505")
  );
}
