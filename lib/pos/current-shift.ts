import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** The open shift of a register, or null, for staff who sell at its store. */
export async function findOpenShift(
  db: Db,
  options: { actor: StaffActor; registerId: string },
) {
  const register = await db.register.findUnique({ where: { id: options.registerId } });
  if (!register) throw notFound("Register");
  authorize(options.actor, "pos:sell", { locationId: register.locationId });
  return db.shift.findUnique({
    where: { openRegisterId: register.id },
    include: { openedBy: { select: { name: true } } },
  });
}

/** Loads a shift the actor may work on; closed shifts only when asked for. */
export async function loadShift(db: Db, options: { actor: StaffActor; shiftId: string }) {
  const shift = await db.shift.findUnique({ where: { id: options.shiftId } });
  if (!shift) throw notFound("Shift");
  authorize(options.actor, "pos:sell", { locationId: shift.locationId });
  return shift;
}
