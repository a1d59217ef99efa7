import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, visibleLocationIds } from "@/lib/auth/authorize";
import { PERMISSIONS, ROLE_PERMISSIONS, STAFF_ROLES } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const staff = (
  role: (typeof STAFF_ROLES)[number],
  locationIds: string[] | "all" = "all",
) =>
  ({ kind: "staff", id: "s1", email: "s@x.test", name: "S", role, locationIds }) as const;

describe("the permission matrix", () => {
  it("gives the owner every permission", () => {
    for (const p of PERMISSIONS) expect(can(staff("OWNER"), p)).toBe(true);
  });

  it.each([
    ["ASSOCIATE", "admin:access", false],
    ["ASSOCIATE", "pos:sell", true],
    ["ASSOCIATE", "pos:override_price", false],
    ["MERCHANDISER", "pos:access", false],
    ["MERCHANDISER", "catalog:write", true],
    ["FULFILLMENT", "pos:access", false],
    ["FULFILLMENT", "fulfillment:work", true],
    ["STORE_MANAGER", "pos:override_price", true],
    ["STORE_MANAGER", "staff:manage", true],
    ["STORE_MANAGER", "settings:manage", false],
    ["STORE_MANAGER", "locations:manage", false],
  ] as const)("%s may %s: %s", (role, permission, expected) => {
    expect(can(staff(role), permission)).toBe(expected);
  });

  it("names only known permissions in every role", () => {
    for (const role of STAFF_ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });
});

describe("authorize", () => {
  it("asks an anonymous visitor to sign in", () => {
    expect(() => authorize(null, "pos:access")).toThrowError(
      expect.objectContaining({ code: "unauthenticated" }),
    );
  });

  it("refuses a role the matrix denies with a forbidden error", () => {
    try {
      authorize(staff("ASSOCIATE"), "staff:manage");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("forbidden");
    }
  });

  it("keeps a location-bound associate to their own store", () => {
    const associate = staff("ASSOCIATE", ["store-a"]);
    expect(can(associate, "pos:sell", { locationId: "store-a" })).toBe(true);
    expect(can(associate, "pos:sell", { locationId: "store-b" })).toBe(false);
    expect(visibleLocationIds(associate)).toEqual(["store-a"]);
  });

  it("lets an API key do only what its scopes name", () => {
    const key: Actor = {
      kind: "api_key",
      id: "k",
      name: "ERP",
      scopes: ["catalog:read"],
    };
    expect(can(key, "catalog:read")).toBe(true);
    expect(can(key, "catalog:write")).toBe(false);
  });

  it("never lets a shopper use a staff permission", () => {
    const shopper: Actor = { kind: "customer", id: "c", email: "c@x.test" };
    for (const p of PERMISSIONS) expect(can(shopper, p)).toBe(false);
  });

  it("never lets a storefront guest use any permission", () => {
    const guest: Actor = { kind: "guest" };
    for (const p of PERMISSIONS) expect(can(guest, p)).toBe(false);
  });
});
