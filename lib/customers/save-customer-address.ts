import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { type AddressInput, addressSchema } from "./schemas";

/** Most saved addresses a customer may keep. */
export const MAX_ADDRESSES = 20;

/**
 * Adds or edits one of a shopper's saved addresses. The first address is
 * the default; making another the default clears the old one in the same
 * transaction, so there is always at most one.
 */
export async function saveCustomerAddress(
  db: PrismaClient,
  options: { actor: Actor; customerId: string; input: AddressInput },
) {
  const { id, ...fields } = parseInput(addressSchema, options.input);
  return db.$transaction(async (tx) => {
    // Serialises two saves by the same shopper, so the default stays single.
    await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${options.customerId} FOR UPDATE`;
    const count = await tx.customerAddress.count({
      where: { customerId: options.customerId },
    });
    const before = id
      ? await tx.customerAddress.findFirst({
          where: { id, customerId: options.customerId },
        })
      : null;
    if (id && !before) throw notFound("That address");
    if (!id && count >= MAX_ADDRESSES) {
      throw new AppError(
        "conflict",
        `You can keep up to ${MAX_ADDRESSES} addresses. Remove one first.`,
      );
    }

    const isDefault = fields.isDefault || count === 0 || (before?.isDefault ?? false);
    if (isDefault) {
      await tx.customerAddress.updateMany({
        where: {
          customerId: options.customerId,
          isDefault: true,
          NOT: id ? { id } : undefined,
        },
        data: { isDefault: false },
      });
    }
    const data = {
      label: fields.label ?? null,
      name: fields.name,
      line1: fields.line1,
      line2: fields.line2 ?? null,
      city: fields.city,
      region: fields.region ?? null,
      postalCode: fields.postalCode,
      country: fields.country,
      phone: fields.phone ?? null,
      isDefault,
    };
    const address = id
      ? await tx.customerAddress.update({ where: { id }, data })
      : await tx.customerAddress.create({
          data: { ...data, customerId: options.customerId },
        });

    await recordAudit(tx, {
      actor: options.actor,
      action: id ? "customer.address_updated" : "customer.address_added",
      entityType: "CustomerAddress",
      entityId: address.id,
      before,
      after: address,
    });
    await emitEvent(tx, {
      type: "customers.address_saved",
      aggregateType: "Customer",
      aggregateId: options.customerId,
      payload: { customerId: options.customerId, addressId: address.id },
    });
    return address;
  });
}

/** Removes one of a shopper's saved addresses; the next one becomes the default. */
export async function deleteCustomerAddress(
  db: PrismaClient,
  options: { actor: Actor; customerId: string; addressId: string },
) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${options.customerId} FOR UPDATE`;
    const address = await tx.customerAddress.findFirst({
      where: { id: options.addressId, customerId: options.customerId },
    });
    if (!address) throw notFound("That address");
    await tx.customerAddress.delete({ where: { id: address.id } });
    if (address.isDefault) {
      const next = await tx.customerAddress.findFirst({
        where: { customerId: options.customerId },
        orderBy: { createdAt: "asc" },
      });
      if (next)
        await tx.customerAddress.update({
          where: { id: next.id },
          data: { isDefault: true },
        });
    }
    await recordAudit(tx, {
      actor: options.actor,
      action: "customer.address_removed",
      entityType: "CustomerAddress",
      entityId: address.id,
      before: address,
    });
    await emitEvent(tx, {
      type: "customers.address_removed",
      aggregateType: "Customer",
      aggregateId: options.customerId,
      payload: { customerId: options.customerId, addressId: address.id },
    });
  });
}
