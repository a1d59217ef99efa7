import { expect, type Page, test } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { scanWithHardwareScanner } from "../support/hardware-scanner";

/** Items on the shelf at London Covent Garden that the tests sell. */
async function shelfItems(count: number): Promise<{ barcode: string; sku: string }[]> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: run the browser tests with npm run test:e2e",
    );
  const prisma = createPrismaClient({ kind: "postgres", url });
  try {
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
  } finally {
    await prisma.$disconnect();
  }
}

/** Chooses a London register and makes sure its shift is open. */
async function openTill(page: Page, register: string, float = "100.00") {
  await page.goto("/pos");
  await page.getByRole("button", { name: register, exact: true }).click();
  const shiftButton = page.getByRole("button", { name: /^(Open shift|Shift)$/ }).first();
  await expect(shiftButton).toBeVisible();
  if ((await shiftButton.textContent()) === "Open shift") {
    await shiftButton.click();
    await page.getByLabel("Float counted").fill(float);
    await page.getByRole("button", { name: "Open shift" }).click();
    await expect(page.getByRole("button", { name: "Shift", exact: true })).toBeVisible();
  }
}

async function scan(page: Page, code: string) {
  await page.getByLabel("Barcode or SKU").fill(code);
  await page.getByLabel("Barcode or SKU").press("Enter");
}

const pounds = (text: string | null) =>
  Math.round(Number((text ?? "").replace(/[^\d.]/g, "")) * 100);
const gbp = (minor: number) => `£${(minor / 100).toFixed(2)}`;

test.describe.configure({ mode: "serial" });

/**
 * The Z report test's own London register: other spec files sell for cash on
 * Till 1 and Till 2 at the same time, and their sales would land in its shift.
 */
const Z_REPORT_REGISTER = "Till 8";

test.beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: run the browser tests with npm run test:e2e",
    );
  const prisma = createPrismaClient({ kind: "postgres", url });
  try {
    const london = await prisma.location.findFirstOrThrow({ where: { code: "STR-LDN" } });
    await prisma.register.upsert({
      where: { locationId_name: { locationId: london.id, name: Z_REPORT_REGISTER } },
      create: { locationId: london.id, name: Z_REPORT_REGISTER },
      update: {},
    });
  } finally {
    await prisma.$disconnect();
  }
});

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
