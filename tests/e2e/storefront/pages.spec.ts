import { expect, test } from "@playwright/test";
import {
  addToBag,
  expectAccessible,
  keepScreenshot,
  STOCKED_PRODUCT,
} from "../support/storefront";

const PAGES = [
  { name: "home", path: "/" },
  { name: "category", path: "/categories/women" },
  { name: "search", path: "/search?q=jumper" },
  { name: "product", path: `/products/${STOCKED_PRODUCT}` },
  { name: "stores", path: "/stores" },
  { name: "sign-in", path: "/account/sign-in" },
  { name: "sign-up", path: "/account/sign-up" },
];

for (const { name, path } of PAGES) {
  test(`the ${name} page passes axe and fits a phone and a desktop`, async ({
    page,
  }, testInfo) => {
    for (const viewport of [
      { width: 360, height: 780 },
      { width: 1280, height: 900 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(
        overflow,
        `sideways scrolling on ${path} at ${viewport.width}px`,
      ).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await keepScreenshot(page, testInfo, name);
    }
  });
}

test("the bag page and drawer pass axe and fit a phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await addToBag(page);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "bag-drawer");
  await page.goto("/cart");
  await expect(page.getByRole("main").getByTestId("bag-line")).toHaveCount(1);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "bag");
});

test("every control on the phone-sized product page is at least 44 px tall", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/products/${STOCKED_PRODUCT}`);
  const small = await page
    .locator(
      "main button, main a, main input:not([type=checkbox]):not([type=radio]), main select",
    )
    .evaluateAll((elements) =>
      elements
        .filter((e) => {
          const box = e.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && box.height < 44;
        })
        .map((e) => `${e.tagName} "${e.textContent?.trim().slice(0, 30)}"`),
    );
  expect(small).toEqual([]);
});
