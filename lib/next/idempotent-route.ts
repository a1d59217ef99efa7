import { actorRef } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { withIdempotency } from "@/lib/idempotency";
import type { ApiContext } from "./api-route";

type Mutation = (
  tx: Tx,
  body: Record<string, unknown>,
) => Promise<{ status: number; body: unknown }>;

/**
 * Runs an `/api/v1` mutation under the request's `Idempotency-Key`: a
 * retry with the same key and body gets the first answer again (marked
 * `Idempotent-Replayed: true`) and changes nothing; the same key with a
 * different body is refused with 409. Keys are scoped to the caller and
 * the route.
 */
export async function idempotentMutation(
  request: Request,
  context: ApiContext,
  mutate: Mutation,
): Promise<Response> {
  const body = await readJsonObject(request);
  const result = await withIdempotency(
    db,
    {
      key: request.headers.get("idempotency-key"),
      scope: `${actorRef(context.actor)}|${request.method} ${new URL(request.url).pathname}`,
      body,
    },
    (tx) => mutate(tx, body),
  );
  context.log.info(
    {
      status: result.status,
      isReplay: result.isReplay,
      path: new URL(request.url).pathname,
    },
    result.isReplay ? "replayed an idempotent request" : "applied a mutation",
  );
  const headers: Record<string, string> = {};
  if (result.isReplay) headers["idempotent-replayed"] = "true";
  return Response.json(result.body, { status: result.status, headers });
}

/** The request body as a JSON object; an empty body reads as `{}`. */
async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.", {
      fields: { _: ["Send a JSON object."] },
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("invalid_input", "The request body must be a JSON object.", {
      fields: { _: ["Send a JSON object."] },
    });
  }
  return value as Record<string, unknown>;
}
