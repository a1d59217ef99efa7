import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { applyMovements, type MovementInput } from "./apply-movement";
import { countView, findCountSession, scopeCondition } from "./counts";
import { type ApproveCountInput, approveCountSchema } from "./schemas";

/**
 * Approves a count: writes a COUNT_CORRECTION for each variance (counted
 * minus on hand at the scan, so sales since the scan stand), and, unless
 * asked not to, zeroes stock in scope that nobody found. Approving twice
 * is refused: the status changes with one conditional update.
 */
export async function approveCount(
  tx: Tx,
  actor: Actor,
  options: { id: string } & ApproveCountInput,
) {
  const { id, ...rest } = options;
  const data = parseInput(approveCountSchema, rest);
  const session = await findCountSession(tx, id);
  authorize(actor, "inventory:adjust", { locationId: session.locationId });

  const approved = await tx.countSession.updateMany({
    where: { id, status: "OPEN" },
    data: { status: "APPROVED", approvedAt: new Date(), approvedBy: actorRef(actor) },
  });
  if (approved.count === 0) {
    const current = await findCountSession(tx, id);
    const state = current.status.toLowerCase();
    throw new AppError("conflict", `Count ${current.number} is already ${state}.`, {
      fields: { id: [`This count is already ${state}.`] },
    });
  }

  // Lock the levels in scope, in the one lock order, before reading the
  // on hand of uncounted ones, so a sale cannot slip in between.
  const inScope = await tx.$queryRaw<{ variantId: string; onHand: number }[]>`
    SELECT l."variantId", l."onHand" FROM "InventoryLevel" AS l
    WHERE ${scopeCondition(session)}
    ORDER BY l."variantId", l."locationId"
    FOR UPDATE`;
  const lines = await tx.countLine.findMany({ where: { sessionId: id } });
  const counted = new Set(lines.map((l) => l.variantId));

  const base = {
    locationId: session.locationId,
    reason: "COUNT_CORRECTION" as const,
    sourceType: "count",
    sourceId: id,
    note: session.number,
    actor: actorRef(actor),
  };
  const corrections: MovementInput[] = [
    ...lines.map((line) => ({
      ...base,
      variantId: line.variantId,
      quantity: line.counted - line.expectedAtScan,
    })),
    ...(data.zeroUncounted
      ? inScope
          .filter((level) => !counted.has(level.variantId))
          .map((level) => ({
            ...base,
            variantId: level.variantId,
            quantity: -level.onHand,
          }))
      : []),
  ].filter((m) => m.quantity !== 0);
  const applied = await applyMovements(tx, corrections);

  // The recount the exceptions asked for has happened.
  await tx.stockException.updateMany({
    where: {
      locationId: session.locationId,
      variantId: { in: [...counted] },
      resolvedAt: null,
    },
    data: { resolvedAt: new Date(), resolvedBy: actorRef(actor) },
  });

  const view = countView(await findCountSession(tx, id));
  const summary = {
    ...view,
    corrections: applied.map((m) => ({
      sku: m.sku,
      quantity: m.quantity,
      onHand: m.onHand,
    })),
  };
  await recordAudit(tx, {
    actor,
    action: "count.approved",
    entityType: "count_session",
    entityId: id,
    before: { status: session.status },
    after: summary,
    locationId: session.locationId,
  });
  await emitEvent(tx, {
    type: "count.approved",
    aggregateType: "count_session",
    aggregateId: id,
    locationId: session.locationId,
    payload: summary,
  });
  return summary;
}
