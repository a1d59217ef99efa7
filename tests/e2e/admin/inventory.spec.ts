import { expect, test } from "@playwright/test";

// Seeded demo stock: a canvas of matches kept in every shop and warehouse.
const SKU = "HFR033";

test("an adjustment shows in the variant's movement history", async ({ page }) => {
  const note = `Found in the stockroom ${Date.now()}`;
  await page.goto(`/admin/inventory?q=${SKU}`);
  await page.getByRole("link", { name: SKU, exact: true }).click();
  await expect(page.getByRole("heading", { name: /Long Matches/ })).toBeVisible();

  await page.getByLabel("Location").selectOption("STR-LDN");
  await page.getByLabel("Reason").selectOption("ADJUSTMENT");
  await page.getByLabel("Quantity").fill("3");
  await page.getByLabel("Note").fill(note);
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Adjusted" })).toHaveText(
    /Adjusted: \d+ → \d+ on hand/,
  );

  const row = page.getByRole("row", { name: new RegExp(note) });
  await expect(row).toContainText("Adjusted");
  await expect(row).toContainText("+3");
  await expect(row).toContainText("STR-LDN");
});

test("an adjustment that would take stock below zero is refused beside the field", async ({
  page,
}) => {
  await page.goto(`/admin/inventory?q=${SKU}`);
  await page.getByRole("link", { name: SKU, exact: true }).click();
  await page.getByLabel("Location").selectOption("STR-EDI");
  await page.getByLabel("Reason").selectOption("DAMAGE");
  await page.getByLabel("Quantity").fill("-100000");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(
    page.getByText(new RegExp(`Only \\d+ of ${SKU} can be taken at STR-EDI`)),
  ).toBeVisible();
  await expect(page.getByLabel("Quantity")).toHaveAttribute("aria-invalid", "true");
});

test("a transfer is requested, shipped and received with a discrepancy", async ({
  page,
}) => {
  await page.goto("/admin/inventory/transfers");
  await page.getByLabel("From", { exact: true }).selectOption("WH-MID");
  await page.getByLabel("To", { exact: true }).selectOption("STR-EDI");
  await page.getByLabel("SKU of line 1").fill(SKU.toLowerCase());
  await page.getByLabel("Quantity of line 1").fill("4");
  await page.getByRole("button", { name: "Request transfer" }).click();

  await expect(page).toHaveURL(/\/admin\/inventory\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /Transfer TR-/ })).toBeVisible();
  await expect(page.getByText("requested", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Ship transfer" }).click();
  await expect(page.getByText("shipped", { exact: true })).toBeVisible();

  await page.getByLabel(`Received units of ${SKU}`).fill("3");
  await page.getByLabel(`Discrepancy note for ${SKU}`).fill("One box crushed");
  await page.getByRole("button", { name: "Receive transfer" }).click();
  await expect(page.getByText("received", { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(SKU) })).toContainText(
    "1 missing",
  );
});

test("a zone is counted blind, reviewed and approved once", async ({ page }) => {
  await page.goto("/admin/inventory/counts");
  // A zone of its own, so the count covers only what this test scans.
  await page.getByLabel("Location").selectOption("STR-MAN");
  await page.getByLabel("Zone (bin prefix)").fill(`E2E-${Date.now()}`);
  await page.getByRole("button", { name: "Start count" }).click();
  await expect(page.getByRole("heading", { name: /Count CC-/ })).toBeVisible();

  await page.getByLabel("Barcode or SKU").fill(SKU);
  await page.getByLabel("Barcode or SKU").press("Enter");
  const scanned = page.getByRole("status").filter({ hasText: "counted" });
  await expect(scanned).toHaveText(`${SKU}: 1 counted`);
  await page.getByLabel("Barcode or SKU").fill(SKU);
  await page.getByLabel("Barcode or SKU").press("Enter");
  await expect(scanned).toHaveText(`${SKU}: 2 counted`);

  await page.reload();
  const review = page
    .locator("section", { hasText: "Variance review" })
    .getByRole("row", { name: new RegExp(SKU) });
  await expect(review).toContainText("2");
  await page.getByRole("button", { name: "Approve count" }).click();
  await expect(page.getByText("approved", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve count" })).toHaveCount(0);
});
