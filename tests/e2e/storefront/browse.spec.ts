import { expect, test } from "@playwright/test";

test("the home page shows real products that open to a product page", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Featured" })).toBeVisible();

  const firstProduct = page.locator('a[href^="/products/"]').first();
  const title = (await firstProduct.locator("h3").textContent())?.trim() ?? "";
  expect(title.length).toBeGreaterThan(0);

  await firstProduct.click();
  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/£\d+\.\d{2}/).first()).toBeVisible();
  await expect(page.getByText(/delivery/i).first()).toBeVisible();
});

test("an unknown product handle says it was not found", async ({ page }) => {
  const response = await page.goto("/products/no-such-product-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /couldn’t find/i })).toBeVisible();
});

test("the storefront fits a 360 px wide phone without sideways scrolling", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", await firstProductPath(page)]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

async function firstProductPath(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/");
  const href = await page.locator('a[href^="/products/"]').first().getAttribute("href");
  return href ?? "/";
}
