import type { PrismaClient } from "@/lib/db/client";
import { type Logger, logger } from "@/lib/log";
import { nextRetryAt } from "./retry-schedule";
import { type MailTransport, toDeliveryError } from "./smtp-transport";

const DEFAULT_BATCH = 20;
/**
 * Emails of a batch handed over at once. SMTP is mostly waiting (a server
 * answers each command in turn, and many pause on purpose before their
 * greeting), so a few at a time multiply what one sender gets through.
 */
const SEND_CONCURRENCY = 4;
/**
 * How long a taken email belongs to its sender. Longer than the transport's
 * timeouts allow one send to take, so it never passes while the sender
 * still works; a sender that dies leaves the email to others after it.
 */
export const SEND_LEASE_MS = 5 * 60_000;
const DETAIL_LENGTH = 1_000;

export interface SendDueEmailsOptions {
  transport: MailTransport;
  from: string;
  /** The sender's clock; tests move it on to reach a retry. */
  now?: Date;
  batchSize?: number;
  log?: Logger;
}

export interface SendResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

interface ClaimedEmail {
  id: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
}

/**
 * Takes the emails that are due (PENDING whose time has come, and HELD
 * ones now that SMTP is configured), hands each to the transport and
 * records the attempt: SENT, RETRY with the next try's time, or FAILED
 * when the server refused it for good or the attempts ran out.
 *
 * Taking is one statement with FOR UPDATE SKIP LOCKED that moves each
 * email's nextAttemptAt a lease ahead, so any number of senders share the
 * queue without sending an email twice, and no transaction stays open
 * while an SMTP server answers.
 */
export async function sendDueEmails(
  db: PrismaClient,
  options: SendDueEmailsOptions,
): Promise<SendResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? logger.child({ component: "mail-sender" });
  const claimed = await claimDueEmails(db, now, options.batchSize ?? DEFAULT_BATCH);
  const result: SendResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };

  const sendOne = async (email: ClaimedEmail) => {
    const startedAt = new Date();
    try {
      const { response } = await options.transport.send({
        from: options.from,
        to: email.toAddress,
        subject: email.subject,
        html: email.html,
        text: email.text,
      });
      await recordAttempt(db, email, { outcome: "SENT", startedAt, detail: response });
      result.sent += 1;
      log.info({ emailId: email.id, attempt: email.attempts }, "email sent");
    } catch (error) {
      const failure = toDeliveryError(error);
      const retryAt = failure.isPermanent ? null : nextRetryAt(email.attempts, now);
      await recordAttempt(db, email, {
        outcome: retryAt ? "RETRY" : "FAILED",
        startedAt,
        detail: failure.message,
        retryAt,
      });
      if (retryAt) result.retrying += 1;
      else result.failed += 1;
      log[retryAt ? "warn" : "error"](
        { emailId: email.id, attempt: email.attempts, err: failure.message },
        retryAt ? "email not sent; will retry" : "email given up",
      );
    }
  };

  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, async () => {
      for (let email = queue.shift(); email; email = queue.shift()) await sendOne(email);
    }),
  );
  return result;
}

async function claimDueEmails(
  db: PrismaClient,
  now: Date,
  limit: number,
): Promise<ClaimedEmail[]> {
  const leaseUntil = new Date(now.getTime() + SEND_LEASE_MS);
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE "EmailMessage" AS m
    SET "nextAttemptAt" = ${leaseUntil}, "attempts" = m."attempts" + 1
    FROM (
      SELECT id FROM "EmailMessage"
      WHERE status IN ('PENDING', 'HELD') AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE m.id = due.id
    RETURNING m.id::text AS id, m."toAddress", m.subject, m.html, m.text, m.attempts`;
}

async function recordAttempt(
  db: PrismaClient,
  email: ClaimedEmail,
  attempt: {
    outcome: "SENT" | "RETRY" | "FAILED";
    startedAt: Date;
    detail: string;
    retryAt?: Date | null;
  },
): Promise<void> {
  const detail = attempt.detail.slice(0, DETAIL_LENGTH);
  const finishedAt = new Date();
  await db.$transaction([
    db.emailAttempt.create({
      data: {
        emailId: email.id,
        number: email.attempts,
        startedAt: attempt.startedAt,
        finishedAt,
        outcome: attempt.outcome,
        detail,
        retryAt: attempt.retryAt ?? null,
      },
    }),
    // Only while the email is still this sender's: taken again after a
    // lapsed lease, the newer attempt's result stands.
    db.emailMessage.updateMany({
      where: { id: email.id, attempts: email.attempts },
      data:
        attempt.outcome === "SENT"
          ? { status: "SENT", sentAt: finishedAt, lastError: null }
          : attempt.outcome === "RETRY"
            ? {
                status: "PENDING",
                nextAttemptAt: attempt.retryAt ?? finishedAt,
                lastError: detail,
              }
            : { status: "FAILED", lastError: detail },
    }),
  ]);
}
