import { expect, test } from "@playwright/test";

test("a price changed in the back-office shows on the next request for the cached product and category pages", async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  // Each run makes its own product, so reruns against one database do not clash.
  const RUN =
    `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const title = `Cache Scarf ${RUN}`;
  const handle = `cache-scarf-${RUN.toLowerCase()}`;
  const listingPath = "/categories/women-outerwear?sort=newest";
  await page.goto("/admin/products/new");
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Handle")).toHaveValue(handle);
  await page.getByLabel("Status", { exact: true }).selectOption("ACTIVE");
  await page
    .getByLabel("Category", { exact: true })
    .selectOption({ label: "\u2003Coats & Jackets" });
  await page.getByLabel("Option 1 values").fill("One size");
  await page.getByLabel("SKU prefix").fill(`CS${RUN}`);
  await page.getByLabel("Price of new variants (GBP)").fill("40.00");
  await page.getByRole("button", { name: "Generate variants" }).click();
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/[0-9a-f-]{36}\?created=1/);
  const adminUrl = page.url();

  // Rendered once (here for a signed-in member of staff), then served from
  // the cache to everyone.
  const first = await request.get(`/products/${handle}`);
  expect(await first.text()).toContain("£40.00");
  const anonymous = await playwright.request.newContext({ baseURL });
  // Served from the cache. Another test's catalogue change may drop it
  // meanwhile, and then the next request renders it once more.
  const fromCache = async (path: string) => {
    let body = "";
    await expect
      .poll(async () => {
        const response = await anonymous.get(path);
        const state = response.headers()["x-nextjs-cache"];
        if (state === "HIT") {
          expect(response.headers()["content-security-policy"]).not.toContain("nonce-");
          body = await response.text();
        }
        return state;
      })
      .toBe("HIT");
    return body;
  };
  const cached = await fromCache(`/products/${handle}`);
  expect(cached).toContain("£40.00");
  // Nothing of whoever caused a render is in what everyone else gets.
  expect(cached).not.toContain("Eleanor");
  expect(cached).not.toContain("owner@omnitill.test");
  expect(await fromCache(listingPath)).toContain(title);

  await page.goto(adminUrl);
  await page.getByLabel("Price of One size", { exact: true }).fill("35.00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The change's event dropped the cached pages: the very next request shows
  // it (rendered afresh, or already by the back-office page's link prefetch).
  const after = await anonymous.get(`/products/${handle}`);
  const afterText = await after.text();
  expect(afterText).toContain("£35.00");
  expect(afterText).not.toContain("£40.00");
  await anonymous.dispose();

  const card = page.getByRole("link").filter({ hasText: title });
  await page.goto(listingPath);
  await expect(card).toContainText("£35.00");
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/products/${handle}$`));
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("£35.00").first()).toBeVisible();
});
