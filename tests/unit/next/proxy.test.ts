import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { LISTING_QUERY_KEYS } from "@/lib/catalog/listing-keys";
import { config, proxy } from "@/proxy";

function categoryMatchers(): string[] {
  return config.matcher.flatMap((entry) =>
    typeof entry === "object" && entry.source === "/categories/:handle" && "has" in entry
      ? (entry.has ?? []).map((condition) => condition.key)
      : [],
  );
}

describe("the proxy", () => {
  it("runs for a category listing whenever any of its filters is in the query", () => {
    expect(categoryMatchers().sort()).toEqual([...LISTING_QUERY_KEYS].sort());
  });

  it("moves a listing's filters into the path, in a canonical order", () => {
    const response = proxy(
      new NextRequest("http://shop.test/categories/women?colour=Navy&size=M&utm=mail"),
    );
    const target = new URL(response.headers.get("x-middleware-rewrite") ?? "");
    expect(target.pathname).toBe(
      `/categories/women/${encodeURIComponent("size=M&colour=Navy")}`,
    );
    expect(target.search).toBe("");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("gives every other page a policy with a fresh nonce", () => {
    const nonces = ["/cart", "/cart"].map((path) => {
      const response = proxy(new NextRequest(`http://shop.test${path}`));
      const policy = response.headers.get("content-security-policy") ?? "";
      return /'nonce-([^']+)'/.exec(policy)?.[1];
    });
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("answers 400 to an address whose percent escapes do not decode, on any path", () => {
    for (const path of [
      "/products/%ZZ",
      "/categories/women/50%",
      "/api/v1/orders/%E0%A4%A",
      "/%",
    ]) {
      const response = proxy(new NextRequest(`http://shop.test${path}`));
      expect(response.status).toBe(400);
    }
  });

  it("lets a well-encoded address outside the pages through without a page policy", () => {
    const response = proxy(new NextRequest("http://shop.test/api/v1/products/caf%C3%A9"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});
