import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { hashSecret } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-rules";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { loadManagedStaff } from "./load-staff";
import { resetStaffPasswordSchema } from "./schemas";

/**
 * Sets a new password for a staff member (to hand over in person) and ends
 * every session they began before it. Only the hash is stored; the audit
 * entry records that it changed, never the password.
 */
export async function resetStaffPassword(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "staff:manage");
  const { staffId, password } = parseInput(resetStaffPasswordSchema, input);
  const passwordHash = await hashSecret(password);

  return db.$transaction(async (tx) => {
    const user = await loadManagedStaff(tx, actor, staffId);
    const [personal] = passwordProblems(password, { email: user.email, name: user.name });
    if (personal) {
      throw new AppError("invalid_input", "Some fields need attention.", {
        fields: { password: [personal] },
      });
    }

    const changedAt = new Date();
    await tx.staffUser.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: changedAt },
    });
    await recordAudit(tx, {
      actor,
      action: "staff.password_reset",
      entityType: "staff_user",
      entityId: user.id,
      locationId: user.locationIds[0] ?? null,
      after: { passwordChangedAt: changedAt.toISOString() },
    });
    await emitEvent(tx, {
      type: "staff.password_reset",
      aggregateType: "staff_user",
      aggregateId: user.id,
      locationId: user.locationIds[0] ?? null,
      payload: {},
    });
    return { id: user.id, passwordChangedAt: changedAt };
  });
}
