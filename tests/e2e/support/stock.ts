import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/lib/db/client";
import { recordCounterSale } from "@/lib/inventory/record-counter-sale";

/**
 * Sells units at a store's till from outside the browser under test, the
 * way another associate would: through the inventory domain, in one
 * transaction that writes the movements, the levels and their outbox
 * events. Uses the e2e database that scripts/e2e.ts prepared.
 */
export async function sellAtStore(options: {
  /** The store, by its code or by the name the POS shows. */
  storeCode?: string;
  storeName?: string;
  /** Every active variant of this product sells `quantity` units. */
  productHandle?: string;
  sku?: string;
  quantity?: number;
}): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: run the browser tests with npm run test:e2e",
    );
  const prisma = createPrismaClient({ kind: "postgres", url });
  try {
    const location = await prisma.location.findFirstOrThrow({
      where: options.storeCode
        ? { code: options.storeCode }
        : { name: options.storeName },
      select: { id: true },
    });
    const variants = await prisma.variant.findMany({
      where: {
        isActive: true,
        ...(options.sku ? { sku: options.sku } : {}),
        ...(options.productHandle ? { product: { handle: options.productHandle } } : {}),
      },
      select: { id: true },
    });
    if (variants.length === 0) throw new Error("no variant matches the sale");
    await prisma.$transaction((tx) =>
      recordCounterSale(tx, {
        actor: { kind: "system", reason: "e2e: a sale at another till" },
        locationId: location.id,
        lines: variants.map((v) => ({
          variantId: v.id,
          quantity: options.quantity ?? 1,
        })),
        sourceType: "e2e_sale",
        sourceId: randomUUID(),
      }),
    );
  } finally {
    await prisma.$disconnect();
  }
}
