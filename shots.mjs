import { chromium } from "@playwright/test";
const base = process.env.BASE;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-background-networking","--disable-component-update"] });
const sizes = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
async function signIn(page, email) {
  await page.goto(base + "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("omnitill-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
}
for (const [name, viewport] of Object.entries(sizes)) {
  const ctx = await browser.newContext({ viewport, hasTouch: name === "phone" });
  const page = await ctx.newPage();
  for (const [n, path] of [["product", "/products/merino-crew-jumper"], ["category", "/categories/women?size=M"]]) {
    await page.goto(base + path);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${n}-${name}.png`, fullPage: false });
  }
  await ctx.close();
}
// back-office, desktop and phone
for (const [name, viewport] of Object.entries(sizes)) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  await signIn(page, "owner@omnitill.test");
  await page.goto(base + "/admin/locations");
  await page.getByRole("link", { name: /London Covent Garden/ }).first().click();
  await page.getByLabel(/Stripe card reader/).first().fill("not-a-reader");
  await page.getByLabel(/Stripe card reader/).first().press("Enter");
  await page.waitForTimeout(1200);
  await page.getByLabel(/Stripe card reader/).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/register-${name}.png` });
  await page.goto(base + "/admin/emails");
  await page.screenshot({ path: `/tmp/shots/emails-${name}.png`, fullPage: false });
  await ctx.close();
}
// till on a phone
const ctx = await browser.newContext({ viewport: sizes.phone, hasTouch: true });
const page = await ctx.newPage();
await signIn(page, "associate.london@omnitill.test");
await page.goto(base + "/pos");
await page.getByRole("button", { name: "Till 2", exact: true }).click();
const shift = page.getByRole("button", { name: /^(Open shift|Shift)$/ }).first();
await shift.waitFor();
if ((await shift.textContent()) === "Open shift") {
  await shift.click();
  await page.getByLabel("Float counted").fill("100.00");
  await page.getByRole("button", { name: "Open shift" }).click();
}
await page.waitForTimeout(3000);
await page.getByLabel("Barcode or SKU").fill("WKN201-OAT-M");
await page.getByLabel("Barcode or SKU").press("Enter");
await page.waitForTimeout(100);
await page.screenshot({ path: "/tmp/shots/till-scan-phone.png" });
await page.waitForTimeout(2000);
await page.screenshot({ path: "/tmp/shots/till-confirmed-phone.png" });
await browser.close();
