import { beforeEach, describe, expect, it } from "vitest";
import { cachedRead, clearCatalogCache } from "@/lib/storefront/catalog-cache";

beforeEach(() => clearCatalogCache());

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
