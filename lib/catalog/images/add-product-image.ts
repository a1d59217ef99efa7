import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { LIMITS } from "../limits";
import { cleanLine } from "../text";
import { type ImageStore, renditionKey, renditionUrl } from "./image-store";
import { resizeImage } from "./resize-image";

/**
 * Adds a photo to a product: resized into WebP renditions, stored, and
 * recorded last in the product's image order. Files written before a
 * failed save are removed again.
 */
export async function addProductImage(
  db: PrismaClient,
  store: ImageStore,
  actor: Actor,
  input: { productId: string; bytes: Buffer; alt?: string },
) {
  authorize(actor, "catalog:write");
  const alt = cleanLine(input.alt ?? "").slice(0, LIMITS.imageAlt);
  const product = await db.product.findUnique({
    where: { id: input.productId },
    select: { id: true, _count: { select: { images: true } } },
  });
  if (!product) throw notFound("The product");
  if (product._count.images >= LIMITS.images) {
    throw new AppError(
      "invalid_input",
      `A product has at most ${LIMITS.images} photos.`,
      {
        fields: { file: [`A product has at most ${LIMITS.images} photos.`] },
      },
    );
  }

  const renditions = await resizeImage(input.bytes);
  const imageId = randomUUID();
  const path = `products/${product.id}/${imageId}`;
  const keys = renditions.map((r) => renditionKey(path, r.width));
  for (const [i, rendition] of renditions.entries()) {
    await store.put(keys[i] as string, rendition.bytes);
  }

  const largest = renditions[0] as (typeof renditions)[number];
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.productImage.aggregate({
        where: { productId: product.id },
        _max: { position: true },
      });
      const image = await tx.productImage.create({
        data: {
          id: imageId,
          productId: product.id,
          path,
          alt,
          position: (last._max.position ?? -1) + 1,
          width: largest.width,
          height: largest.height,
          widths: renditions.map((r) => r.width),
        },
      });
      await syncImageUrls(tx, product.id);
      await recordAudit(tx, {
        actor,
        action: "product.image_added",
        entityType: "product",
        entityId: product.id,
        after: { imageId, path, alt, width: image.width, height: image.height },
      });
      await emitEvent(tx, {
        type: "catalog.product_updated",
        aggregateType: "product",
        aggregateId: product.id,
        payload: { productId: product.id, changed: ["images"] },
      });
      return image;
    });
  } catch (error) {
    await store.remove(keys);
    throw error;
  }
}

/** Rewrites Product.imageUrls (largest renditions, in order) from its images. */
export async function syncImageUrls(tx: Tx, productId: string): Promise<void> {
  const images = await tx.productImage.findMany({
    where: { productId },
    orderBy: { position: "asc" },
  });
  await tx.product.update({
    where: { id: productId },
    data: { imageUrls: images.map((i) => renditionUrl(i.path, i.widths[0] ?? i.width)) },
  });
}
