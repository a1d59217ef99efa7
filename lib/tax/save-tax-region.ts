import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { logger } from "@/lib/log";
import { percentToPpm } from "@/lib/money";
import {
  type TaxRegionInput,
  TaxRegionInputSchema,
  type UpdateTaxRegionInput,
  UpdateTaxRegionSchema,
} from "./schemas";

/** Creates a tax region with its standard and reduced rates. */
export async function createTaxRegion(
  db: PrismaClient,
  actor: Actor,
  input: TaxRegionInput,
): Promise<{ id: string }> {
  authorize(actor, "settings:manage");
  const data = parseInput(TaxRegionInputSchema, input);

  const id = await db.$transaction(async (tx) => {
    const row = await tx.taxRegion.create({
      data: {
        name: data.name,
        country: data.country,
        region: data.region,
        postalCodePrefixes: data.postalCodePrefixes,
        isActive: data.isActive,
        rates: { create: ratesOf(data.rates) },
      },
    });
    await recordAudit(tx, {
      actor,
      action: "tax_region.created",
      entityType: "tax_region",
      entityId: row.id,
      after: data,
    });
    await announceTaxChange(tx, "tax_region", row.id);
    return row.id;
  });
  logger.info({ taxRegionId: id }, "tax region created");
  return { id };
}

/** Replaces a tax region's place, prefixes, rates and whether it is used. */
export async function updateTaxRegion(
  db: PrismaClient,
  actor: Actor,
  input: UpdateTaxRegionInput,
): Promise<{ id: string }> {
  authorize(actor, "settings:manage");
  const { id, ...data } = parseInput(UpdateTaxRegionSchema, input);

  await db.$transaction(async (tx) => {
    const before = await tx.taxRegion.findUnique({
      where: { id },
      include: { rates: true },
    });
    if (!before) throw notFound("The tax region");
    await tx.taxRegion.update({
      where: { id },
      data: {
        name: data.name,
        country: data.country,
        region: data.region,
        postalCodePrefixes: data.postalCodePrefixes,
        isActive: data.isActive,
      },
    });
    for (const rate of ratesOf(data.rates)) {
      await tx.taxRate.upsert({
        where: { taxRegionId_category: { taxRegionId: id, category: rate.category } },
        create: { taxRegionId: id, ...rate },
        update: { ratePpm: rate.ratePpm },
      });
    }
    await recordAudit(tx, {
      actor,
      action: "tax_region.updated",
      entityType: "tax_region",
      entityId: id,
      before,
      after: data,
    });
    await announceTaxChange(tx, "tax_region", id);
  });
  logger.info({ taxRegionId: id }, "tax region updated");
  return { id };
}

/** Tells tills and carts to price again: a rate or a market rule changed. */
export async function announceTaxChange(
  tx: Tx,
  aggregateType: "tax_region" | "market_pricing",
  aggregateId: string,
): Promise<void> {
  await emitEvent(tx, {
    type: "pricing.tax_changed",
    aggregateType,
    aggregateId,
    payload: {
      [aggregateType === "tax_region" ? "taxRegionId" : "marketCode"]: aggregateId,
    },
  });
}

function ratesOf(rates: { STANDARD: number; REDUCED: number }) {
  return [
    { category: "STANDARD" as const, ratePpm: percentToPpm(rates.STANDARD) },
    { category: "REDUCED" as const, ratePpm: percentToPpm(rates.REDUCED) },
  ];
}
