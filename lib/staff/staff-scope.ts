import type { Actor } from "@/lib/auth/actor";
import { STAFF_ROLES, type StaffRoleName } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * The roles each role may give or manage. An owner manages anyone; a store
 * manager manages only associates, and only at their own locations, so no
 * one can make an account with more reach than their own.
 */
export const MANAGEABLE_ROLES: Record<StaffRoleName, readonly StaffRoleName[]> = {
  OWNER: STAFF_ROLES,
  STORE_MANAGER: ["ASSOCIATE"],
  MERCHANDISER: [],
  ASSOCIATE: [],
  FULFILLMENT: [],
};

/** A staff member as the scope rules see them: role and where they work. */
export interface StaffReach {
  role: StaffRoleName;
  locationIds: string[];
}

/** Whether the actor may manage (or create) a staff member with this reach. */
export function canManageStaff(actor: Actor, target: StaffReach): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "staff") return false;
  if (!MANAGEABLE_ROLES[actor.role].includes(target.role)) return false;
  if (actor.locationIds === "all") return true;

  // Bound managers reach only people who work nowhere but their locations.
  const own = actor.locationIds;
  return (
    target.locationIds.length > 0 && target.locationIds.every((id) => own.includes(id))
  );
}

/** Throws forbidden unless the actor may manage a staff member with this reach. */
export function assertCanManageStaff(actor: Actor, target: StaffReach): void {
  if (canManageStaff(actor, target)) return;
  throw new AppError(
    "forbidden",
    "You can only manage associates of your own locations.",
    {
      internal: `${actor.kind} may not manage ${target.role} at ${target.locationIds.join(",")}`,
    },
  );
}
