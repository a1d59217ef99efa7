import { createRequire } from "node:module";
import { beforeEach, describe, expect, it } from "vitest";
import {
  cachedPageKeys,
  clearPageCache,
  clearStockListingPages,
} from "@/lib/next/page-cache";

interface Handler {
  get(key: string): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: unknown, ctx?: object): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
}

// Next loads the handler by path, as plain CommonJS; so does this test.
const PageCacheHandler = createRequire(import.meta.url)(
  "../../../lib/next/page-cache-handler.cjs",
) as new () => Handler;

const PAGE = { kind: "APP_PAGE", html: "<p>£40.00</p>" };
const key = (path: string) => `/route-cache/APP_PAGE/0a1b/$${path}`;

/** What Next does for one request: look up, and on a miss render and store. */
async function serve(handler: Handler, path: string, page = PAGE) {
  const hit = await handler.get(key(path));
  if (hit) return hit.value;
  await handler.set(key(path), page, { cacheControl: { revalidate: 60 } });
  return page;
}

beforeEach(() => clearPageCache());

describe("the catalogue page cache", () => {
  it("renders a page once and serves it from memory afterwards", async () => {
    const handler = new PageCacheHandler();
    expect(await handler.get(key("/products/jumper"))).toBeNull();
    await handler.set(key("/products/jumper"), PAGE, {
      cacheControl: { revalidate: 60 },
    });
    expect((await handler.get(key("/products/jumper")))?.value).toEqual(PAGE);
    expect(cachedPageKeys()).toEqual([key("/products/jumper")]);
  });

  it("forgets every page when the catalogue changes", async () => {
    const handler = new PageCacheHandler();
    await serve(handler, "/products/jumper");
    await serve(handler, "/");
    clearPageCache();
    expect(await handler.get(key("/products/jumper"))).toBeNull();
    expect(await handler.get(key("/"))).toBeNull();
  });

  it("does not keep a page whose render began before a change", async () => {
    const handler = new PageCacheHandler();
    expect(await handler.get(key("/products/jumper"))).toBeNull();
    // The render read the old price; then the price changed.
    clearPageCache();
    await handler.set(key("/products/jumper"), PAGE, {
      cacheControl: { revalidate: 60 },
    });
    expect(await handler.get(key("/products/jumper"))).toBeNull();
    // The next render began after the change, and is kept.
    const fresh = { kind: "APP_PAGE", html: "<p>£35.00</p>" };
    await handler.set(key("/products/jumper"), fresh, {
      cacheControl: { revalidate: 60 },
    });
    expect((await handler.get(key("/products/jumper")))?.value).toEqual(fresh);
  });

  it("drops only the listings filtered by stock when stock changes", async () => {
    const handler = new PageCacheHandler();
    const paths = [
      "/products/jumper",
      "/categories/women/all",
      "/categories/women/size%3DM%26colour%3DNavy",
      "/categories/women/delivery%3D1",
      "/categories/women/size=M&store=STR-LDN",
    ];
    for (const path of paths) await serve(handler, path);
    clearStockListingPages();
    expect(cachedPageKeys()).toEqual(paths.slice(0, 3).map(key));
  });

  it("expires pages by tag, as revalidatePath and revalidateTag ask", async () => {
    const handler = new PageCacheHandler();
    await handler.get(key("/products/jumper"));
    await handler.set(key("/products/jumper"), PAGE, {
      tags: ["_N_T_/products/jumper"],
      cacheControl: { revalidate: 60 },
    });
    await handler.revalidateTag("_N_T_/products/jumper");
    expect(await handler.get(key("/products/jumper"))).toBeNull();
  });

  it("keeps at most 2,000 pages, dropping the oldest first", async () => {
    const handler = new PageCacheHandler();
    for (let n = 0; n <= 2_000; n += 1) await serve(handler, `/products/p${n}`);
    const keys = cachedPageKeys();
    expect(keys.length).toBeLessThanOrEqual(2_000);
    expect(keys).not.toContain(key("/products/p0"));
    expect(keys).toContain(key("/products/p2000"));
  });
});
