/**
 * A real SMTP server in the test process (smtp-server): the outermost edge
 * of the email tests. It parses what it receives (mailparser) and can
 * refuse a recipient for good (5xx) or drop off the network.
 */
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface SmtpStandIn {
  url: string;
  received: ReceivedEmail[];
  /** Recipients answered "550 mailbox unavailable". */
  refuse: Set<string>;
  /** Resolves once `count` emails in all have arrived. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const received: ReceivedEmail[] = [];
  const refuse = new Set<string>();
  const waiters: { count: number; resolve: () => void }[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // The stand-in has no DNS to ask: a reverse look-up of each client only waits.
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error("Mailbox unavailable"), {
          responseCode: 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream, { keepCidLinks: true })
        .then((parsed) => {
          received.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            parsed,
          });
          for (const waiter of waiters.filter((w) => received.length >= w.count)) {
            waiter.resolve();
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    waitFor(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An SMTP URL where nothing listens: a port taken and given back. */
export async function deadSmtpUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `smtp://127.0.0.1:${port}`;
}
