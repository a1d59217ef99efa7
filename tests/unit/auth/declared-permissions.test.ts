/**
 * Every way in declares the one permission it needs: each /api/v1 route
 * handler (apiRoute) and each server action (staffAction) carries it as
 * `.permission`. This test finds them all on disk, so a new route or action
 * that forgets fails here, and checks that the matrix and `can()` agree.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/authorize";
import {
  isPermission,
  LOCATION_SCOPED_ROLES,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  STAFF_ROLES,
} from "@/lib/auth/permissions";
import {
  apiRouteFiles,
  appSourceFiles,
  HTTP_METHODS,
  importEntry,
  isServerActionModule,
  ROOT,
  serverActionFiles,
} from "../../support/entry-points";

const routeFiles = apiRouteFiles();
const sourceFiles = appSourceFiles();
const actionFiles = serverActionFiles();

function permissionOf(value: unknown): unknown {
  return (value as { permission?: unknown } | null)?.permission;
}

describe("every /api/v1 route", () => {
  it("is found on disk", () => {
    expect(routeFiles.length).toBeGreaterThan(1);
  });

  it.each(routeFiles)("%s declares a known permission for each method", async (file) => {
    const module = await importEntry(file);
    const methods = HTTP_METHODS.filter((method) => method in module);
    expect(methods, `${file} exports no HTTP method`).not.toHaveLength(0);
    for (const method of methods) {
      // A route that also serves anonymous callers (public event topics)
      // declares `.audience = "public"` and checks each caller itself.
      if ((module[method] as { audience?: unknown }).audience === "public") continue;
      const permission = permissionOf(module[method]);
      expect(
        typeof permission === "string" && isPermission(permission),
        `${method} in ${file} must be made with apiRoute(permission, …)`,
      ).toBe(true);
    }
  });
});

describe("every server action", () => {
  it("is found on disk", () => {
    expect(actionFiles.length).toBeGreaterThan(2);
  });

  it("lives in a module of actions, never inline in a component", () => {
    const inline = sourceFiles.filter((file) => {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      return /["']use server["']/.test(source) && !isServerActionModule(source);
    });
    expect(inline, "move these actions to an actions.ts with staffAction").toEqual([]);
  });

  it.each(actionFiles)("%s declares a known permission for each action", async (file) => {
    const module = await importEntry(file);
    const exported = Object.entries(module).filter(([, v]) => typeof v === "function");
    expect(exported, `${file} exports no action`).not.toHaveLength(0);
    for (const [name, action] of exported) {
      // Storefront actions serve shoppers, who hold no staff permission;
      // shopperAction declares them as such instead.
      if ((action as { audience?: unknown }).audience === "shopper") continue;
      const permission = permissionOf(action);
      expect(
        typeof permission === "string" && isPermission(permission),
        `${name} in ${file} must be made with staffAction(permission, …) or shopperAction`,
      ).toBe(true);
    }
  });
});

const staff = (role: (typeof STAFF_ROLES)[number], locationIds: string[] | "all") =>
  ({ kind: "staff", id: "s", email: "s@x.test", name: "S", role, locationIds }) as const;

describe("the permission matrix and can()", () => {
  for (const role of STAFF_ROLES) {
    it(`agree on every permission for the ${role} role`, () => {
      for (const permission of PERMISSIONS) {
        const declared = ROLE_PERMISSIONS[role].includes(permission);
        expect(can(staff(role, "all"), permission), permission).toBe(declared);
      }
    });

    it(`agree for the ${role} role at its own location and deny elsewhere if bound`, () => {
      const bound = LOCATION_SCOPED_ROLES.has(role);
      const actor = staff(role, bound ? ["store-a"] : "all");
      for (const permission of PERMISSIONS) {
        const declared = ROLE_PERMISSIONS[role].includes(permission);
        expect(can(actor, permission, { locationId: "store-a" }), permission).toBe(
          declared,
        );
        expect(can(actor, permission, { locationId: "store-b" }), permission).toBe(
          declared && !bound,
        );
      }
    });
  }
});
