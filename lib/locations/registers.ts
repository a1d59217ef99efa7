import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { isUniqueViolation } from "./save-location";
import {
  addRegisterSchema,
  renameRegisterSchema,
  setRegisterActiveSchema,
  setRegisterPrinterSchema,
  setRegisterReaderSchema,
} from "./schemas";

function nameTaken(name: string): AppError {
  return new AppError(
    "conflict",
    `This location already has a register called ${name}.`,
    {
      fields: { name: ["Another register here has this name."] },
    },
  );
}

// Names are compared without regard to case: "Till 1" and "till 1" would
// confuse the people choosing one at the POS.
async function refuseTakenName(
  tx: Tx,
  locationId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const clash = await tx.register.findFirst({
    where: {
      locationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw nameTaken(name);
}

async function announce(
  tx: Tx,
  actor: Actor,
  action: string,
  register: { id: string; locationId: string; name: string; isActive: boolean },
  before?: unknown,
  changed?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    actor,
    action,
    entityType: "register",
    entityId: register.id,
    locationId: register.locationId,
    before,
    after: { name: register.name, isActive: register.isActive, ...changed },
  });
  await emitEvent(tx, {
    type: action,
    aggregateType: "register",
    aggregateId: register.id,
    locationId: register.locationId,
    payload: { name: register.name, isActive: register.isActive },
  });
}

/** Adds a register to a location that sells at the counter. */
export async function addRegister(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const { locationId, name } = parseInput(addRegisterSchema, input);
  authorize(actor, "locations:manage", { locationId });

  try {
    return await db.$transaction(async (tx) => {
      const location = await tx.location.findUnique({ where: { id: locationId } });
      if (!location) throw notFound("The location");
      if (!location.canSellInStore) {
        throw new AppError(
          "conflict",
          `${location.name} does not sell at the counter; turn that on before adding registers.`,
        );
      }
      await refuseTakenName(tx, locationId, name);
      const register = await tx.register.create({ data: { locationId, name } });
      await announce(tx, actor, "register.created", register);
      return register;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

async function findRegister(tx: Tx, actor: Actor, registerId: string) {
  const register = await tx.register.findUnique({ where: { id: registerId } });
  if (!register) throw notFound("The register");
  authorize(actor, "locations:manage", { locationId: register.locationId });
  return register;
}

/** Renames a register. */
export async function renameRegister(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const { registerId, name } = parseInput(renameRegisterSchema, input);

  try {
    return await db.$transaction(async (tx) => {
      const register = await findRegister(tx, actor, registerId);
      if (register.name === name) return register;
      await refuseTakenName(tx, register.locationId, name, registerId);
      const renamed = await tx.register.update({
        where: { id: registerId },
        data: { name },
      });
      await announce(tx, actor, "register.renamed", renamed, { name: register.name });
      return renamed;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Takes a register out of use, or brings it back; its sales stay on record. */
export async function setRegisterActive(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const { registerId, isActive } = parseInput(setRegisterActiveSchema, input);

  return db.$transaction(async (tx) => {
    const register = await findRegister(tx, actor, registerId);
    if (register.isActive === isActive) return register;
    const updated = await tx.register.update({
      where: { id: registerId },
      data: { isActive },
    });
    const action = isActive ? "register.reactivated" : "register.deactivated";
    await announce(tx, actor, action, updated, { isActive: register.isActive });
    return updated;
  });
}

/**
 * Sets or clears the network receipt printer a register prints to (raw
 * ESC/POS over TCP, for tills on Safari, which has no Web Serial).
 */
export async function setRegisterPrinter(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const { registerId, printerAddress } = parseInput(setRegisterPrinterSchema, input);
  return db.$transaction(async (tx) => {
    const register = await findRegister(tx, actor, registerId);
    const updated = await tx.register.update({
      where: { id: registerId },
      data: { printerAddress },
    });
    await announce(tx, actor, "register.printer_set", updated, {
      printerAddress: register.printerAddress,
    });
    return updated;
  });
}

/**
 * Sets or clears the Stripe Terminal reader a register takes cards on.
 * Used only while Stripe is configured; without one the till keeps the
 * TEST MODE reader.
 */
export async function setRegisterReader(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const { registerId, terminalReaderId } = parseInput(setRegisterReaderSchema, input);
  return db.$transaction(async (tx) => {
    const register = await findRegister(tx, actor, registerId);
    if (register.terminalReaderId === terminalReaderId) return register;
    const updated = await tx.register.update({
      where: { id: registerId },
      data: { terminalReaderId },
    });
    await announce(
      tx,
      actor,
      "register.reader_set",
      updated,
      { terminalReaderId: register.terminalReaderId },
      { terminalReaderId },
    );
    return updated;
  });
}
