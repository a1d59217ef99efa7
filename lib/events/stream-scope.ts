import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize, visibleLocationIds } from "@/lib/auth/authorize";
import type { Prisma } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import type { OutboxRecord } from "./outbox-event";
import {
  PUBLIC_SHAPES,
  PUBLIC_TOPICS,
  TOPIC_NAMES,
  TOPICS,
  type Topic,
  topicOf,
} from "./topics";

const MAX_VARIANTS = 50;

function commaList(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export const streamQuerySchema = z.object({
  topics: z.preprocess(
    commaList,
    z
      .array(z.enum(TOPIC_NAMES, { error: `Topics are ${TOPIC_NAMES.join(", ")}.` }))
      .min(1, { error: "Name at least one topic, e.g. topics=inventory." })
      .transform((topics) => [...new Set(topics)]),
  ),
  location: z.uuid({ error: "Not a location id." }).optional(),
  variantIds: z.preprocess(
    commaList,
    z
      .array(z.uuid({ error: "Not a variant id." }))
      .min(1)
      .max(MAX_VARIANTS, { error: `Follow at most ${MAX_VARIANTS} variants.` })
      .optional(),
  ),
  /** "public": the shoppers' view, whoever is signed in (the storefront asks for it). */
  audience: z
    .enum(["public"], { error: 'The only audience to ask for is "public".' })
    .optional(),
  lastEventId: z
    .string()
    .regex(/^\d{1,18}$/, { error: "Last-Event-ID is an event id from this stream." })
    .optional(),
});

export type StreamQuery = z.output<typeof streamQuerySchema>;

/** Parses a stream's query string and Last-Event-ID (header or parameter). */
export function parseStreamQuery(input: Record<string, string | undefined>): StreamQuery {
  return parseInput(streamQuerySchema, input);
}

/** What one open stream may carry; decided once when it opens. */
export interface StreamScope {
  /** "public": only PUBLIC_SHAPES, reduced; "internal": whole events. */
  audience: "public" | "internal";
  topics: ReadonlySet<Topic>;
  /** null: every location. Events tied to no location pass any scope. */
  locationIds: readonly string[] | null;
  variantIds: ReadonlySet<string> | null;
}

/**
 * Decides what a stream may carry for an actor (null: anonymous), or throws.
 * Anyone may follow public topics; other topics need the topic's read
 * permission. Location-bound staff get only their own locations' events,
 * and asking for another location is refused rather than answered empty.
 */
export function authorizeStream(actor: Actor | null, query: StreamQuery): StreamScope {
  const topics = new Set(query.topics);
  const variantIds = query.variantIds ? new Set(query.variantIds) : null;
  const isPublic = query.audience === "public" || !actor || actor.kind === "customer";

  if (isPublic) {
    const closed = query.topics.filter((topic) => !PUBLIC_TOPICS.has(topic));
    if (closed.length > 0) {
      throw new AppError(
        actor && actor.kind !== "customer" ? "forbidden" : "unauthenticated",
        `Only staff and API keys can follow ${closed.join(", ")} events.`,
        { fields: { topics: [`${closed.join(", ")} are not public.`] } },
      );
    }
    const locationIds = query.location ? [query.location] : null;
    return { audience: "public", topics, locationIds, variantIds };
  }

  for (const topic of topics) authorize(actor, TOPICS[topic].permission);
  const visible = visibleLocationIds(actor);
  if (query.location && visible && !visible.includes(query.location)) {
    throw new AppError("forbidden", "You can follow only the stores you work at.", {
      internal: `location ${query.location} is not among the actor's locations`,
    });
  }
  const locationIds = query.location ? [query.location] : visible;
  return { audience: "internal", topics, locationIds, variantIds };
}

/** An event as a stream sends it. */
export interface StreamEvent {
  id: string;
  type: string;
  topic: Topic;
  /** Null on the public stream, and for events tied to no location. */
  locationId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** The event as this stream may send it, or null when it is not for this stream. */
export function shapeForStream(
  event: OutboxRecord,
  scope: StreamScope,
): StreamEvent | null {
  const topic = topicOf(event.type);
  if (!topic || !scope.topics.has(topic)) return null;
  if (
    scope.locationIds &&
    event.locationId &&
    !scope.locationIds.includes(event.locationId)
  )
    return null;
  if (scope.variantIds && !scope.variantIds.has(String(event.payload.variantId)))
    return null;

  const base = {
    id: event.id,
    type: event.type,
    topic,
    occurredAt: toIso(event.createdAt),
  };
  if (scope.audience === "internal") {
    return { ...base, locationId: event.locationId, payload: event.payload };
  }
  const payload = PUBLIC_SHAPES[event.type]?.(event.payload) ?? null;
  return payload ? { ...base, locationId: null, payload } : null;
}

function toIso(date: Date): string {
  return date instanceof Date ? date.toISOString() : new Date(date).toISOString();
}

/**
 * The same scope as a database filter, so a resuming stream reads only its
 * own events. shapeForStream still decides each one.
 */
export function scopeWhere(scope: StreamScope): Prisma.OutboxEventWhereInput {
  const and: Prisma.OutboxEventWhereInput[] = [];
  if (scope.audience === "public") {
    const types = Object.keys(PUBLIC_SHAPES).filter((type) => {
      const topic = topicOf(type);
      return topic !== null && scope.topics.has(topic);
    });
    and.push({ type: { in: types } });
  } else {
    and.push({
      OR: [...scope.topics].map((topic) => ({ type: { startsWith: `${topic}.` } })),
    });
  }
  if (scope.locationIds) {
    and.push({
      OR: [{ locationId: null }, { locationId: { in: [...scope.locationIds] } }],
    });
  }
  if (scope.variantIds) {
    and.push({
      OR: [...scope.variantIds].map((id) => ({
        payload: { path: ["variantId"], equals: id },
      })),
    });
  }
  return { AND: and };
}
