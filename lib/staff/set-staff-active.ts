import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { loadManagedStaff, refuseLastOwner, refuseSelf } from "./load-staff";
import { setStaffActiveSchema } from "./schemas";

/**
 * Deactivates a staff member (their sessions end at once: every request
 * re-reads them) or reactivates them. Their history stays.
 */
export async function setStaffActive(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "staff:manage");
  const { staffId, isActive } = parseInput(setStaffActiveSchema, input);

  return db.$transaction(async (tx) => {
    const user = await loadManagedStaff(tx, actor, staffId);
    if (user.isActive === isActive) return { id: user.id, isActive };
    if (!isActive) refuseSelf(actor, user.id, "deactivate");
    await refuseLastOwner(tx, user.id, { isActive });

    await tx.staffUser.update({ where: { id: user.id }, data: { isActive } });
    const action = isActive ? "staff.reactivated" : "staff.deactivated";
    await recordAudit(tx, {
      actor,
      action,
      entityType: "staff_user",
      entityId: user.id,
      locationId: user.locationIds[0] ?? null,
      before: { isActive: user.isActive },
      after: { isActive },
    });
    await emitEvent(tx, {
      type: action,
      aggregateType: "staff_user",
      aggregateId: user.id,
      locationId: user.locationIds[0] ?? null,
      payload: { isActive },
    });
    return { id: user.id, isActive };
  });
}
