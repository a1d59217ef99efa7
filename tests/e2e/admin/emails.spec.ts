import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";

test("the owner sees held and failed emails with their attempts, and why none went", async ({
  page,
}) => {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: run the browser tests with npm run test:e2e",
    );
  const prisma = createPrismaClient({ kind: "postgres", url });
  const mark = Date.now().toString(36);
  try {
    await prisma.emailMessage.create({
      data: {
        dedupeKey: `e2e:${mark}:held`,
        kind: "back_in_stock",
        eventId: 1n,
        toAddress: `held-${mark}@example.com`,
        subject: `Back in stock: Test ${mark}`,
        html: "<p>back</p>",
        text: `Good news: Test ${mark} is back in stock.`,
        status: "HELD",
      },
    });
    const failed = await prisma.emailMessage.create({
      data: {
        dedupeKey: `e2e:${mark}:failed`,
        kind: "pos_receipt",
        eventId: 2n,
        toAddress: `gone-${mark}@example.com`,
        subject: `Your receipt ${mark}`,
        html: "<p>receipt</p>",
        text: "receipt",
        status: "FAILED",
        attempts: 1,
        lastError: "550 Mailbox unavailable",
      },
    });
    await prisma.emailAttempt.create({
      data: {
        emailId: failed.id,
        number: 1,
        startedAt: new Date(),
        outcome: "FAILED",
        detail: "550 Mailbox unavailable",
      },
    });
  } finally {
    await prisma.$disconnect();
  }

  await page.goto("/admin/emails");
  await expect(page.getByRole("heading", { name: "Emails" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Email sending is not configured");

  const held = page.getByRole("row", { name: new RegExp(`held-${mark}`) });
  await expect(held).toContainText("Held");
  await expect(held).toContainText("Waiting for SMTP");
  await held.getByText(`Back in stock: Test ${mark}`).click();
  await expect(held.getByText(`Good news: Test ${mark} is back in stock.`)).toBeVisible();

  await page.getByRole("link", { name: /^Failed/ }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  const failedRow = page.getByRole("row", { name: new RegExp(`gone-${mark}`) });
  await expect(failedRow).toContainText("#1 failed");
  await expect(failedRow).toContainText("550 Mailbox unavailable");
  await expect(page.getByRole("row", { name: new RegExp(`held-${mark}`) })).toHaveCount(
    0,
  );

  // Sent again: back in the queue, so no longer among the failed.
  await failedRow.getByRole("button", { name: "Send again" }).click();
  await expect(failedRow).toHaveCount(0);
  await page.getByRole("link", { name: /^Queued/ }).click();
  await expect(page.getByRole("row", { name: new RegExp(`gone-${mark}`) })).toContainText(
    "Queued",
  );
});
