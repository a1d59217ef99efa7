import { expect, test } from "@playwright/test";
import { sellAtStore } from "../support/stock";

test("a product page's pickup figure drops while the shopper looks at it when the item sells in store", async ({
  page,
}) => {
  await page.goto("/");
  const href = await page.locator('a[href^="/products/"]').first().getAttribute("href");
  const handle = href?.split("/").pop() ?? "";
  await page.goto(`/products/${handle}`);

  // The cached page's figures are replaced by live ones once the stream opens.
  await expect(page.getByTestId("availability")).toHaveAttribute("data-stock", "live");
  const stores = page.getByTestId("availability").locator("li[data-store]");
  await expect(stores.first()).toBeVisible();
  const figures = await stores.evaluateAll((rows) =>
    rows.map((row) => ({
      code: row.getAttribute("data-store") ?? "",
      left: Number(/(\d+) left/.exec(row.textContent ?? "")?.[1] ?? 0),
    })),
  );
  const store = figures.find((figure) => figure.left >= 2);
  expect(store, "a store on the page has at least two units to collect").toBeDefined();
  if (!store) return;
  const row = page.getByTestId("availability").locator(`li[data-store="${store.code}"]`);

  await sellAtStore({ storeCode: store.code, productHandle: handle });

  await expect(row).toContainText(`${store.left - 1} left`);
  await sellAtStore({ storeCode: store.code, productHandle: handle });
  await expect(row).toContainText(
    store.left > 2 ? `${store.left - 2} left` : "Not in stock here",
  );
});
