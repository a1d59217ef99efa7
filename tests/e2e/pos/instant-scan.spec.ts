import { expect, type Page, type Route, test } from "@playwright/test";
import { ensureLondonRegister, gbp, openTill, scan, withDb } from "../support/till";

/**
 * The online till answers a scan at once from its own copy of the store's
 * catalogue, priced in the browser by the shared engine and marked as
 * waiting, and the server's priced ticket then takes its place. To see
 * the line before the server answers, the test holds the till's calls to
 * the server (server actions are POSTs to /pos with a Next-Action header)
 * until it lets them go: the line is on screen while no answer can have
 * come. The service worker is blocked so that those calls pass through
 * the page's own network, where the test can hold them.
 */
test.use({ serviceWorkers: "block" });
test.describe.configure({ mode: "serial" });

/** A register of London's for these tests alone. */
const REGISTER = "Till 6";

test.beforeAll(() => ensureLondonRegister(REGISTER));

/** Items on the London shelf that no other till test sells. */
function shelfItems(count: number) {
  return withDb((prisma) =>
    prisma.variant.findMany({
      where: {
        isActive: true,
        barcode: { not: null },
        priceMinor: { gt: 1000 },
        product: { status: "ACTIVE" },
        inventoryLevels: { some: { location: { code: "STR-LDN" }, onHand: { gt: 5 } } },
      },
      select: { id: true, barcode: true, sku: true, priceMinor: true },
      orderBy: { sku: "asc" },
      skip: 12,
      take: count,
    }),
  );
}

/** The open ticket of the test register, as the server holds it. */
function openTicketLines() {
  return withDb(async (prisma) => {
    const cart = await prisma.cart.findFirstOrThrow({
      where: { status: "OPEN", register: { name: REGISTER } },
      orderBy: { createdAt: "desc" },
      include: { lines: { select: { variantId: true, quantity: true } } },
    });
    return cart.lines
      .map((line) => [line.variantId, line.quantity] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  });
}

/**
 * Holds the till's calls to the server while `hold` is on; `release`
 * lets them go in the order they came.
 */
async function serverGate(page: Page) {
  const held: Route[] = [];
  let isHolding = false;
  await page.route(
    (url) => url.pathname === "/pos",
    async (route) => {
      const request = route.request();
      const isAction =
        request.method() === "POST" &&
        (await request.headerValue("next-action")) !== null;
      if (isHolding && isAction) held.push(route);
      else await route.continue();
    },
  );
  return {
    hold: () => {
      isHolding = true;
    },
    release: async () => {
      isHolding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

test("rapid scans show at once, marked as waiting, and the server's ticket then confirms each once", async ({
  page,
}) => {
  const [first, second] = await shelfItems(2);
  if (!first?.barcode || !second?.barcode) throw new Error("no items on the shelf");
  const gate = await serverGate(page);
  await openTill(page, REGISTER);
  await expect(page.locator('form[data-catalogue="local"]')).toBeAttached();

  gate.hold();
  await scan(page, first.barcode);
  const lines = page.getByTestId("ticket-line");
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText(first.sku);
  await expect(lines.first()).toHaveAttribute("data-provisional", "true");
  await expect(lines.first().getByTestId("line-pending")).toBeVisible();

  // Two more while the first is still unanswered: a new item and the first again.
  await scan(page, second.barcode);
  await scan(page, first.barcode);
  await expect(lines).toHaveCount(2);
  await expect(lines.first().getByLabel("Quantity")).toHaveText("2");
  await expect(lines.nth(1)).toContainText(second.sku);
  await expect(page.getByTestId("line-pending")).toHaveCount(2);
  const drawnTotal = await page.getByTestId("ticket-total").textContent();

  await gate.release();
  await expect(page.getByTestId("line-pending")).toHaveCount(0);
  await expect(page.getByTestId("ticket-total")).not.toHaveAttribute(
    "data-provisional",
    "true",
  );
  await expect(lines).toHaveCount(2);
  await expect(lines.first().getByLabel("Quantity")).toHaveText("2");
  // The server priced it as the till did, and holds each scan exactly once.
  await expect(page.getByTestId("ticket-total")).toHaveText(drawnTotal ?? "");
  expect(await openTicketLines()).toEqual(
    [
      [first.id, 2],
      [second.id, 1],
    ].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
  );
});

test("when the server prices an item differently, its price replaces the till's", async ({
  page,
}) => {
  const [, , item] = await shelfItems(3);
  if (!item?.barcode) throw new Error("no item on the shelf");
  const gate = await serverGate(page);
  await openTill(page, REGISTER);
  await expect(page.locator('form[data-catalogue="local"]')).toBeAttached();

  // The price changes on the server without telling the till (no event),
  // so the till's copy still holds the old one.
  const raised = item.priceMinor + 1000;
  const setPrice = (priceMinor: number) =>
    withDb((prisma) =>
      prisma.variant.update({ where: { id: item.id }, data: { priceMinor } }),
    );
  await setPrice(raised);
  try {
    gate.hold();
    await scan(page, item.barcode);
    const line = page.getByTestId("ticket-line").filter({ hasText: item.sku });
    await expect(line).toHaveAttribute("data-provisional", "true");
    await expect(line).toContainText(`${gbp(item.priceMinor)} each`);
    // Pay is taken at once, and opens on the server's price once it answers.
    await page.getByRole("button", { name: /^Pay/ }).click();
    await expect(line).toBeVisible();
    await expect(page.getByTestId("amount-due")).toBeHidden();

    await gate.release();
    await expect(page.getByTestId("amount-due")).toBeVisible();
    await page.getByRole("button", { name: "Back to ticket" }).click();
    await expect(line).not.toHaveAttribute("data-provisional", "true");
    await expect(line).toContainText(`${gbp(raised)} each`);
    await expect(page.getByTestId("ticket-line")).toHaveCount(1);
  } finally {
    await setPrice(item.priceMinor);
  }
});

test("without a catalogue copy a scan goes to the server and shows when it answers", async ({
  page,
}) => {
  const [, , , item] = await shelfItems(4);
  if (!item?.barcode) throw new Error("no item on the shelf");
  await page.route("**/api/v1/pos/bundle**", (route) =>
    route.fulfill({ status: 503, body: "" }),
  );
  await openTill(page, REGISTER);
  await expect(page.locator('form[data-catalogue="server"]')).toBeAttached();

  await scan(page, item.barcode);
  const line = page.getByTestId("ticket-line").filter({ hasText: item.sku });
  await expect(line).toBeVisible();
  await expect(line).not.toHaveAttribute("data-provisional", "true");
  await expect(page.getByTestId("line-pending")).toHaveCount(0);
});
