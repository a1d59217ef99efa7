import { randomUUID } from "node:crypto";
import { withAuditContext } from "@/lib/audit/audit-context";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { clientIpFrom } from "./client-ip";
import { currentStaff } from "./session";

/**
 * Wraps an `/api/v1/pos` handler, which tills call with their staff
 * session and integrations with a bearer API key: authenticates either,
 * checks the declared permission (the handler checks the store), and maps
 * any error to problem+json.
 */
export function posRoute(
  permission: Permission,
  handler: (request: Request, actor: Actor) => Promise<Response>,
) {
  const route = async (request: Request): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    try {
      const authorization = request.headers.get("authorization");
      const actor = authorization
        ? await authenticateApiKey(db, authorization)
        : hasSessionCookie(request)
          ? await currentStaff()
          : null;
      authorize(actor, permission);
      const origin = {
        ipAddress: clientIpFrom(request.headers),
        userAgent: request.headers.get("user-agent"),
      };
      const response = await withAuditContext(origin, () => handler(request, actor));
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const response = problemResponse(error, { requestId, route: request.url });
      response.headers.set("x-request-id", requestId);
      return response;
    }
  };
  return Object.assign(route, { permission });
}

/** next-auth's session cookie (its __Secure- form over https); without it nobody is signed in. */
function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(
    request.headers.get("cookie") ?? "",
  );
}
