/**
 * Signs up the first account of a fresh installation through the pages (the first visitor is
 * sent to sign-in, signs up and owns the first team) and saves its signed-in browser state.
 * Used by the setup project of each studio the tests run against (e2e/auth.setup.ts,
 * e2e/scenario/auth.setup.ts).
 */
import { expect, type Page } from "@playwright/test";
import { OWNER } from "./accounts";

export async function signUpFirstOwner(page: Page, statePath: string): Promise<void> {
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
  await page.context().storageState({ path: statePath });
}
