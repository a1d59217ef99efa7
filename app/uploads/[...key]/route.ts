import { configuredImageStore } from "@/lib/catalog/images/image-store";

/**
 * Serves product photo renditions from the image store. Keys are unique
 * per upload, so responses may be cached for good.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ key: string[] }> },
) {
  const { key } = await params;
  const bytes = await configuredImageStore().get(key.join("/"));
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "image/webp",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
