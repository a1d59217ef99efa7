import { expect, test } from "@playwright/test";
import { scanWithHardwareScanner } from "../support/hardware-scanner";
import {
  ensureLondonRegister,
  gbp,
  openTill,
  pounds,
  scan,
  withDb,
} from "../support/till";

/** Items on the shelf at London Covent Garden that the tests sell. */
function shelfItems(count: number): Promise<{ barcode: string; sku: string }[]> {
  return withDb(async (prisma) => {
    const variants = await prisma.variant.findMany({
      where: {
        isActive: true,
        barcode: { not: null },
        priceMinor: { gt: 1000 },
        product: { status: "ACTIVE" },
        inventoryLevels: { some: { location: { code: "STR-LDN" }, onHand: { gt: 5 } } },
      },
      select: { barcode: true, sku: true },
      orderBy: { sku: "asc" },
      take: count,
    });
    return variants.map((v) => ({ barcode: v.barcode ?? "", sku: v.sku }));
  });
}

test.describe.configure({ mode: "serial" });

/** The Z report test's own register, so no other test's cash lands in its shift. */
const Z_REPORT_REGISTER = "Till 8";

test.beforeAll(() => ensureLondonRegister(Z_REPORT_REGISTER));

test("an associate sells two items for cash and sees the change due and the receipt", async ({
  page,
}) => {
  const [first, second] = await shelfItems(2);
  await openTill(page, "Till 2");
  await scan(page, first?.barcode ?? "");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);
  await scan(page, second?.barcode ?? "");
  await expect(page.getByTestId("ticket-line")).toHaveCount(2);
  await expect(page.getByTestId("ticket-line").nth(1)).toContainText(second?.sku ?? "");

  const total = pounds(await page.getByTestId("ticket-total").textContent());
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByLabel("Cash handed over").fill("500.00");
  await page.getByRole("button", { name: /^Take cash/ }).click();

  await expect(page.getByTestId("change-due")).toHaveText(gbp(50_000 - total));
  const receipt = page.getByRole("article", { name: "Receipt" });
  await expect(receipt).toContainText(first?.sku ? /Order OT-/ : /Order/);
  await expect(receipt).toContainText(`TOTAL${gbp(total)}`);
  await expect(page.getByRole("button", { name: "Print", exact: true })).toBeVisible();
});

test("a sale is split between a test card and cash", async ({ page }) => {
  const [item] = await shelfItems(1);
  await openTill(page, "Till 2");
  await scan(page, item?.barcode ?? "");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);
  const total = pounds(await page.getByTestId("ticket-total").textContent());

  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByRole("button", { name: "Card", exact: true }).click();
  await expect(page.getByText("TEST MODE — no real money moves")).toBeVisible();
  await page.getByLabel("Amount to pay this way").fill("5.00");
  await page.getByRole("button", { name: /^Charge card/ }).click();
  await expect(page.getByTestId("amount-due")).toContainText(gbp(total - 500));

  await page.getByRole("button", { name: "Cash", exact: true }).click();
  await page.getByRole("button", { name: /^Take cash/ }).click();

  const receipt = page.getByRole("article", { name: "Receipt" });
  await expect(receipt).toContainText("TEST MODE");
  await expect(receipt).toContainText(`TOTAL${gbp(total)}`);
  await expect(receipt).toContainText(/Cash/);
});

test("an unknown barcode says so and offers search", async ({ page }) => {
  await openTill(page, "Till 2");
  await scan(page, "0000000000017");
  const alert = page.getByRole("alert").filter({ hasText: "not in the catalogue" });
  await expect(alert).toContainText("“0000000000017” is not in the catalogue.");
  await alert.getByRole("button", { name: "Search instead" }).click();
  await expect(page.getByRole("region", { name: "Search results" })).toBeVisible();
});

test("a hardware scanner's burst of keystrokes adds the item wherever the focus is", async ({
  page,
}) => {
  const [item] = await shelfItems(1);
  await openTill(page, "Till 2");
  await page.getByRole("region", { name: "Ticket" }).click();
  await scanWithHardwareScanner(page, item?.barcode ?? "");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);
  await expect(page.getByTestId("ticket-line")).toContainText(item?.sku ?? "");
});

test("a shift opens with a float and closes with a Z report of the expected cash", async ({
  page,
}) => {
  const [item] = await shelfItems(1);
  await openTill(page, Z_REPORT_REGISTER, "50.00");
  await scan(page, item?.barcode ?? "");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);
  const total = pounds(await page.getByTestId("ticket-total").textContent());
  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByRole("button", { name: /^Take cash/ }).click();
  await expect(page.getByRole("article", { name: "Receipt" })).toBeVisible();
  await page.getByRole("button", { name: "New sale" }).click();

  await page.getByRole("button", { name: "Shift", exact: true }).click();
  const expected = 5000 + total;
  await expect(page.getByTestId("expected-cash")).toHaveText(gbp(expected));
  await page
    .getByLabel("Cash counted in the drawer")
    .fill((expected / 100 - 1).toFixed(2));
  await page.getByRole("button", { name: "Close shift" }).click();

  const z = page.getByRole("region", { name: "Z report" });
  await expect(z.getByTestId("expected-cash")).toHaveText(gbp(expected));
  await expect(z.getByTestId("cash-variance")).toHaveText("£1.00");
  await expect(z).toContainText("Short");
});
