import { expect, test } from "@playwright/test";
import { ensureLondonRegister, openTill, withDb } from "../support/till";

/** This file's own London register, so no other spec's sale lands on its ticket. */
const REGISTER = "Till 5";
const CUSTOMER = "amelia.hughes@example.com";

test.beforeAll(() => ensureLondonRegister(REGISTER));

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
  await openTill(page, REGISTER);
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
