import type { Actor } from "@/lib/auth/actor";
import { visibleLocationIds } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const include = {
  locations: { include: { location: { select: { id: true, name: true, code: true } } } },
} as const;

// Location-bound staff see only people who work at one of their locations.
function visibleWhere(actor: Actor): Prisma.StaffUserWhereInput {
  const scope = visibleLocationIds(actor);
  return scope ? { locations: { some: { locationId: { in: scope } } } } : {};
}

/** The staff the actor may see, by role then name; never their secrets. */
export async function listVisibleStaff(db: Db, actor: Actor) {
  return db.staffUser.findMany({
    where: visibleWhere(actor),
    orderBy: [{ isActive: "desc" }, { role: "asc" }, { name: "asc" }],
    omit: { passwordHash: true, pinHash: true },
    include,
  });
}

/** One staff member the actor may see, or null; with whether they have a PIN. */
export async function findVisibleStaff(db: Db, actor: Actor, id: string) {
  const user = await db.staffUser.findFirst({
    where: { AND: [{ id }, visibleWhere(actor)] },
    omit: { passwordHash: true },
    include,
  });
  if (!user) return null;
  const { pinHash, ...rest } = user;
  return { ...rest, hasPin: pinHash !== null };
}
