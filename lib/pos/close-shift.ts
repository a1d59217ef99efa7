import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { logger } from "@/lib/log";
import { type CloseShiftInput, CloseShiftSchema } from "./schemas";
import { buildShiftReport, type ShiftReport } from "./shift-report";

/**
 * Closes a shift with the cash counted in the drawer: works out the Z
 * report (sales by tender, expected cash, variance), keeps it on the
 * shift and frees the register for the next one. Closing twice is refused.
 */
export async function closeShift(
  db: PrismaClient,
  options: { actor: StaffActor; input: CloseShiftInput; now?: Date },
): Promise<ShiftReport> {
  const input = parseInput(CloseShiftSchema, options.input);
  const now = options.now ?? new Date();

  const report = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Shift" WHERE id = ${input.shiftId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Shift");
    const shift = await tx.shift.findUniqueOrThrow({ where: { id: input.shiftId } });
    authorize(options.actor, "pos:sell", { locationId: shift.locationId });
    if (shift.status !== "OPEN") {
      throw new AppError("conflict", "This shift is already closed.");
    }

    const z = await buildShiftReport(tx, {
      shiftId: shift.id,
      until: now,
      countedCashMinor: input.countedCashMinor,
    });
    const closed = { ...z, closedAt: now.toISOString() };
    await tx.shift.update({
      where: { id: shift.id },
      data: {
        status: "CLOSED",
        openRegisterId: null,
        closedAt: now,
        closedById: options.actor.id,
        countedCashMinor: input.countedCashMinor,
        expectedCashMinor: z.cash.expectedMinor,
        varianceMinor: z.cash.varianceMinor,
        closingReport: closed as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "shift.closed",
      entityType: "shift",
      entityId: shift.id,
      locationId: shift.locationId,
      before: { status: "OPEN" },
      after: {
        status: "CLOSED",
        countedCashMinor: input.countedCashMinor,
        expectedCashMinor: z.cash.expectedMinor,
        varianceMinor: z.cash.varianceMinor,
      },
    });
    await emitEvent(tx, {
      type: "shift.closed",
      aggregateType: "shift",
      aggregateId: shift.id,
      locationId: shift.locationId,
      payload: { registerId: shift.registerId, varianceMinor: z.cash.varianceMinor },
    });
    return closed;
  });
  logger.info(
    { shiftId: report.shiftId, varianceMinor: report.cash.varianceMinor },
    "shift closed",
  );
  return report;
}
