import { headers } from "next/headers";
import type { z } from "zod";
import { type AuditContext, withAuditContext } from "@/lib/audit/audit-context";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/errors";
import { type ActionResult, actionError } from "@/lib/errors/http";
import { clientIpFrom } from "./client-ip";
import { currentStaff } from "./session";

/** The address and browser of the request behind an action, for audit entries. */
async function requestOrigin(): Promise<AuditContext> {
  try {
    const incoming = await headers();
    return { ipAddress: clientIpFrom(incoming), userAgent: incoming.get("user-agent") };
  } catch {
    // Called outside a request (a test or a script): the origin is unknown.
    return {};
  }
}

/**
 * Builds a server action for staff: resolves who is acting, checks the one
 * permission the action declares, validates the input with its schema,
 * runs the domain call and returns a typed result for the form — field
 * errors and a plain message instead of a thrown error.
 *
 *   export const adjustStock = staffAction("inventory:adjust", schema,
 *     (input, staff) => adjustInventory(db, staff, input));
 */
export function staffAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, staff: StaffActor) => Promise<T>,
) {
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const staff = await currentStaff();
      authorize(staff, permission);
      const input = parseInput(schema, raw);
      const origin = await requestOrigin();
      const data = await withAuditContext(origin, () => run(input, staff as StaffActor));
      return { ok: true, data };
    } catch (error) {
      return actionError(error, { permission });
    }
  };
  return Object.assign(action, { permission });
}

/** Reads a form's fields into a plain object for a schema to parse. */
export function formToObject(
  form: FormData,
): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const result: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    result[key] = values.length > 1 ? values : (values[0] as FormDataEntryValue);
  }
  return result;
}
