import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Makes sure Debian's Chromium is installed, installing it with apt-get when
 * running as root; otherwise explains exactly what to install. Playwright
 * must never download a browser of its own.
 */
export function ensureChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium is missing; installing Debian's chromium package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install =
      update.status === 0
        ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
            stdio: "inherit",
            env,
          })
        : update;
    if (install.status === 0 && existsSync(CHROMIUM_PATH)) return true;
  }

  console.error(
    [
      `End-to-end tests need Chromium at ${CHROMIUM_PATH}.`,
      "Install it with:  sudo apt-get update && sudo apt-get install -y chromium",
      "or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
    ].join("\n"),
  );
  return false;
}
