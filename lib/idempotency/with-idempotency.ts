import { createHash } from "node:crypto";
import type { Prisma, PrismaClient, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** How long a key is remembered; a later request with it starts afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Transaction limits for mutations: waiting for a connection, and running. */
export const MUTATION_TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest {
  /** The caller's key (the Idempotency-Key header); null runs once, unguarded. */
  key: string | null;
  /** Who asked for what, e.g. "api_key:<id>|POST /api/v1/inventory/receipts". */
  scope: string;
  /** The request body; the same key with a different body is refused. */
  body: unknown;
}

export interface IdempotentResponse {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier request with the key. */
  isReplay: boolean;
}

/**
 * Runs a mutation at most once per key. The key's row is inserted first in
 * the mutation's own transaction: a concurrent retry blocks on it and then
 * replays the committed answer, and a failed attempt rolls the key back
 * with everything else, so it can be retried. Errors are not stored.
 */
export async function withIdempotency(
  db: PrismaClient,
  request: IdempotentRequest,
  run: (tx: Tx) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentResponse> {
  const { key, scope } = request;
  if (key !== null && !KEY_PATTERN.test(key)) {
    throw new AppError("invalid_input", "The Idempotency-Key header is not valid.", {
      fields: { "Idempotency-Key": ["Use 1 to 255 visible ASCII characters."] },
    });
  }
  const requestHash = hashBody(request.body);

  return db.$transaction(async (tx) => {
    if (key !== null) {
      const replay = await claimKey(tx, { scope, key, requestHash });
      if (replay) return replay;
    }

    const response = await run(tx);
    const body = toJson(response.body);
    if (key !== null) {
      await tx.idempotencyKey.update({
        where: { scope_key: { scope, key } },
        data: { responseStatus: response.status, responseBody: body ?? undefined },
      });
    }
    return { status: response.status, body, isReplay: false };
  }, MUTATION_TX_OPTIONS);
}

/**
 * Inserts the key, or returns the stored answer when it was used before.
 * A key older than the TTL is forgotten and claimed anew.
 */
async function claimKey(
  tx: Tx,
  options: { scope: string; key: string; requestHash: string },
): Promise<IdempotentResponse | null> {
  const { scope, key, requestHash } = options;
  const cutoff = new Date(Date.now() - IDEMPOTENCY_TTL_MS);
  await tx.idempotencyKey.deleteMany({
    where: { scope, key, createdAt: { lt: cutoff } },
  });

  const inserted = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" (scope, key, "requestHash", "createdAt")
    VALUES (${scope}, ${key}, ${requestHash}, now() AT TIME ZONE 'UTC')
    ON CONFLICT (scope, key) DO NOTHING
    RETURNING key`;
  if (inserted.length > 0) return null;

  const existing = await tx.idempotencyKey.findUnique({
    where: { scope_key: { scope, key } },
  });
  if (!existing || existing.responseStatus === null) {
    throw new AppError("conflict", "A request with this key is still being processed.", {
      fields: { "Idempotency-Key": ["Wait for the first request to finish."] },
      retryAfterSeconds: 1,
    });
  }
  if (existing.requestHash !== requestHash) {
    const message = "This Idempotency-Key was already used with a different request.";
    throw new AppError("conflict", message, {
      fields: { "Idempotency-Key": [message] },
    });
  }
  return { status: existing.responseStatus, body: existing.responseBody, isReplay: true };
}

/** SHA-256 of the body in a canonical form: key order and spacing do not matter. */
export function hashBody(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** Forgets keys older than the TTL; for a scheduled job. */
export async function purgeIdempotencyKeys(db: PrismaClient, now = new Date()) {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  const { count } = await db.idempotencyKey.deleteMany({
    where: { createdAt: { lt: cutoff } },
  });
  return count;
}
