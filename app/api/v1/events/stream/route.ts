import { randomUUID } from "node:crypto";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { openEventStream, SSE_HEADERS } from "@/lib/events/event-stream";
import { getRealtimeHub } from "@/lib/events/start-events";
import {
  authorizeStream,
  parseStreamQuery,
  type StreamQuery,
} from "@/lib/events/stream-scope";
import { requestLogger } from "@/lib/log";
import { currentStaff } from "@/lib/next/session";

export const dynamic = "force-dynamic";

/**
 * Server-sent events: GET /api/v1/events/stream?topics=inventory&location=<id>.
 * An API key (Bearer) or a staff session gets whole events of its topics and
 * locations; anyone else, or `audience=public`, gets public topics only
 * (lib/events/topics.ts). Resumes after Last-Event-ID (header, or the
 * `lastEventId` parameter for a client that cannot set headers).
 */
async function streamEvents(request: Request) {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const url = new URL(request.url);
    const query = parseStreamQuery({
      ...Object.fromEntries(url.searchParams),
      lastEventId:
        request.headers.get("last-event-id") ??
        url.searchParams.get("lastEventId") ??
        undefined,
    });
    const actor = await streamActor(request, query);
    const scope = authorizeStream(actor, query);
    const log = requestLogger({
      requestId,
      actor: actor ? actorRef(actor) : "anonymous",
    });

    const stream = openEventStream({
      db,
      hub: await getRealtimeHub(),
      scope,
      lastEventId: query.lastEventId,
      signal: request.signal,
      log,
    });
    return new Response(stream, {
      headers: { ...SSE_HEADERS, "x-request-id": requestId },
    });
  } catch (error) {
    const response = problemResponse(error, {
      requestId,
      route: "GET /api/v1/events/stream",
    });
    response.headers.set("x-request-id", requestId);
    return response;
  }
}

/** A bearer key if one is sent; else the staff session, unless the public view is asked for. */
async function streamActor(request: Request, query: StreamQuery): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) return authenticateApiKey(db, authorization);
  if (query.audience === "public") return null;
  return currentStaff();
}

/**
 * Open to anonymous shoppers for public topics; authorizeStream checks each
 * caller's topics and locations itself, so the route declares no single
 * permission (tests/unit/auth/declared-permissions.test.ts accepts this).
 */
export const GET = Object.assign(streamEvents, { audience: "public" as const });
