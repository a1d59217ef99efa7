import type { PrismaClient } from "@/lib/db/client";
import type { OutboxSubscriber } from "@/lib/events/subscribers";
import { authSecret } from "@/lib/next/auth-secret";
import { createEmailSubscriber } from "./email-subscriber";
import { mailConfigFromEnv } from "./mail-config";
import { createMailSender, type MailSender } from "./mail-sender";

/** The email subscriber as the app and the worker run it, configured from the environment. */
export function emailSubscriberFromEnv(): OutboxSubscriber {
  return createEmailSubscriber(() => {
    const config = mailConfigFromEnv();
    return {
      secret: authSecret(),
      publicUrl: config.publicUrl,
      isSmtpConfigured: config.smtpUrl !== null,
    };
  });
}

/** This process's mail sender from SMTP_URL and EMAIL_FROM; null when SMTP is not set. */
export function mailSenderFromEnv(
  db: PrismaClient,
  options: { pollIntervalMs?: number | null } = {},
): MailSender | null {
  return createMailSender({ db, config: mailConfigFromEnv(), ...options });
}
