import { expect, test } from "@playwright/test";
import { decodeEscPos } from "../support/escpos-decoder";
import {
  ensureLondonRegister,
  gbp,
  openTill,
  pounds,
  scan,
  withDb,
} from "../support/till";

// A stand-in for navigator.serial: one "port" whose writable side keeps
// every byte the till sends, as a receipt printer on a USB serial cable
// would receive them.
const STAND_IN_SERIAL = `
  window.__serialBytes = [];
  const port = {
    getInfo: () => ({ usbVendorId: 0x0416, usbProductId: 0x5011 }),
    open: async () => {},
    close: async () => {},
    readable: null,
    writable: new WritableStream({
      write(chunk) { for (const b of chunk) window.__serialBytes.push(b); },
    }),
  };
  Object.defineProperty(navigator, "serial", {
    configurable: true,
    value: {
      requestPort: async () => port,
      getPorts: async () => [port],
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  });
`;

/** This file's own London register. */
const REGISTER = "Till 4";

test.beforeAll(() => ensureLondonRegister(REGISTER));

test("a cash sale prints on the serial receipt printer: a valid ESC/POS slip with the total, the drawer kick and the cut", async ({
  page,
}) => {
  const item = await withDb((prisma) =>
    prisma.variant.findFirstOrThrow({
      where: {
        isActive: true,
        barcode: { not: null },
        product: { status: "ACTIVE" },
        inventoryLevels: { some: { location: { code: "STR-LDN" }, onHand: { gt: 5 } } },
      },
      select: { barcode: true },
      orderBy: { sku: "asc" },
      skip: 3,
    }),
  );

  await page.addInitScript(STAND_IN_SERIAL);
  await openTill(page, REGISTER);
  await scan(page, item.barcode ?? "");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);
  const total = pounds(await page.getByTestId("ticket-total").textContent());

  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByLabel("Cash handed over").fill("500.00");
  await page.getByRole("button", { name: /^Take cash/ }).click();
  const receipt = page.getByRole("article", { name: "Receipt" });
  const orderNumber = ((await receipt.textContent()) ?? "").match(/OT-[2-9A-Z]{6}/)?.[0];
  expect(orderNumber).toBeTruthy();

  await page.getByRole("button", { name: "Receipt printer" }).click();
  await expect(page.getByText("Sent to the receipt printer.")).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { __serialBytes: number[] }).__serialBytes.length,
      ),
    )
    .toBeGreaterThan(200);
  const bytes = await page.evaluate(
    () => (window as unknown as { __serialBytes: number[] }).__serialBytes,
  );

  const slip = decodeEscPos(Uint8Array.from(bytes));
  const totalLine = slip.lines.find((line) => line.startsWith("TOTAL"));
  expect(totalLine?.trim().endsWith(gbp(total))).toBe(true);
  expect(slip.lines.some((line) => line.includes(`Order ${orderNumber}`))).toBe(true);
  expect(slip.barcodes.some((code) => code.includes(orderNumber?.slice(3) ?? "?"))).toBe(
    true,
  );
  expect(slip.hasDrawerPulse).toBe(true);
  expect(slip.hasCut).toBe(true);
});
