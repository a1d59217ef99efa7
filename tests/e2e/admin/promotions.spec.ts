import { expect, test } from "@playwright/test";

test("the owner creates a promotion, sees the preview apply it, and finds it active", async ({
  page,
}) => {
  const name = `Weekend 15 % off ${Date.now()}`;
  await page.goto("/admin/promotions/new");
  await expect(page.getByRole("heading", { name: "New promotion" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Percentage (%)").fill("15");

  // The preview prices its sample basket in the browser as the form changes.
  const applied = page.getByTestId("preview-applied");
  await expect(applied).toContainText(`${name}:`);
  await expect(page.getByTestId("preview-discount")).toContainText("−£");

  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page).toHaveURL(/\/admin\/promotions\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.goto("/admin/promotions");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("active");
  await expect(row).toContainText("0");
});

test("the preview explains why a promotion for another channel does not apply", async ({
  page,
}) => {
  await page.goto("/admin/promotions/new");
  await page.getByLabel("Name", { exact: true }).fill("Online only");
  await page.getByRole("checkbox", { name: "Online shop" }).check();

  // The sample basket is sold at the counter by default.
  await expect(page.getByTestId("preview-result")).toContainText(
    "Online only: is not offered in store.",
  );
  // Other tests may add products whose names start with "Sold".
  await page.getByRole("combobox", { name: /^Sold/ }).selectOption("SHIP");
  await expect(page.getByTestId("preview-applied")).toContainText("Online only:");
});

test("the owner is told what to fix when a promotion is incomplete", async ({ page }) => {
  await page.goto("/admin/promotions/new");
  await page.getByLabel("Percentage (%)").fill("150");
  await page.getByRole("button", { name: "Create promotion" }).click();

  await expect(page.getByText("Some fields need attention.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(page.getByLabel("Percentage (%)")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/promotions\/new$/);
});

test("the owner adds single-use codes to a promotion, then pauses it", async ({
  page,
}) => {
  const name = `Thank-you codes ${Date.now()}`;
  await page.goto("/admin/promotions/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("checkbox", { name: /Needs a code/ }).check();
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.getByLabel("Single-use codes", { exact: true }).fill("5");
  await page.getByLabel("Prefix (optional)").fill("thanks-");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByText("5 codes generated.")).toBeVisible();
  await expect(page.getByText("5 single-use codes, 0 used")).toBeVisible();

  const csv = await page.request.get(
    (await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")) ?? "",
  );
  const rows = (await csv.text()).trim().split("\r\n");
  expect(rows[0]).toBe("code,usage_limit,times_used,batch_id,is_active");
  expect(rows.slice(1)).toHaveLength(5);
  for (const row of rows.slice(1)) expect(row).toMatch(/^THANKS-[2-9A-Z]{10},1,0,/);

  await page.getByRole("checkbox", { name: /^On \(/ }).uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto("/admin/promotions");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("paused");
});
