import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import { notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";

export const backInStockSchema = z.object({
  variantId: z.string().trim().min(1).max(64),
  email: z
    .email({ error: "Enter an email address like name@example.com." })
    .max(320)
    .transform((email) => email.toLowerCase()),
  /** The store to collect from; left out for delivery. */
  locationId: z.string().trim().min(1).max(64).optional(),
});
export type BackInStockInput = z.input<typeof backInStockSchema>;

/**
 * Stores a shopper's wish to hear when a variant is back; asking again
 * for the same variant updates the one request and clears any earlier
 * notification, so nobody gets two messages for one wish. Sending the
 * message is the events work's job: it follows the event written here.
 */
export async function requestBackInStock(
  db: PrismaClient,
  options: { actor: Actor; customerId?: string | null; input: BackInStockInput },
) {
  const input = parseInput(backInStockSchema, options.input);

  return db.$transaction(async (tx) => {
    const variant = await tx.variant.findFirst({
      where: { id: input.variantId, isActive: true, product: { status: "ACTIVE" } },
      select: { id: true, sku: true },
    });
    if (!variant) throw notFound("That product option");
    if (input.locationId) {
      const store = await tx.location.findFirst({
        where: { id: input.locationId, isActive: true, canPickup: true },
      });
      if (!store) throw notFound("That store");
    }

    const request = await tx.backInStockRequest.upsert({
      where: { variantId_email: { variantId: variant.id, email: input.email } },
      create: {
        variantId: variant.id,
        email: input.email,
        customerId: options.customerId ?? null,
        locationId: input.locationId ?? null,
      },
      update: {
        customerId: options.customerId ?? undefined,
        locationId: input.locationId ?? null,
        notifiedAt: null,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "back_in_stock.requested",
      entityType: "BackInStockRequest",
      entityId: request.id,
      after: { variantId: variant.id, sku: variant.sku, locationId: request.locationId },
    });
    await emitEvent(tx, {
      type: "customers.back_in_stock_requested",
      aggregateType: "BackInStockRequest",
      aggregateId: request.id,
      payload: {
        requestId: request.id,
        variantId: variant.id,
        email: request.email,
        locationId: request.locationId,
      },
      locationId: request.locationId,
    });
    return request;
  });
}
