import { createRequire } from "node:module";
import { beforeEach, describe, expect, it } from "vitest";
import { cachedPageKeys, clearPageCache } from "@/lib/next/page-cache";
import {
  cachedRead,
  clearCatalogCache,
  dropForEvents,
} from "@/lib/storefront/catalog-cache";

beforeEach(() => {
  clearCatalogCache();
  clearPageCache();
});

describe("the storefront's catalogue cache", () => {
  it("reads once for many requests at the same moment", async () => {
    let reads = 0;
    const load = async () => {
      reads += 1;
      return "product";
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cachedRead("p", load, { now: 0 })),
    );
    expect(results.every((r) => r === "product")).toBe(true);
    expect(reads).toBe(1);
  });

  it("reads again once the entry has expired", async () => {
    let reads = 0;
    const load = async () => (reads += 1);
    await cachedRead("p", load, { now: 0, ttlMs: 1_000 });
    await cachedRead("p", load, { now: 999, ttlMs: 1_000 });
    expect(reads).toBe(1);
    await cachedRead("p", load, { now: 1_000, ttlMs: 1_000 });
    expect(reads).toBe(2);
  });

  it("does not keep a failed read", async () => {
    await expect(
      cachedRead("p", () => Promise.reject(new Error("database down")), { now: 0 }),
    ).rejects.toThrow("database down");
    expect(await cachedRead("p", async () => "recovered", { now: 1 })).toBe("recovered");
  });

  it("forgets everything when the catalogue changes", async () => {
    let reads = 0;
    const load = async () => (reads += 1);
    await cachedRead("a", load, { now: 0 });
    clearCatalogCache();
    await cachedRead("a", load, { now: 1 });
    expect(reads).toBe(2);
  });
});

describe("stock figures in the cache", () => {
  it("are dropped by a stock change while the rest is kept", async () => {
    let reads = 0;
    const load = async () => (reads += 1);
    await cachedRead("stock:jumper", load, { now: 0 });
    await cachedRead("product:jumper", load, { now: 0 });
    clearCatalogCache("stock:");
    await cachedRead("stock:jumper", load, { now: 1 });
    await cachedRead("product:jumper", load, { now: 1 });
    expect(reads).toBe(3);
  });
});

describe("what an event drops", () => {
  const PageCacheHandler = createRequire(import.meta.url)(
    "../../../lib/next/page-cache-handler.cjs",
  ) as new () => {
    get(key: string): Promise<unknown>;
    set(key: string, data: unknown, ctx?: object): Promise<void>;
  };
  const PAGES = [
    "/route-cache/APP_PAGE/a1/$/products/jumper",
    "/route-cache/APP_PAGE/b2/$/categories/women/all",
    "/route-cache/APP_PAGE/b2/$/categories/women/delivery%3D1",
  ];

  async function fill() {
    const handler = new PageCacheHandler();
    for (const key of PAGES) {
      await handler.get(key);
      await handler.set(key, { kind: "APP_PAGE" }, { cacheControl: { revalidate: 60 } });
    }
    await cachedRead("product:jumper", async () => 1);
    await cachedRead("stock:jumper", async () => 1);
  }

  it.each([
    "catalog.product_updated",
    "pricing.promotion_changed",
    "location.updated",
    "settings.updated",
  ])("drops every page and read after %s", async (type) => {
    await fill();
    dropForEvents([type]);
    expect(cachedPageKeys()).toEqual([]);
    let reads = 0;
    await cachedRead("product:jumper", async () => (reads += 1));
    expect(reads).toBe(1);
  });

  it("drops only stock figures and stock-filtered listings after a stock change", async () => {
    await fill();
    dropForEvents(["inventory.level_changed"]);
    expect(cachedPageKeys()).toEqual(PAGES.slice(0, 2));
    let reads = 0;
    await cachedRead("product:jumper", async () => (reads += 1));
    await cachedRead("stock:jumper", async () => (reads += 1));
    expect(reads).toBe(1);
  });

  it("keeps everything after an event that changes nothing shown", async () => {
    await fill();
    dropForEvents(["order.placed"]);
    expect(cachedPageKeys()).toEqual(PAGES);
  });
});
