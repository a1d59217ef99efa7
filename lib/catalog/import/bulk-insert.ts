import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { ProductAttribute } from "../schemas";

/**
 * Multi-row inserts for the importer, one array parameter per column
 * (INSERT … SELECT FROM unnest(…)). Prisma's createMany sends one
 * parameter per cell, and building and binding ten thousand of them took
 * most of an import's time.
 */

/** A time-ordered UUID (version 7), as Prisma's uuid(7) default makes. */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const now = Date.now();
  for (let i = 0; i < 6; i += 1) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface NewProductRow {
  id: string;
  handle: string;
  title: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  status: string;
  taxCategory: string;
  isFeatured: boolean;
  attributes: ProductAttribute[];
  optionNames: string[];
}

export async function insertProducts(
  tx: Tx,
  rows: readonly NewProductRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof NewProductRow>(key: K) => rows.map((r) => r[key]);
  // Arrays of arrays cannot pass through unnest (it flattens them), so
  // option names travel as JSON text and are unpacked per row.
  await tx.$executeRaw`
    INSERT INTO "Product" (id, handle, title, description, brand, "categoryId", status,
      "taxCategory", "isFeatured", attributes, "optionNames", "imageUrls", "updatedAt")
    SELECT r.id, r.handle, r.title, r.description, r.brand, r."categoryId",
      r.status::"ProductStatus", r."taxCategory"::"TaxCategory", r."isFeatured",
      r.attributes::jsonb, ARRAY(SELECT jsonb_array_elements_text(r."optionNames"::jsonb)),
      '{}', now()
    FROM unnest(
      ${column("id")}::text[], ${column("handle")}::text[], ${column("title")}::text[],
      ${column("description")}::text[], ${column("brand")}::text[],
      ${column("categoryId")}::text[], ${column("status")}::text[],
      ${column("taxCategory")}::text[], ${column("isFeatured")}::boolean[],
      ${rows.map((r) => JSON.stringify(r.attributes))}::text[],
      ${rows.map((r) => JSON.stringify(r.optionNames))}::text[]
    ) AS r(id, handle, title, description, brand, "categoryId", status, "taxCategory",
      "isFeatured", attributes, "optionNames")`;
}

export interface NewVariantRow {
  id: string;
  productId: string;
  sku: string;
  barcode: string | null;
  optionValues: string[];
  priceMinor: number;
  compareAtMinor: number | null;
  costMinor: number | null;
  weightGrams: number | null;
  currency: string;
  isActive: boolean;
  position: number;
}

export async function insertVariants(
  tx: Tx,
  rows: readonly NewVariantRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof NewVariantRow>(key: K) => rows.map((r) => r[key]);
  await tx.$executeRaw`
    INSERT INTO "Variant" (id, "productId", sku, barcode, "optionValues", "priceMinor",
      "compareAtMinor", "costMinor", "weightGrams", currency, "isActive", position, "updatedAt")
    SELECT r.id, r."productId", r.sku, r.barcode,
      ARRAY(SELECT jsonb_array_elements_text(r."optionValues"::jsonb)),
      r."priceMinor", r."compareAtMinor", r."costMinor", r."weightGrams", r.currency,
      r."isActive", r.position, now()
    FROM unnest(
      ${column("id")}::text[], ${column("productId")}::text[], ${column("sku")}::text[],
      ${column("barcode")}::text[], ${rows.map((r) => JSON.stringify(r.optionValues))}::text[],
      ${column("priceMinor")}::int[], ${column("compareAtMinor")}::int[],
      ${column("costMinor")}::int[], ${column("weightGrams")}::int[],
      ${column("currency")}::text[], ${column("isActive")}::boolean[], ${column("position")}::int[]
    ) AS r(id, "productId", sku, barcode, "optionValues", "priceMinor", "compareAtMinor",
      "costMinor", "weightGrams", currency, "isActive", position)`;
}
