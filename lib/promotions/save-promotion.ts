import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Prisma, PrismaClient, Tx } from "@/lib/db/client";
import { AppError, conflict, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { logger } from "@/lib/log";
import type { ItemTarget, Promotion } from "@/lib/pricing";
import {
  type CreatePromotionInput,
  CreatePromotionSchema,
  toStoredDefinition,
  type UpdatePromotionInput,
  UpdatePromotionSchema,
} from "./schemas";

/** The row a promotion write returns. */
export interface SavedPromotion {
  id: string;
  name: string;
  version: number;
  isActive: boolean;
}

/** Creates a promotion from an engine definition, with its audit entry and event. */
export async function createPromotion(
  db: PrismaClient,
  actor: Actor,
  input: CreatePromotionInput,
): Promise<SavedPromotion> {
  authorize(actor, "promotions:write");
  const data = parseInput(CreatePromotionSchema, input);

  const saved = await db.$transaction(async (tx) => {
    await assertReferencesExist(tx, data.definition);
    const row = await tx.promotion.create({
      data: {
        ...columnsOf(data.definition),
        description: data.description,
        isActive: data.isActive,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "promotion.created",
      entityType: "promotion",
      entityId: row.id,
      after: auditShape(row),
    });
    await announce(tx, row, "created");
    return row;
  });
  logger.info({ promotionId: saved.id, actor: actor.kind }, "promotion created");
  return pick(saved);
}

/**
 * Changes a promotion: its definition (replaced whole), description or
 * whether it is on. With `expectedVersion`, a save made on an older
 * version than the stored one is refused instead of overwriting it.
 */
export async function updatePromotion(
  db: PrismaClient,
  actor: Actor,
  input: UpdatePromotionInput,
): Promise<SavedPromotion> {
  authorize(actor, "promotions:write");
  const data = parseInput(UpdatePromotionSchema, input);

  const saved = await db.$transaction(async (tx) => {
    const before = await tx.promotion.findUnique({ where: { id: data.id } });
    if (!before) throw notFound("The promotion");
    if (data.definition) await assertReferencesExist(tx, data.definition);

    // The version check and the write are one statement: two saves racing
    // from the same version cannot both win.
    const { count } = await tx.promotion.updateMany({
      where: { id: data.id, version: data.expectedVersion ?? before.version },
      data: {
        ...(data.definition ? columnsOf(data.definition) : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.isActive !== undefined ? { isActive: data.isActive } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      throw conflict(
        "Someone saved this promotion since you opened it. Reload it and try again.",
        `promotion ${data.id} is not at version ${data.expectedVersion}`,
      );
    }
    const after = await tx.promotion.findUniqueOrThrow({ where: { id: data.id } });
    await recordAudit(tx, {
      actor,
      action: "promotion.updated",
      entityType: "promotion",
      entityId: after.id,
      before: auditShape(before),
      after: auditShape(after),
    });
    await announce(tx, after, "updated");
    return after;
  });
  logger.info({ promotionId: saved.id, version: saved.version }, "promotion updated");
  return pick(saved);
}

/** Tells POS registers and carts to price again: a promotion changed. */
export async function announce(
  tx: Tx,
  row: { id: string; version: number; isActive: boolean; locationIds: string[] },
  change: "created" | "updated" | "codes_changed",
): Promise<void> {
  await emitEvent(tx, {
    type: "pricing.promotion_changed",
    aggregateType: "promotion",
    aggregateId: row.id,
    payload: {
      promotionId: row.id,
      change,
      version: row.version,
      isActive: row.isActive,
      locationIds: row.locationIds,
    },
  });
}

/** The indexed copies of a definition, and the definition itself. */
function columnsOf(promotion: Promotion) {
  const { conditions } = promotion;
  return {
    name: promotion.name,
    startsAt: conditions.startsAt ? new Date(conditions.startsAt) : null,
    endsAt: conditions.endsAt ? new Date(conditions.endsAt) : null,
    channels: conditions.channels,
    locationIds: conditions.locationIds,
    priority: promotion.priority,
    isExclusive: promotion.stacking === "exclusive",
    requiresCode: promotion.requiresCode,
    benefitType: promotion.benefit.type,
    currency: promotion.currency,
    usageLimit: promotion.usageLimit,
    usageLimitPerCustomer: promotion.usageLimitPerCustomer,
    definition: toStoredDefinition(promotion) as Prisma.InputJsonValue,
  };
}

/** Every catalogue id a promotion's targets name, by kind. */
function targetIds(promotion: Promotion) {
  const { benefit } = promotion;
  const targets: ItemTarget[] =
    benefit.type === "items" || benefit.type === "tiered"
      ? [benefit.target]
      : benefit.type === "buy_x_get_y"
        ? [benefit.buy.target, benefit.get.target]
        : benefit.type === "bundle"
          ? benefit.components.map((component) => component.target)
          : [];
  const sets = targets.flatMap((target) => [target, target.exclude]);
  const ids = (pickIds: (set: (typeof sets)[number]) => string[]) => [
    ...new Set(sets.flatMap(pickIds)),
  ];
  return {
    categories: ids((set) => set.categoryIds),
    collections: ids((set) => set.collectionIds),
    products: ids((set) => set.productIds),
    variants: ids((set) => set.variantIds),
  };
}

/**
 * Refuses a definition naming stores or catalogue entries that do not
 * exist: a mistyped id would otherwise silently match nothing.
 */
async function assertReferencesExist(tx: Tx, promotion: Promotion): Promise<void> {
  const ids = targetIds(promotion);
  const locationIds = [...new Set(promotion.conditions.locationIds)];
  const [locations, categories, collections, products, variants] = await Promise.all([
    tx.location.findMany({ where: { id: { in: locationIds } }, select: { id: true } }),
    tx.category.findMany({ where: { id: { in: ids.categories } }, select: { id: true } }),
    tx.collection.findMany({
      where: { id: { in: ids.collections } },
      select: { id: true },
    }),
    tx.product.findMany({ where: { id: { in: ids.products } }, select: { id: true } }),
    tx.variant.findMany({ where: { id: { in: ids.variants } }, select: { id: true } }),
  ]);
  const missing = (wanted: string[], found: { id: string }[]) =>
    wanted.filter((id) => !found.some((row) => row.id === id));
  const fields: Record<string, string[]> = {};
  const report = (field: string, what: string, unknown: string[]) => {
    if (unknown.length === 0) return;
    fields[field] = [...(fields[field] ?? []), `Unknown ${what}: ${unknown.join(", ")}.`];
  };
  report(
    "definition.conditions.locationIds",
    "locations",
    missing(locationIds, locations),
  );
  report("definition.benefit", "categories", missing(ids.categories, categories));
  report("definition.benefit", "collections", missing(ids.collections, collections));
  report("definition.benefit", "products", missing(ids.products, products));
  report("definition.benefit", "variants", missing(ids.variants, variants));
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "The promotion names things that do not exist.", {
      fields,
    });
  }
}

function auditShape(row: {
  name: string;
  description: string;
  isActive: boolean;
  version: number;
  definition: unknown;
}) {
  return {
    name: row.name,
    description: row.description,
    isActive: row.isActive,
    version: row.version,
    definition: row.definition,
  };
}

function pick(row: SavedPromotion): SavedPromotion {
  return { id: row.id, name: row.name, version: row.version, isActive: row.isActive };
}
