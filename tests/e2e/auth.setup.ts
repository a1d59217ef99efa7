import { test as setup } from "@playwright/test";
import { signInAsStaff } from "./support/accounts";

const AUTH_DIR = "tests/e2e/.auth";

setup("sign in as the owner", async ({ page }) => {
  await signInAsStaff(page, "OWNER", "/admin");
  await page.context().storageState({ path: `${AUTH_DIR}/owner.json` });
});

setup("sign in as an associate", async ({ page }) => {
  await signInAsStaff(page, "ASSOCIATE", "/pos");
  await page.context().storageState({ path: `${AUTH_DIR}/associate.json` });
});
