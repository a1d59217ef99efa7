import { expect, test } from "@playwright/test";

// Each run makes its own products, so reruns against one database do not clash.
const RUN = Date.now().toString(36).toUpperCase();

test("creates a product with options and variants, reprices one, the shop shows it", async ({
  page,
}) => {
  const title = `Field Parka ${RUN}`;
  await page.goto("/admin/products/new");

  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Handle")).toHaveValue(`field-parka-${RUN.toLowerCase()}`);
  await page.getByLabel("Status", { exact: true }).selectOption("ACTIVE");
  await page
    .getByLabel("Category", { exact: true })
    .selectOption({ label: "\u2003Coats & Jackets" });
  await page.getByLabel("Option 1 values").fill("S, M");
  await page.getByRole("button", { name: "Add option" }).click();
  await page.getByLabel("Option 2 name").fill("Colour");
  await page.getByLabel("Option 2 values").fill("Olive");
  await page.getByLabel("SKU prefix").fill(`PK${RUN}`);
  await page.getByLabel("Price of new variants (GBP)").fill("120.00");
  await page.getByRole("button", { name: "Generate variants" }).click();

  await expect(page.getByLabel("SKU of S / Olive")).toHaveValue(`PK${RUN}-S-OLI`);
  await expect(page.getByLabel("SKU of M / Olive")).toHaveValue(`PK${RUN}-M-OLI`);

  // A wrong check digit is refused next to the field, and nothing is created.
  await page.getByLabel("Barcode of S / Olive").fill("4006381333932");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("The check digit should be 1, not 2")).toBeVisible();
  await page.getByLabel("Barcode of S / Olive").fill("");

  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/[0-9a-f-]{36}\?created=1/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  await page.getByLabel("Price of M / Olive", { exact: true }).fill("99,50");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.goto(`/products/field-parka-${RUN.toLowerCase()}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("£120.00").first()).toBeVisible();
  await page.getByRole("button", { name: /^M\b/ }).click();
  await expect(page.getByText("£99.50").first()).toBeVisible();
});

test("imports a CSV, shows the problem at its row and column, and applies the rest", async ({
  page,
}) => {
  const csv = [
    "handle,title,option1_name,option1_value,sku,price",
    `import-good-${RUN.toLowerCase()},Imported Good ${RUN},Size,S,IMP${RUN}-S,15.00`,
    `import-bad-${RUN.toLowerCase()},Imported Bad ${RUN},Size,S,IMP${RUN}-B,-3.00`,
  ].join("\n");

  await page.goto("/admin/products/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: "catalogue.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Check file" }).click();

  const problems = page.getByRole("table", { name: "Problems" });
  const row = problems.getByRole("row").filter({ hasText: "Price cannot be negative." });
  await expect(row).toContainText("3");
  await expect(row).toContainText("price (F)");

  await page.getByRole("button", { name: "Apply 1 valid product" }).click();
  await expect(page.getByText(/Applied: 1 products created/)).toBeVisible();

  await page.goto(`/admin/products?q=${encodeURIComponent(`Imported Good ${RUN}`)}`);
  await expect(page.getByRole("link", { name: `Imported Good ${RUN}` })).toBeVisible();
});
