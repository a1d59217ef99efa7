import { z } from "zod";
import { formatPriceRange } from "@/components/ui/format";
import {
  listCategoryMatches,
  listSearchMatches,
} from "@/lib/catalog/list-search-matches";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { problemResponse } from "@/lib/errors/http";

const querySchema = z.object({ q: z.string().trim().min(2).max(100) });

export interface Suggestions {
  products: { handle: string; title: string; price: string }[];
  categories: { handle: string; name: string }[];
}

/** Search suggestions as the shopper types: a few products and categories. */
export async function GET(request: Request) {
  try {
    const { q } = parseInput(querySchema, {
      q: new URL(request.url).searchParams.get("q") ?? "",
    });
    const [products, categories] = await Promise.all([
      listSearchMatches(db, { query: q, limit: 6 }),
      listCategoryMatches(db, { query: q }),
    ]);
    const body: Suggestions = {
      products: products.map((p) => ({
        handle: p.handle,
        title: p.title,
        price: formatPriceRange(
          p.variants.map((v) => v.priceMinor),
          p.variants[0]?.currency ?? "GBP",
        ),
      })),
      categories: categories.map((c) => ({
        handle: c.handle,
        name: c.parentName ? `${c.name} – ${c.parentName}` : c.name,
      })),
    };
    return Response.json(body, {
      headers: { "cache-control": "public, max-age=30, stale-while-revalidate=300" },
    });
  } catch (error) {
    return problemResponse(error, { route: "storefront.suggestions" });
  }
}
