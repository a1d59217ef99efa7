import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { problemResponse } from "@/lib/errors/http";
import { currentStaff } from "./session";

/**
 * Wraps a back-office route handler (file uploads and downloads, which
 * server actions do not suit): the signed-in staff member must hold the
 * permission; any error becomes problem+json.
 */
export function staffRoute<P extends Record<string, string | string[]>>(
  permission: Permission,
  handler: (request: Request, staff: StaffActor, params: P) => Promise<Response>,
) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const staff = await currentStaff();
      authorize(staff, permission);
      return await handler(request, staff as StaffActor, await segment.params);
    } catch (error) {
      return problemResponse(error, { route: new URL(request.url).pathname });
    }
  };
}
