import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { locationData, locationSnapshot } from "./location-record";
import { locationInputSchema, updateLocationSchema } from "./schemas";

/** Prisma's code for a unique constraint that a racing write got to first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

function codeTaken(code: string): AppError {
  return new AppError("conflict", `Another location already uses the code ${code}.`, {
    fields: { code: ["This code is already in use."] },
  });
}

async function refuseTakenCode(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const other = await tx.location.findUnique({ where: { code }, select: { id: true } });
  if (other && other.id !== exceptId) throw codeTaken(code);
}

/** Creates a warehouse, store, dark store or pop-up, audited and announced. */
export async function createLocation(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const data = locationData(parseInput(locationInputSchema, input));

  try {
    return await db.$transaction(async (tx) => {
      await refuseTakenCode(tx, data.code);
      const location = await tx.location.create({ data });
      await recordAudit(tx, {
        actor,
        action: "location.created",
        entityType: "location",
        entityId: location.id,
        locationId: location.id,
        after: locationSnapshot(location),
      });
      await emitEvent(tx, {
        type: "location.created",
        aggregateType: "location",
        aggregateId: location.id,
        locationId: location.id,
        payload: { code: location.code, kind: location.kind },
      });
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(data.code);
    throw error;
  }
}

/** Saves an edited location; the audit entry keeps it as it was and as it is. */
export async function updateLocation(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const { id, location: fields } = parseInput(updateLocationSchema, input);
  authorize(actor, "locations:manage", { locationId: id });
  const data = locationData(fields);

  try {
    return await db.$transaction(async (tx) => {
      const [before] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Location" WHERE "id" = ${id} FOR UPDATE`;
      if (!before) throw notFound("The location");
      const previous = await tx.location.findUniqueOrThrow({ where: { id } });
      await refuseTakenCode(tx, data.code, id);

      const location = await tx.location.update({ where: { id }, data });
      await recordAudit(tx, {
        actor,
        action: "location.updated",
        entityType: "location",
        entityId: id,
        locationId: id,
        before: locationSnapshot(previous),
        after: locationSnapshot(location),
      });
      await emitEvent(tx, {
        type: "location.updated",
        aggregateType: "location",
        aggregateId: id,
        locationId: id,
        payload: { code: location.code, kind: location.kind },
      });
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(data.code);
    throw error;
  }
}
