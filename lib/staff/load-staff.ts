import type { Actor } from "@/lib/auth/actor";
import type { StaffRoleName } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { assertCanManageStaff } from "./staff-scope";

/**
 * Loads a staff member for a change, locked against a racing change, and
 * checks the actor may manage them. Someone the actor may not manage is
 * "not found" to a bound manager, so other stores' staff stay unseen.
 */
export async function loadManagedStaff(tx: Tx, actor: Actor, staffId: string) {
  await tx.$queryRaw`SELECT "id" FROM "StaffUser" WHERE "id" = ${staffId} FOR UPDATE`;
  const user = await tx.staffUser.findUnique({
    where: { id: staffId },
    include: { locations: { select: { locationId: true } } },
  });
  if (!user) throw notFound("The staff member");

  const locationIds = user.locations.map((l) => l.locationId);
  try {
    assertCanManageStaff(actor, { role: user.role, locationIds });
  } catch (error) {
    if (actor.kind === "staff" && actor.locationIds !== "all") {
      throw notFound("The staff member", `out of reach: ${staffId}`);
    }
    throw error;
  }
  return { ...user, locationIds };
}

/** Refuses a change to the actor's own account that would lock them out. */
export function refuseSelf(actor: Actor, staffId: string, what: string): void {
  if (actor.kind === "staff" && actor.id === staffId) {
    throw new AppError("conflict", `You cannot ${what} your own account.`);
  }
}

/**
 * Refuses leaving the business without an active owner: someone must be
 * able to manage staff, settings and locations.
 */
export async function refuseLastOwner(
  tx: Tx,
  staffId: string,
  change: { role?: StaffRoleName; isActive?: boolean },
): Promise<void> {
  const losesOwner =
    change.isActive === false || (change.role && change.role !== "OWNER");
  if (!losesOwner) return;
  // Lock the owners so two owners demoting each other at once cannot both pass.
  await tx.$queryRaw`SELECT "id" FROM "StaffUser" WHERE "role" = 'OWNER' FOR UPDATE`;
  const others = await tx.staffUser.count({
    where: { role: "OWNER", isActive: true, id: { not: staffId } },
  });
  const user = await tx.staffUser.findUnique({ where: { id: staffId } });
  if (user?.role === "OWNER" && user.isActive && others === 0) {
    throw new AppError("conflict", "The business needs at least one active owner.");
  }
}
