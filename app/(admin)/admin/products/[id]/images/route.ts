import { addProductImage } from "@/lib/catalog/images/add-product-image";
import { configuredImageStore } from "@/lib/catalog/images/image-store";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { staffRoute } from "@/lib/next/staff-route";

/** Uploads one photo (multipart field "file", optional "alt") to a product. */
export const POST = staffRoute<{ id: string }>(
  "catalog:write",
  async (request, staff, params) => {
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("invalid_input", "Choose a photo to upload.", {
        fields: { file: ["Choose a photo to upload."] },
      });
    }
    const alt = form?.get("alt");
    const image = await addProductImage(db, configuredImageStore(), staff, {
      productId: params.id,
      bytes: Buffer.from(await file.arrayBuffer()),
      alt: typeof alt === "string" ? alt : "",
    });
    return Response.json(
      { id: image.id, width: image.width, height: image.height },
      { status: 201 },
    );
  },
);
