import { rebuildReceiptLayers } from "../../inventory/receipt-layers";
import type { Tx } from "../client";
import type { DemoData } from "./build";

/**
 * Rows per INSERT. PostgreSQL takes at most 65,535 parameters in one
 * statement; 500 rows of the widest table stay far below it while keeping
 * round trips few, which matters most on the embedded PGlite.
 */
const BATCH_SIZE = 500;

async function inBatches<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
) {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await insert(rows.slice(start, start + BATCH_SIZE));
  }
}

/** Inserts the demo data, parents before children, inside the caller's transaction. */
export async function writeDemoData(tx: Tx, data: DemoData): Promise<void> {
  await inBatches(data.locations, (rows) => tx.location.createMany({ data: rows }));
  await inBatches(data.registers, (rows) => tx.register.createMany({ data: rows }));
  await inBatches(data.staff, (rows) => tx.staffUser.createMany({ data: rows }));
  await inBatches(data.staffLocations, (rows) =>
    tx.staffLocation.createMany({ data: rows }),
  );
  await inBatches(data.customers, (rows) => tx.customer.createMany({ data: rows }));
  await inBatches(data.categories, (rows) => tx.category.createMany({ data: rows }));
  await inBatches(data.products, (rows) => tx.product.createMany({ data: rows }));
  await inBatches(data.variants, (rows) => tx.variant.createMany({ data: rows }));
  await inBatches(data.inventoryLevels, (rows) =>
    tx.inventoryLevel.createMany({ data: rows }),
  );
  await inBatches(data.stockMovements, (rows) =>
    tx.stockMovement.createMany({ data: rows }),
  );
  // Dated receipt layers for FIFO aging, replayed from the movements.
  await rebuildReceiptLayers(tx);
  await inBatches(data.orders, (rows) => tx.order.createMany({ data: rows }));
  await inBatches(data.fulfillments, (rows) => tx.fulfillment.createMany({ data: rows }));
  await inBatches(data.orderLines, (rows) => tx.orderLine.createMany({ data: rows }));
  await inBatches(data.payments, (rows) => tx.payment.createMany({ data: rows }));
  await writePricingData(tx, data);
  await inBatches(data.auditEntries, (rows) => tx.auditEntry.createMany({ data: rows }));
}

/** Tax, collections, promotions, codes and the seeded orders' redemptions. */
async function writePricingData(tx: Tx, data: DemoData): Promise<void> {
  await tx.taxRegion.createMany({ data: data.taxRegions });
  await tx.taxRate.createMany({ data: data.taxRates });
  await tx.collection.createMany({ data: data.collections });
  await tx.collectionProduct.createMany({ data: data.collectionProducts });
  await tx.promotion.createMany({ data: data.promotions });
  await inBatches(data.promotionCodes, (rows) =>
    tx.promotionCode.createMany({ data: rows }),
  );
  await inBatches(data.promotionRedemptions, (rows) =>
    tx.promotionRedemption.createMany({ data: rows }),
  );
  await tx.promotionCustomerUsage.createMany({ data: data.promotionCustomerUsage });
}

/**
 * Empties every table of the app's schema but Prisma's migration record,
 * so a reset also clears tables added after this seed was written.
 */
export async function truncateAppTables(tx: Tx): Promise<void> {
  const tables = await tx.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    ORDER BY tablename`;
  if (tables.length === 0) return;

  const list = tables.map(({ name }) => `"${name.replace(/"/g, '""')}"`).join(", ");
  await tx.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}
