import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { LOCATION_SCOPED_ROLES } from "@/lib/auth/permissions";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { loadManagedStaff, refuseLastOwner, refuseSelf } from "./load-staff";
import { updateStaffUserSchema } from "./schemas";
import { assertCanManageStaff } from "./staff-scope";

async function refuseUnknownLocations(tx: Tx, locationIds: string[]): Promise<void> {
  const found = await tx.location.count({ where: { id: { in: locationIds } } });
  if (found !== new Set(locationIds).size) {
    throw new AppError("invalid_input", "Some of the chosen locations do not exist.", {
      fields: { locationIds: ["Choose locations from the list."] },
    });
  }
}

/** Changes a staff member's name, role and locations; audited before and after. */
export async function updateStaffUser(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "staff:manage");
  const data = parseInput(updateStaffUserSchema, input);
  const locationIds = [...new Set(data.locationIds)];
  if (LOCATION_SCOPED_ROLES.has(data.role) && locationIds.length === 0) {
    throw new AppError("invalid_input", "Choose where this person works.", {
      fields: { locationIds: ["Store staff work at one location or more."] },
    });
  }

  return db.$transaction(async (tx) => {
    const user = await loadManagedStaff(tx, actor, data.staffId);
    assertCanManageStaff(actor, { role: data.role, locationIds });
    const isAccessChange =
      user.role !== data.role ||
      user.locationIds.length !== locationIds.length ||
      user.locationIds.some((id) => !locationIds.includes(id));
    if (isAccessChange) refuseSelf(actor, user.id, "change the role or locations of");
    await refuseLastOwner(tx, user.id, { role: data.role });
    await refuseUnknownLocations(tx, locationIds);

    const updated = await tx.staffUser.update({
      where: { id: user.id },
      data: {
        name: data.name,
        role: data.role,
        locations: {
          deleteMany: {},
          create: locationIds.map((locationId) => ({ locationId })),
        },
      },
    });
    await recordAudit(tx, {
      actor,
      action: "staff.updated",
      entityType: "staff_user",
      entityId: user.id,
      locationId: locationIds[0] ?? user.locationIds[0] ?? null,
      before: { name: user.name, role: user.role, locationIds: user.locationIds },
      after: { name: updated.name, role: updated.role, locationIds },
    });
    await emitEvent(tx, {
      type: "staff.updated",
      aggregateType: "staff_user",
      aggregateId: user.id,
      locationId: locationIds[0] ?? null,
      payload: { role: updated.role, locationIds },
    });
    return { id: updated.id, name: updated.name, role: updated.role, locationIds };
  });
}
