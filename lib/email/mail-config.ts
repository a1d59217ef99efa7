import { z } from "zod";

/** How this process sends email, read from the environment. */
export interface MailConfig {
  /** The SMTP server's URL; null when sending is not configured. */
  smtpUrl: string | null;
  /** The From header: an address, or "Name <address>". */
  from: string;
  /** The app's public address, for links in emails. */
  publicUrl: string;
  /** Why SMTP_URL was refused, when it was set but malformed. */
  problem: string | null;
}

const SmtpUrlSchema = z
  .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL." })
  .max(2000);

const FromSchema = z
  .string()
  .trim()
  .max(320)
  .regex(/^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
    error: 'EMAIL_FROM must be an address, or a name and an address ("Shop <a@b.c>").',
  });

const DEFAULT_FROM = "no-reply@localhost";

/**
 * SMTP_URL (smtp://user:password@host:587, smtps://…:465), EMAIL_FROM and
 * NEXTAUTH_URL. A malformed setting leaves sending off, with the reason in
 * `problem`, rather than stopping the app: emails wait in the back-office.
 */
export function mailConfigFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): MailConfig {
  const publicUrl = (
    env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`
  ).replace(/\/+$/, "");
  const rawUrl = env.SMTP_URL?.trim() || null;
  const rawFrom = env.EMAIL_FROM?.trim() || null;
  const url = rawUrl ? SmtpUrlSchema.safeParse(rawUrl) : null;
  const from = rawFrom ? FromSchema.safeParse(rawFrom) : null;
  const problem =
    (url && !url.success && url.error.issues[0]?.message) ||
    (from && !from.success && from.error.issues[0]?.message) ||
    null;
  return {
    smtpUrl: url?.success && !problem ? url.data : null,
    from: from?.success ? from.data : DEFAULT_FROM,
    publicUrl,
    problem,
  };
}

/** The SMTP server as staff may see it: host and port, never the password. */
export function describeSmtpServer(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const port = url.port || (url.protocol === "smtps:" ? "465" : "587");
  return `${url.protocol}//${url.hostname}:${port}`;
}
