import { expect, type Page, test } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

/** This file's own London register, so no other spec's sale lands on its ticket. */
const REGISTER = "Till 9";
const CUSTOMER = "amelia.hughes@example.com";

async function withDb<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: run the browser tests with npm run test:e2e",
    );
  const prisma = createPrismaClient({ kind: "postgres", url });
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

test.beforeAll(async () => {
  await withDb(async (prisma) => {
    const london = await prisma.location.findFirstOrThrow({ where: { code: "STR-LDN" } });
    await prisma.register.upsert({
      where: { locationId_name: { locationId: london.id, name: REGISTER } },
      create: { locationId: london.id, name: REGISTER },
      update: {},
    });
  });
});

async function openTill(page: Page) {
  await page.goto("/pos");
  await page.getByRole("button", { name: REGISTER, exact: true }).click();
  const shiftButton = page.getByRole("button", { name: /^(Open shift|Shift)$/ }).first();
  await expect(shiftButton).toBeVisible();
  if ((await shiftButton.textContent()) === "Open shift") {
    await shiftButton.click();
    await page.getByLabel("Float counted").fill("100.00");
    await page.getByRole("button", { name: "Open shift" }).click();
    await expect(page.getByRole("button", { name: "Shift", exact: true })).toBeVisible();
  }
}

test("emails the receipt to the attached customer, checking the address first", async ({
  page,
}) => {
  const item = await withDb((prisma) =>
    prisma.variant.findFirstOrThrow({
      where: {
        isActive: true,
        barcode: { not: null },
        product: { status: "ACTIVE" },
        inventoryLevels: { some: { location: { code: "STR-LDN" }, onHand: { gt: 5 } } },
      },
      select: { barcode: true },
      orderBy: { sku: "desc" },
    }),
  );
  await openTill(page);
  await page.getByLabel("Barcode or SKU").fill(item.barcode ?? "");
  await page.getByLabel("Barcode or SKU").press("Enter");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);

  await page.getByRole("button", { name: "Add customer" }).click();
  await page.getByLabel("Name, email or phone").fill(CUSTOMER);
  await page.getByRole("button", { name: /Amelia Hughes/ }).click();
  await expect(page.getByTestId("ticket-customer")).toContainText("Amelia Hughes");

  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByLabel("Cash handed over").fill("500.00");
  await page.getByRole("button", { name: /^Take cash/ }).click();
  const receipt = page.getByRole("article", { name: "Receipt" });
  const orderNumber = ((await receipt.getByText(/^Order OT-/).textContent()) ?? "").slice(
    6,
  );

  // Prefilled from the customer; a typo is caught at the till, before any request.
  const address = page.getByRole("textbox", { name: "Email the receipt" });
  const status = page.getByTestId("email-receipt-status");
  await expect(address).toHaveValue(CUSTOMER);
  await address.fill("amelia.hughes@example");
  await page.getByRole("button", { name: "Email receipt" }).click();
  await expect(status).toHaveText("Enter an email address like name@example.com.");
  await expect(address).toHaveAttribute("aria-invalid", "true");

  await address.fill(` ${CUSTOMER.toUpperCase()} `);
  await page.getByRole("button", { name: "Email receipt" }).click();
  await expect(status).toContainText(CUSTOMER);

  // The request was recorded with the sale, for the mail sender and the audit log.
  const recorded = await withDb(async (prisma) => {
    const order = await prisma.order.findUniqueOrThrow({
      where: { number: orderNumber },
    });
    const events = await prisma.outboxEvent.findMany({
      where: { type: "order.receipt_email_requested", aggregateId: order.id },
    });
    const audits = await prisma.auditEntry.count({
      where: { action: "receipt.email_requested", entityId: order.id },
    });
    return { emails: events.map((e) => (e.payload as { email: string }).email), audits };
  });
  expect(recorded).toEqual({ emails: [CUSTOMER], audits: 1 });
});
