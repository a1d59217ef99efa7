import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";

export const EMAIL_STATUSES = ["PENDING", "HELD", "SENT", "FAILED"] as const;
export type EmailStatusName = (typeof EMAIL_STATUSES)[number];

export const PAGE_SIZE = 50;

/** The back-office list's query string; anything unreadable falls back to the default. */
export const ListEmailsSchema = z.object({
  status: z.enum(EMAIL_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/**
 * The emails to shoppers, newest first, with each attempt to send them and
 * the count per status: what went, what waits and why, what failed. For
 * owners (it holds every shopper's receipts).
 */
export async function listEmails(db: Db, actor: Actor, query: unknown) {
  authorize(actor, "settings:manage");
  const { status, page } = ListEmailsSchema.parse(query ?? {});
  const where = status ? { status } : {};

  const [emails, total, counts] = await Promise.all([
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        toAddress: true,
        subject: true,
        text: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        sentAt: true,
        createdAt: true,
        attemptLog: {
          orderBy: { number: "asc" },
          select: {
            number: true,
            outcome: true,
            finishedAt: true,
            detail: true,
            retryAt: true,
          },
        },
      },
    }),
    db.emailMessage.count({ where }),
    db.emailMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, 0])) as Record<
    EmailStatusName,
    number
  >;
  for (const row of counts) byStatus[row.status] = row._count._all;
  return { emails, status: status ?? null, page, total, byStatus };
}

export type EmailList = Awaited<ReturnType<typeof listEmails>>;
