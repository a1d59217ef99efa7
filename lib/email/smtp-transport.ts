import nodemailer from "nodemailer";

/** One message as the sender hands it to the transport. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Where emails leave Omnitill: an SMTP server (or a stand-in in tests). */
export interface MailTransport {
  /** Resolves with the server's answer; rejects with a MailDeliveryError. */
  send(email: OutgoingEmail): Promise<{ response: string }>;
  close(): void;
}

/** A failed hand-over, said to be worth retrying or not. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** The server refused it for good (a 5xx answer): retrying cannot help. */
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

// A dead or silent server must not hold a sender for long: the message
// is simply tried again later.
const TIMEOUTS = {
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 60_000,
};

/**
 * An SMTP transport through nodemailer. Images given as data: URLs in the
 * HTML (the receipt's barcode) go as inline attachments, which mail
 * clients show where they would block a data: URL.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Pooled: a batch of emails reuses a few open connections instead of a
  // handshake (and TLS) per message.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
    ...TIMEOUTS,
  });
  return {
    async send(email) {
      try {
        const info = await transport.sendMail({ ...email, attachDataUrls: true });
        return { response: String(info.response ?? "accepted") };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** Reads nodemailer's error: a 5xx reply is final, anything else may pass later. */
export function toDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const detail = error as { message?: string; responseCode?: number; code?: string };
  const message = detail.message ?? String(error);
  // Wrong credentials are ours to fix, not the recipient's: keep retrying.
  const isPermanent =
    typeof detail.responseCode === "number" &&
    detail.responseCode >= 500 &&
    detail.code !== "EAUTH";
  return new MailDeliveryError(message, isPermanent);
}
