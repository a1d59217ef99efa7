import type { MetadataRoute } from "next";

// Read per request: NEXTAUTH_URL is known at run time, not at build time.
export const dynamic = "force-dynamic";

/** Search engines may read the shop, not the staff surfaces or shoppers' own pages. */
export default function robots(): MetadataRoute.Robots {
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/admin", "/pos", "/api", "/account", "/cart", "/checkout", "/orders"],
    },
    ...(base ? { sitemap: `${base}/sitemap.xml` } : {}),
  };
}
