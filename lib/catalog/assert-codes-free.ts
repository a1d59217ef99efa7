import type { Db } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { barcodeForms, barcodeKey } from "./barcode-forms";

export interface CodeClaim {
  /** The variant keeping the code, when it exists already. */
  id?: string;
  sku: string;
  barcode: string | null;
}

export interface CodesToCheck {
  /** The product being saved; its own handle is no clash. */
  productId?: string;
  handle?: string;
  variants: readonly CodeClaim[];
  /** Field path of the variants list in the input, for field errors. */
  path?: string;
}

/**
 * Refuses a handle, SKU or barcode that another product or variant holds,
 * archived ones included, naming each field and who holds the code. The
 * unique indexes still decide a race; this gives the clear message.
 */
export async function assertCodesFree(db: Db, check: CodesToCheck): Promise<void> {
  const fields: FieldErrors = {};
  const path = check.path ?? "variants";

  if (check.handle) {
    const holder = await db.product.findUnique({
      where: { handle: check.handle },
      select: { id: true, title: true },
    });
    if (holder && holder.id !== check.productId) {
      fields.handle = [
        `The handle "${check.handle}" is already used by “${holder.title}”.`,
      ];
    }
  }

  const skus = check.variants.map((v) => v.sku);
  const barcodes = check.variants.flatMap((v) =>
    v.barcode ? barcodeForms(v.barcode) : [],
  );
  const holders =
    skus.length + barcodes.length === 0
      ? []
      : await db.variant.findMany({
          where: { OR: [{ sku: { in: skus } }, { barcode: { in: barcodes } }] },
          select: {
            id: true,
            sku: true,
            barcode: true,
            product: { select: { title: true, status: true } },
          },
        });

  const bySku = new Map(holders.map((h) => [h.sku, h]));
  const byBarcode = new Map(
    holders.flatMap((h) => (h.barcode ? [[barcodeKey(h.barcode), h] as const] : [])),
  );
  check.variants.forEach((claim, index) => {
    const skuHolder = bySku.get(claim.sku);
    if (skuHolder && skuHolder.id !== claim.id) {
      fields[`${path}.${index}.sku`] = [
        `SKU ${claim.sku} is already used by ${describeProduct(skuHolder.product)}.`,
      ];
    }
    const barcodeHolder = claim.barcode
      ? byBarcode.get(barcodeKey(claim.barcode))
      : undefined;
    if (barcodeHolder && barcodeHolder.id !== claim.id) {
      fields[`${path}.${index}.barcode`] = [
        `Barcode ${claim.barcode} is already on ${barcodeHolder.sku} of ` +
          `${describeProduct(barcodeHolder.product)}.`,
      ];
    }
  });

  if (Object.keys(fields).length > 0) {
    throw new AppError("conflict", "Some codes are already in use.", {
      internal: `catalogue codes taken: ${Object.keys(fields).join(", ")}`,
      fields,
    });
  }
}

function describeProduct(product: { title: string; status: string }): string {
  return product.status === "ARCHIVED"
    ? `the archived product “${product.title}”`
    : `“${product.title}”`;
}

/**
 * The conflict to report when the database refused a duplicate that the
 * check above did not see (another save committed in between).
 */
export function raceConflict(
  field: "sku" | "barcode" | "handle",
  claims: CodesToCheck,
  taken: ReadonlySet<string>,
): AppError {
  const fields: FieldErrors = {};
  const path = claims.path ?? "variants";
  const message = {
    sku: "This SKU was just taken by another save.",
    barcode: "This barcode was just taken by another save.",
    handle: "This handle was just taken by another save.",
  }[field];

  if (field === "handle") fields.handle = [message];
  else {
    claims.variants.forEach((claim, index) => {
      const code = field === "sku" ? claim.sku : claim.barcode;
      if (code && taken.has(field === "sku" ? code : barcodeKey(code))) {
        fields[`${path}.${index}.${field}`] = [message];
      }
    });
    if (Object.keys(fields).length === 0) fields[`${path}.0.${field}`] = [message];
  }
  return new AppError(
    "conflict",
    `That ${field === "sku" ? "SKU" : field} is already in use.`,
    {
      internal: `unique violation on ${field} during save`,
      fields,
    },
  );
}
