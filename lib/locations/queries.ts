import type { Actor } from "@/lib/auth/actor";
import { visibleLocationIds } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";

/** Locations the actor may see, newest kinds first, with register counts. */
export async function listLocations(db: Db, actor: Actor) {
  const scope = visibleLocationIds(actor);
  return db.location.findMany({
    where: scope ? { id: { in: scope } } : {},
    orderBy: [{ isActive: "desc" }, { kind: "asc" }, { name: "asc" }],
    include: { registers: { orderBy: { name: "asc" } } },
  });
}

/** One location with its registers, or null when missing or not the actor's to see. */
export async function findVisibleLocation(db: Db, actor: Actor, id: string) {
  const scope = visibleLocationIds(actor);
  if (scope && !scope.includes(id)) return null;
  return db.location.findUnique({
    where: { id },
    include: { registers: { orderBy: { name: "asc" } } },
  });
}
