/**
 * A stand-in camera for the till's scanner: Chromium plays a Y4M video
 * file as the webcam (--use-file-for-fake-video-capture). The video is
 * made here, from a barcode or QR image drawn by bwip-js or qrcode, so no
 * binary is kept in the repository.
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, devices } from "@playwright/test";
import bwipjs from "bwip-js/node";
import QRCode from "qrcode";
import sharp from "sharp";

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;

/** A PNG of an EAN-13 barcode, as a label printer would draw it. */
export function ean13Png(code: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: "ean13",
    text: code,
    scale: 3,
    height: 20,
    includetext: true,
    backgroundcolor: "FFFFFF",
  });
}

/** A PNG of a QR code, as the storefront's order status page shows it. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { margin: 4, scale: 8 });
}

/**
 * Writes a Y4M video (4:2:0) of the image centred on a white frame and
 * returns its path. Grey only: luma from the image, chroma at neutral.
 */
export async function writeY4m(png: Buffer, name: string): Promise<string> {
  const fitted = await sharp(png)
    .resize(WIDTH - 80, HEIGHT - 80, { fit: "inside" })
    .toBuffer();
  const luma = await sharp({
    create: { width: WIDTH, height: HEIGHT, channels: 3, background: "#ffffff" },
  })
    .composite([{ input: fitted, gravity: "centre" }])
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (luma.info.channels !== 1 && luma.info.channels !== 3) {
    throw new Error(`unexpected channels ${luma.info.channels}`);
  }
  const y = Buffer.alloc(WIDTH * HEIGHT);
  for (let i = 0; i < y.length; i += 1) y[i] = luma.data[i * luma.info.channels] ?? 255;
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  const file = path.join(tmpdir(), `omnitill-${name}-${process.pid}.y4m`);
  await writeFile(file, Buffer.concat([header, ...Array(FRAMES).fill(frame)]));
  return file;
}

/** Chromium at phone size whose camera plays the video file. */
export async function launchWithCamera(video: string): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

/** A signed-in associate's phone context in that browser. */
export function associatePhone(browser: Browser, baseURL: string) {
  return browser.newContext({
    ...devices["Pixel 7"],
    baseURL,
    permissions: ["camera"],
    storageState: "tests/e2e/.auth/associate.json",
  });
}
