import type { Db, Prisma } from "@/lib/db/client";
import { renditionUrl } from "./images/image-store";

/** What the API returns for a product, with its variants and images. */
export const PRODUCT_JSON_INCLUDE = {
  category: { select: { id: true, handle: true, name: true } },
  variants: { orderBy: { position: "asc" } },
  images: { orderBy: { position: "asc" } },
} as const satisfies Prisma.ProductInclude;

type ProductForJson = Prisma.ProductGetPayload<{ include: typeof PRODUCT_JSON_INCLUDE }>;

/** A product as JSON for integrations: amounts in minor units, dates as ISO strings. */
export function productJson(product: ProductForJson) {
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description,
    brand: product.brand,
    category: product.category,
    status: product.status,
    taxCategory: product.taxCategory,
    isFeatured: product.isFeatured,
    attributes: product.attributes,
    optionNames: product.optionNames,
    images: product.images.map((image) => ({
      id: image.id,
      url: renditionUrl(image.path, image.widths[0] ?? image.width),
      alt: image.alt,
      width: image.width,
      height: image.height,
      position: image.position,
    })),
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      optionValues: v.optionValues,
      priceMinor: v.priceMinor,
      compareAtMinor: v.compareAtMinor,
      costMinor: v.costMinor,
      currency: v.currency,
      weightGrams: v.weightGrams,
      isActive: v.isActive,
      position: v.position,
      updatedAt: v.updatedAt.toISOString(),
    })),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

/** One product by id for the API, or null. */
export function findProductForJson(db: Db, id: string) {
  return db.product.findUnique({ where: { id }, include: PRODUCT_JSON_INCLUDE });
}
