import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { LIMITS } from "../limits";
import { cleanLine } from "../text";
import { syncImageUrls } from "./add-product-image";
import { type ImageStore, renditionKey } from "./image-store";

export const updateProductImagesSchema = z.strictObject({
  productId: z.uuid(),
  /** The images to keep, in display order; those left out are deleted. */
  images: z
    .array(
      z.strictObject({
        id: z.uuid(),
        alt: z
          .string()
          .transform(cleanLine)
          .pipe(
            z
              .string()
              .max(LIMITS.imageAlt, { error: `At most ${LIMITS.imageAlt} characters.` }),
          ),
      }),
    )
    .max(LIMITS.images),
});

/** Reorders a product's photos, changes their alt texts and deletes those left out. */
export async function updateProductImages(
  db: PrismaClient,
  store: ImageStore,
  actor: Actor,
  input: z.input<typeof updateProductImagesSchema>,
) {
  authorize(actor, "catalog:write");
  const data = parseInput(updateProductImagesSchema, input);

  const removed = await db.$transaction(async (tx) => {
    const current = await tx.productImage.findMany({
      where: { productId: data.productId },
      orderBy: { position: "asc" },
    });
    const product = await tx.product.findUnique({
      where: { id: data.productId },
      select: { id: true },
    });
    if (!product) throw notFound("The product");
    const known = new Set(current.map((i) => i.id));
    if (data.images.some((i) => !known.has(i.id))) {
      throw new AppError("conflict", "The photos changed meanwhile; reload the page.");
    }

    const kept = new Set(data.images.map((i) => i.id));
    const gone = current.filter((i) => !kept.has(i.id));
    await tx.productImage.deleteMany({ where: { id: { in: gone.map((i) => i.id) } } });
    for (const [position, image] of data.images.entries()) {
      await tx.productImage.update({
        where: { id: image.id },
        data: { position, alt: image.alt },
      });
    }
    await syncImageUrls(tx, data.productId);

    await recordAudit(tx, {
      actor,
      action: "product.images_updated",
      entityType: "product",
      entityId: data.productId,
      before: {
        images: current.map((i) => ({ id: i.id, alt: i.alt, position: i.position })),
      },
      after: { images: data.images.map((i, position) => ({ ...i, position })) },
    });
    await emitEvent(tx, {
      type: "catalog.product_updated",
      aggregateType: "product",
      aggregateId: data.productId,
      payload: { productId: data.productId, changed: ["images"] },
    });
    return gone;
  });

  // Files go only after the rows are gone, so no row ever points at nothing.
  await store.remove(
    removed.flatMap((i) => i.widths.map((w) => renditionKey(i.path, w))),
  );
  return { removed: removed.length };
}
