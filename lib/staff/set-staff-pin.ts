import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { hashSecret, verifySecret } from "@/lib/auth/password";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { loadManagedStaff } from "./load-staff";
import { setStaffPinSchema } from "./schemas";

// A PIN picks out who is at the register, so two active people who share a
// location must not share one. Hashes cannot be compared, only verified.
async function refuseSharedPin(
  tx: Tx,
  staffId: string,
  locationIds: string[],
  pin: string,
): Promise<void> {
  if (locationIds.length === 0) return;
  const colleagues = await tx.staffUser.findMany({
    where: {
      id: { not: staffId },
      isActive: true,
      pinHash: { not: null },
      locations: { some: { locationId: { in: locationIds } } },
    },
    select: { pinHash: true },
  });
  for (const colleague of colleagues) {
    if (await verifySecret(colleague.pinHash, pin)) {
      throw new AppError("conflict", "Choose another PIN.", {
        fields: { pin: ["Someone at the same location already uses this PIN."] },
      });
    }
  }
}

/** Sets or removes a staff member's POS PIN; only its hash is stored. */
export async function setStaffPin(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "staff:manage");
  const { staffId, pin } = parseInput(setStaffPinSchema, input);
  const pinHash = pin ? await hashSecret(pin) : null;

  return db.$transaction(
    async (tx) => {
      const user = await loadManagedStaff(tx, actor, staffId);
      if (pin) await refuseSharedPin(tx, user.id, user.locationIds, pin);

      await tx.staffUser.update({ where: { id: user.id }, data: { pinHash } });
      const action = pin ? "staff.pin_set" : "staff.pin_removed";
      await recordAudit(tx, {
        actor,
        action,
        entityType: "staff_user",
        entityId: user.id,
        locationId: user.locationIds[0] ?? null,
        before: { hasPin: user.pinHash !== null },
        after: { hasPin: pin !== null },
      });
      await emitEvent(tx, {
        type: action,
        aggregateType: "staff_user",
        aggregateId: user.id,
        locationId: user.locationIds[0] ?? null,
        payload: {},
      });
      return { id: user.id, hasPin: pin !== null };
    },
    // Verifying colleagues' PIN hashes takes a moment each.
    { timeout: 30_000 },
  );
}
