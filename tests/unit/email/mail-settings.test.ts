import { describe, expect, it } from "vitest";
import { describeSmtpServer, mailConfigFromEnv } from "@/lib/email/mail-config";
import { MAX_EMAIL_ATTEMPTS, nextRetryAt } from "@/lib/email/retry-schedule";
import { toDeliveryError } from "@/lib/email/smtp-transport";

const NOW = new Date("2026-12-04T12:00:00Z");
const MINUTE = 60_000;

describe("retry schedule", () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 15],
    [4, 60],
    [5, 180],
    [6, 360],
    [7, 720],
  ])("after %i failed attempts waits %i minutes", (attempts, minutes) => {
    expect(nextRetryAt(attempts, NOW)?.getTime()).toBe(NOW.getTime() + minutes * MINUTE);
  });

  it("gives up after the last attempt allowed", () => {
    expect(MAX_EMAIL_ATTEMPTS).toBe(8);
    expect(nextRetryAt(MAX_EMAIL_ATTEMPTS, NOW)).toBeNull();
    expect(nextRetryAt(0, NOW)).toBeNull();
  });
});

describe("mail settings from the environment", () => {
  it("is off, with nothing wrong, when SMTP_URL is not set", () => {
    expect(mailConfigFromEnv({ PORT: "4000" })).toEqual({
      smtpUrl: null,
      from: "no-reply@localhost",
      publicUrl: "http://localhost:4000",
      problem: null,
    });
  });

  it("reads SMTP_URL, EMAIL_FROM and the public address", () => {
    const config = mailConfigFromEnv({
      SMTP_URL: "smtps://shop:s3cret@mail.example.com:465",
      EMAIL_FROM: "Northwind <shop@northwind.example>",
      NEXTAUTH_URL: "https://shop.example/",
    });
    expect(config).toMatchObject({
      smtpUrl: "smtps://shop:s3cret@mail.example.com:465",
      from: "Northwind <shop@northwind.example>",
      publicUrl: "https://shop.example",
      problem: null,
    });
    expect(describeSmtpServer(config.smtpUrl ?? "")).toBe("smtps://mail.example.com:465");
  });

  it("stays off and says why when a setting is malformed", () => {
    expect(mailConfigFromEnv({ SMTP_URL: "http://mail.example.com" })).toMatchObject({
      smtpUrl: null,
      problem: "SMTP_URL must be an smtp:// or smtps:// URL.",
    });
    expect(
      mailConfigFromEnv({ SMTP_URL: "smtp://mail.example.com", EMAIL_FROM: "Shop" }),
    ).toMatchObject({ smtpUrl: null, problem: expect.stringContaining("EMAIL_FROM") });
  });
});

describe("delivery errors", () => {
  it.each([
    [{ responseCode: 550, message: "550 No such user" }, true],
    [{ responseCode: 554, message: "554 Rejected" }, true],
    [{ responseCode: 451, message: "451 Try later" }, false],
    [{ code: "ECONNECTION", message: "connect ECONNREFUSED" }, false],
    [{ code: "EAUTH", responseCode: 535, message: "535 Bad credentials" }, false],
  ])("%o is permanent: %s", (error, isPermanent) => {
    expect(toDeliveryError(error).isPermanent).toBe(isPermanent);
  });
});
