/**
 * Runs before the other specs: the first visitor of a fresh installation is sent to sign-in,
 * signs up, and owns the first team. The signed-in state is saved for the other specs.
 */
import { expect, test as setup } from "@playwright/test";
import { OWNER, OWNER_STATE } from "./support/accounts";

setup("the first account signs up and owns the first team", async ({ page }) => {
  await page.goto("/");
  await page.waitForURL(/\/sign-in/);
  await page.goto("/sign-up");
  await page.getByTestId("sign-up-name").fill(OWNER.name);
  await page.getByTestId("sign-up-email").fill(OWNER.email);
  await page.getByTestId("sign-up-password").fill(OWNER.password);
  await page.getByTestId("sign-up-submit").click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByTestId("new-workflow")).toBeVisible();

  const me = await (await page.request.get("/api/auth/me")).json();
  expect(me).toMatchObject({ user: { email: OWNER.email }, role: "owner", team: { name: `${OWNER.name}'s team` } });
  await page.context().storageState({ path: OWNER_STATE });
});
