import type { StaffActor } from "@/lib/auth/actor";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { MANAGEABLE_ROLES } from "@/lib/staff/staff-scope";

/** The roles and active locations this person may give to staff. */
export async function assignableChoices(staff: StaffActor) {
  const scope = visibleLocationIds(staff);
  const locations = await db.location.findMany({
    where: { isActive: true, ...(scope ? { id: { in: scope } } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true },
  });
  return { roles: MANAGEABLE_ROLES[staff.role], locations };
}
