import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, PrismaClient } from "@/lib/db/client";
import { cachedReference } from "@/lib/db/reference-cache";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { isPermission, PERMISSIONS, type Permission } from "./permissions";

const KEY_PREFIX = "otk_";
const LAST_USED_PRECISION_MS = 60_000;

/** SHA-256 of an API key: keys are long and random, so a fast hash is enough. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export interface CreatedApiKey {
  id: string;
  name: string;
  /** The whole key; shown once and never stored. */
  key: string;
  prefix: string;
  scopes: Permission[];
}

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, { error: "Name the key." }).max(80),
  scopes: z
    .array(z.enum(PERMISSIONS, { error: "Unknown permission." }))
    .min(1, { error: "Give the key at least one scope." }),
});

/** Creates an API key and returns it once; only its hash is stored. */
export async function createApiKey(
  db: PrismaClient,
  actor: Actor,
  input: z.input<typeof createApiKeySchema>,
): Promise<CreatedApiKey> {
  authorize(actor, "api_keys:manage");
  const data = parseInput(createApiKeySchema, input);
  const key = `${KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const prefix = key.slice(0, 10);

  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        name: data.name,
        prefix,
        keyHash: hashApiKey(key),
        scopes: data.scopes,
        createdById: actor.kind === "staff" ? actor.id : null,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "api_key.created",
      entityType: "api_key",
      entityId: row.id,
      after: { name: row.name, prefix, scopes: row.scopes },
    });
    return { id: row.id, name: row.name, key, prefix, scopes: data.scopes };
  });
}

/** Resolves `Authorization: Bearer <key>` to an actor, or throws unauthenticated. */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
): Promise<Extract<Actor, { kind: "api_key" }>> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) {
    throw new AppError(
      "unauthenticated",
      "Send an API key as 'Authorization: Bearer <key>'.",
    );
  }

  // Cached per instance (lib/db/reference-cache.ts): revoking a key emits
  // an event that drops it everywhere before the next request.
  const keyHash = hashApiKey(match[1]);
  const row = await cachedReference(
    db,
    `api_key:${keyHash}`,
    () => db.apiKey.findUnique({ where: { keyHash } }),
    (found) => found !== null,
  );
  if (!row || row.revokedAt) {
    throw new AppError("unauthenticated", "The API key is not valid.");
  }

  // Stamped at most once a minute: every request writing the same row
  // would serialise all of a busy integration's calls on its lock.
  const now = new Date();
  if (
    !row.lastUsedAt ||
    now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS
  ) {
    // Noted on the cached row too, so the next minute's calls skip this.
    row.lastUsedAt = now;
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: now } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    kind: "api_key",
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter(isPermission),
  };
}

export const revokeApiKeySchema = z.object({ id: z.uuid({ error: "Unknown API key." }) });

/** Revokes an API key at once; it stays listed, marked revoked, for the record. */
export async function revokeApiKey(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "api_keys:manage");
  const { id } = parseInput(revokeApiKeySchema, input);

  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id } });
    if (!key) throw new AppError("not_found", "The API key was not found.");
    if (key.revokedAt) return { id, revokedAt: key.revokedAt };

    const revokedAt = new Date();
    await tx.apiKey.update({ where: { id }, data: { revokedAt } });
    // Instances drop their cached copy of the key on this event.
    await emitEvent(tx, {
      type: "api_key.revoked",
      aggregateType: "api_key",
      aggregateId: id,
      payload: { apiKeyId: id },
    });
    await recordAudit(tx, {
      actor,
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: id,
      before: { revokedAt: null },
      after: { name: key.name, prefix: key.prefix, revokedAt: revokedAt.toISOString() },
    });
    return { id, revokedAt };
  });
}
