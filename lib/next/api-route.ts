import { randomUUID } from "node:crypto";
import { withAuditContext } from "@/lib/audit/audit-context";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { type Logger, requestLogger } from "@/lib/log";
import { clientIpFrom } from "./client-ip";

export interface ApiContext {
  actor: Actor;
  log: Logger;
  requestId: string;
  params: Record<string, string>;
}

type Handler = (request: Request, context: ApiContext) => Promise<Response>;

/**
 * Wraps an `/api/v1` handler: authenticates the bearer key, checks the one
 * permission the route declares, and maps any error to problem+json.
 */
export function apiRoute(permission: Permission, handler: Handler) {
  const route = async (
    request: Request,
    segment: { params: Promise<Record<string, string>> },
  ): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    let log = requestLogger({ requestId });
    try {
      const actor = await authenticateApiKey(db, request.headers.get("authorization"));
      log = requestLogger({ requestId, actor: `api_key:${actor.id}` });
      authorize(actor, permission);
      const params = (await segment.params) ?? {};
      const origin = {
        ipAddress: clientIpFrom(request.headers),
        userAgent: request.headers.get("user-agent"),
      };
      const response = await withAuditContext(origin, () =>
        handler(request, { actor, log, requestId, params }),
      );
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
