import type { PrismaClient } from "@/lib/db/client";
import { coalesce } from "@/lib/events/coalesce";
import { type Logger, logger } from "@/lib/log";
import { onEmailsQueued } from "./emails-queued";
import { describeSmtpServer, type MailConfig } from "./mail-config";
import { sendDueEmails } from "./send-due-emails";
import { createSmtpTransport, type MailTransport } from "./smtp-transport";

const DEFAULT_POLL_MS = 15_000;
const DEFAULT_BATCH = 20;

export interface MailSender {
  /** Sends what is due, then on every wake and poll. */
  start(): void;
  /** Something was queued: send soon. */
  wake(): void;
  /** Finishes the email in hand and stops. */
  stop(): Promise<void>;
}

export interface MailSenderOptions {
  db: PrismaClient;
  config: MailConfig;
  /** Tests pass one; otherwise SMTP through nodemailer from config.smtpUrl. */
  transport?: MailTransport;
  /** Send this often even without a wake (retries fall due); null never. */
  pollIntervalMs?: number | null;
  log?: Logger;
}

/**
 * The mail sender of a process: drains the email queue when this process
 * queued something, and on a slow poll for retries and for what other
 * processes queued. Null when SMTP is not configured: emails then wait,
 * HELD, for staff to read in the back-office.
 */
export function createMailSender(options: MailSenderOptions): MailSender | null {
  const log = options.log ?? logger.child({ component: "mail-sender" });
  const { config } = options;
  if (config.problem) log.error({ problem: config.problem }, "email: sending is off");
  if (!config.smtpUrl && !options.transport) {
    log.info("email: SMTP_URL is not set; emails are held in the back-office");
    return null;
  }
  const transport =
    options.transport ?? createSmtpTransport(config.smtpUrl ?? "smtp://localhost");
  if (config.smtpUrl) {
    log.info(
      { server: describeSmtpServer(config.smtpUrl) },
      "email: sending through SMTP",
    );
  }

  let isStarted = false;
  let isStopped = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  const drain = coalesce(async () => {
    try {
      while (!isStopped) {
        const result = await sendDueEmails(options.db, {
          transport,
          from: config.from,
          batchSize: DEFAULT_BATCH,
          log,
        });
        // A short batch means the queue is drained; failures wait for their retry time.
        if (result.claimed < DEFAULT_BATCH) break;
      }
    } catch (error) {
      log.error({ err: error }, "sending emails failed");
    }
  });

  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      const pollMs =
        options.pollIntervalMs === undefined ? DEFAULT_POLL_MS : options.pollIntervalMs;
      if (pollMs !== null) {
        pollTimer = setInterval(drain.run, pollMs);
        pollTimer.unref();
      }
      unsubscribe = onEmailsQueued(drain.run);
      drain.run();
    },
    wake() {
      if (isStarted && !isStopped) drain.run();
    },
    async stop() {
      isStopped = true;
      if (pollTimer) clearInterval(pollTimer);
      unsubscribe?.();
      await drain.settled();
      transport.close();
    },
  };
}
