import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** A demo shopper with an account and orders both online and in store. */
export const AMELIA = { email: "amelia.hughes@example.com", password: "omnitill-demo" };

/** A product the demo keeps in stock for delivery and at the London and Manchester stores. */
export const STOCKED_PRODUCT = "merino-crew-jumper";

/**
 * What the checkout tests buy: plenty of stock everywhere, and not featured,
 * so buying it never moves the figures the live-stock test watches.
 */
export const CHECKOUT_PRODUCT = "heavyweight-cotton-tee";

/** Fails with the list of WCAG A/AA problems axe finds on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(problems, "axe found accessibility problems").toEqual([]);
}

/** Keeps a full-page screenshot as an artifact of the test, under a readable name. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  const file = testInfo.outputPath(`${name}-${width}px.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${name} at ${width}px`, {
    path: file,
    contentType: "image/png",
  });
}

/** Signs a shopper in through the storefront's own sign-in page. */
export async function signInAsShopper(
  page: Page,
  account = AMELIA,
  callbackUrl = "/account",
) {
  await page.goto(`/account/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** Adds the product's first available option to the bag, for delivery or to collect. */
export async function addToBag(
  page: Page,
  options: { handle?: string; collect?: boolean } = {},
) {
  await page.goto(`/products/${options.handle ?? CHECKOUT_PRODUCT}`);
  if (options.collect)
    await page.getByRole("radio", { name: "Collect from a store" }).check();
  else await page.getByRole("radio", { name: "Delivery" }).check();
  await page.getByRole("button", { name: "Add to bag" }).click();
  const bag = page.getByRole("dialog", { name: "Your bag" });
  await expect(bag).toBeVisible();
  return bag;
}
