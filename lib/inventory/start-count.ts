import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { countView, findCountSession, zonesOverlap } from "./counts";
import { documentNumber } from "./numbers";
import { resolveLocation } from "./resolve-refs";
import { type StartCountInput, startCountSchema } from "./schemas";

/**
 * Opens a cycle count of a location or of one zone of it. Selling goes
 * on meanwhile. Two open counts may not cover the same stock, or an
 * approval would correct it twice.
 */
export async function startCount(tx: Tx, actor: Actor, input: StartCountInput) {
  const data = parseInput(startCountSchema, input);
  const location = await resolveLocation(tx, data.location, { field: "location" });
  authorize(actor, "inventory:count", { locationId: location.id });
  const binPrefix = data.binPrefix ?? null;

  // Serialises count starts per location so the overlap check cannot race.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`count:${location.id}`}))`;
  const open = await tx.countSession.findMany({
    where: { locationId: location.id, status: "OPEN" },
    select: { number: true, binPrefix: true },
  });
  const clash = open.find((o) => zonesOverlap(o.binPrefix, binPrefix));
  if (clash) {
    const message = `Count ${clash.number} is still open for ${
      clash.binPrefix ? `zone ${clash.binPrefix}` : "the whole location"
    }; approve or cancel it first.`;
    throw new AppError("conflict", message, { fields: { binPrefix: [message] } });
  }

  const created = await tx.countSession.create({
    data: {
      number: documentNumber("CC"),
      locationId: location.id,
      binPrefix,
      note: data.note || null,
      startedBy: actorRef(actor),
    },
    select: { id: true },
  });
  const view = countView(await findCountSession(tx, created.id));
  await recordAudit(tx, {
    actor,
    action: "count.started",
    entityType: "count_session",
    entityId: view.id,
    after: view,
    locationId: location.id,
  });
  await emitEvent(tx, {
    type: "count.started",
    aggregateType: "count_session",
    aggregateId: view.id,
    locationId: location.id,
    payload: view,
  });
  return view;
}
