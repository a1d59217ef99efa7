/**
 * The permission matrix, enforced: every server action refuses exactly the
 * roles the matrix denies, and every /api/v1 route refuses exactly the API
 * keys whose scopes lack its permission. Actions and routes are found on
 * disk, so a new one is covered without touching this file.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/auth/api-keys";
import {
  isPermission,
  LOCATION_SCOPED_ROLES,
  PERMISSIONS,
  type Permission,
  roleAllows,
  STAFF_ROLES,
  type StaffRoleName,
} from "@/lib/auth/permissions";
import { seedDemoData } from "@/lib/db/seed";
import type { ActionResult } from "@/lib/errors/http";
import {
  apiRouteFiles,
  HTTP_METHODS,
  importEntry,
  serverActionFiles,
} from "../../support/entry-points";
import { createTestDatabase, type TestDatabase } from "../support/database";

// Server actions learn who is acting from the session; here the test says.
const session = vi.hoisted(() => ({ staff: null as StaffActor | null }));
vi.mock("@/lib/next/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/next/session")>()),
  currentStaff: async () => session.staff,
  currentCustomer: async () => null,
  currentActor: async () => session.staff,
}));

let db: TestDatabase;
let storeId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  (globalThis as { __omnitillPrisma?: unknown }).__omnitillPrisma = db.prisma;
  storeId = (await db.prisma.location.findUniqueOrThrow({ where: { code: "STR-LDN" } }))
    .id;
});

function actorFor(role: StaffRoleName): StaffActor {
  return {
    kind: "staff",
    id: "00000000-0000-7000-8000-000000000001",
    email: `${role.toLowerCase()}@matrix.test`,
    name: `Matrix ${role}`,
    role,
    locationIds: LOCATION_SCOPED_ROLES.has(role) ? [storeId] : "all",
  };
}

type Action = ((input: unknown) => Promise<ActionResult<unknown>>) & {
  permission?: Permission;
};

const actionFiles = serverActionFiles();

describe("every server action against every role", () => {
  it.each(actionFiles)("%s refuses exactly the roles the matrix denies", async (file) => {
    const module = await importEntry(file);
    const actions = Object.entries(module).filter(
      (entry): entry is [string, Action] =>
        typeof entry[1] === "function" &&
        typeof (entry[1] as Action).permission === "string",
    );

    for (const [name, action] of actions) {
      const permission = action.permission as Permission;
      session.staff = null;
      expect(await action({}), `${name} without a session`).toMatchObject({
        ok: false,
        code: "unauthenticated",
      });

      for (const role of STAFF_ROLES) {
        session.staff = actorFor(role);
        // Empty input: an allowed role gets past the check and is refused
        // for the input instead, so nothing is written.
        const result = await action({});
        const code = result.ok ? "ok" : result.code;
        const label = `${name} (${permission}) as ${role}`;
        if (roleAllows(role, permission)) {
          expect(["forbidden", "unauthenticated"], label).not.toContain(code);
        } else {
          expect(code, label).toBe("forbidden");
        }
      }
    }
  });
});

const routeFiles = apiRouteFiles();

async function keyWith(scopes: Permission[]): Promise<string> {
  const created = await createApiKey(
    db.prisma,
    { kind: "system", reason: "test" },
    {
      name: `matrix ${scopes.length}`,
      scopes,
    },
  );
  return created.key;
}

function call(
  handler: (request: Request, segment: unknown) => Promise<Response>,
  method: string,
  key: string | null,
) {
  const headers = new Headers({ "content-type": "application/json" });
  if (key) headers.set("authorization", `Bearer ${key}`);
  const hasBody = !["GET", "HEAD", "OPTIONS"].includes(method);
  const request = new Request("http://127.0.0.1/api/v1/matrix", {
    method,
    headers,
    ...(hasBody ? { body: "{}" } : {}),
  });
  const id = "00000000-0000-7000-8000-00000000abcd";
  return handler(request, { params: Promise.resolve({ id, key: id }) });
}

describe("every /api/v1 route against API key scopes", () => {
  it.each(routeFiles)("%s refuses keys without its permission", async (file) => {
    const module = await importEntry(file);
    for (const method of HTTP_METHODS) {
      const handler = module[method] as
        | (((request: Request, segment: unknown) => Promise<Response>) & {
            permission?: string;
          })
        | undefined;
      if (!handler?.permission || !isPermission(handler.permission)) continue;
      const permission = handler.permission;

      const anonymous = await call(handler, method, null);
      const without = await call(
        handler,
        method,
        await keyWith(PERMISSIONS.filter((p) => p !== permission)),
      );
      const withOnly = await call(handler, method, await keyWith([permission]));

      expect(anonymous.status, `${method} ${file} without a key`).toBe(401);
      expect(without.status, `${method} ${file} without ${permission}`).toBe(403);
      expect([401, 403], `${method} ${file} with ${permission}`).not.toContain(
        withOnly.status,
      );
      await withOnly.body?.cancel();
    }
  });
});
