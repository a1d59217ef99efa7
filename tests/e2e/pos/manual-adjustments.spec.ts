import { expect, test } from "@playwright/test";
import { ensureLondonRegister, gbp, openTill, withDb } from "../support/till";

// The demo data gives London's manager this PIN (lib/db/seed/people.ts).
const MANAGER_PIN = "4812";

/** An item on London's shelf dearer than the price the test sets. */
function shelfItem() {
  return withDb((prisma) =>
    prisma.variant.findFirstOrThrow({
      where: {
        isActive: true,
        barcode: { not: null },
        priceMinor: { gt: 2000 },
        product: { status: "ACTIVE" },
        inventoryLevels: { some: { location: { code: "STR-LDN" }, onHand: { gt: 5 } } },
      },
      select: { barcode: true, sku: true, priceMinor: true },
      orderBy: { sku: "desc" },
    }),
  );
}

/** This file's own London register. */
const REGISTER = "Till 3";

test.beforeAll(() => ensureLondonRegister(REGISTER));

test("a manager-approved price override is charged, printed and in the audit log", async ({
  page,
  browser,
}) => {
  const item = await shelfItem();
  await openTill(page, REGISTER);
  await page.getByLabel("Barcode or SKU").fill(item.barcode ?? "");
  await page.getByLabel("Barcode or SKU").press("Enter");
  const line = page.getByTestId("ticket-line");
  await expect(line).toHaveCount(1);

  await line.getByRole("button", { name: /^Change price of/ }).click();
  await page.getByLabel("New price each").fill("12.50");
  await page.getByLabel("Reason").fill("Shop-soiled");

  await test.step("a PIN that is not a manager's changes nothing", async () => {
    await page.getByLabel("Manager PIN").fill("000000");
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByText("Ask a manager to enter their PIN.")).toBeVisible();
  });

  await page.getByLabel("Manager PIN").fill(MANAGER_PIN);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(line.getByTestId("line-adjustment")).toContainText(
    `Price changed from ${gbp(item.priceMinor)}`,
  );
  await expect(page.getByTestId("ticket-total")).toHaveText("£12.50");

  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByLabel("Cash handed over").fill("20.00");
  await page.getByRole("button", { name: /^Take cash/ }).click();
  const receipt = page.getByRole("article", { name: "Receipt" });
  await expect(receipt).toContainText("TOTAL£12.50");
  await expect(receipt).toContainText(
    `Price changed from ${gbp(item.priceMinor)}: Shop-soiled`,
  );

  const owner = await browser.newContext({ storageState: "tests/e2e/.auth/owner.json" });
  const admin = await owner.newPage();
  await admin.goto("/admin/audit?action=pos.price_overridden");
  const row = admin.locator("tbody tr").first();
  await expect(row).toContainText("pos.price_overridden");
  await expect(row).toContainText("associate.london@omnitill.test");
  await row.getByText("Before / after").click();
  await expect(row.locator("pre")).toContainText('"unitPriceMinor": 1250');
  await expect(row.locator("pre")).toContainText(
    `"listUnitPriceMinor": ${item.priceMinor}`,
  );
  await expect(row.locator("pre")).toContainText('"approvedBy"');
  await expect(row.locator("pre")).toContainText("Shop-soiled");
  await owner.close();
});
