import type { MetadataRoute } from "next";
import { db } from "@/lib/db/client";

// Built per request from the live catalogue; never at build time.
export const dynamic = "force-dynamic";

function origin(): string {
  return (
    process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`
  ).replace(/\/$/, "");
}

/** Every category and active product page of the storefront. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = origin();
  const [categories, products] = await Promise.all([
    db.category.findMany({ select: { handle: true } }),
    db.product.findMany({
      where: { status: "ACTIVE" },
      select: { handle: true, updatedAt: true },
      orderBy: { handle: "asc" },
    }),
  ]);
  return [
    { url: `${base}/`, changeFrequency: "daily", priority: 1 },
    { url: `${base}/stores`, changeFrequency: "monthly", priority: 0.3 },
    ...categories.map((c) => ({
      url: `${base}/categories/${c.handle}`,
      changeFrequency: "daily" as const,
      priority: 0.7,
    })),
    ...products.map((p) => ({
      url: `${base}/products/${p.handle}`,
      lastModified: p.updatedAt,
      changeFrequency: "daily" as const,
      priority: 0.8,
    })),
  ];
}
