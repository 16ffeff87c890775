/**
 * Signs up the first account of a fresh installation through the pages (the first visitor is
 * asked to create the first account, not welcomed back, and owns the first team) and saves its
 * signed-in browser state. With SCREENSHOTS=1 the first visitor's page is captured at 1440×900
 * and 390×844 (test-results/screens/).
 * Used by the setup project of each studio the tests run against (e2e/auth.setup.ts,
 * e2e/scenario/auth.setup.ts).
 */
import { expect, type Page } from "@playwright/test";
import { OWNER } from "./accounts";

/** Where SCREENSHOTS=1 puts captures (a path instead of 1 keeps them out of Playwright's cleared output folder). */
function screensDir(): string {
  return process.env.SCREENSHOTS === "1" ? "test-results/screens" : process.env.SCREENSHOTS!;
}

export async function signUpFirstOwner(page: Page, statePath: string): Promise<void> {
  await page.goto("/");
  await page.waitForURL(/\/sign-up/);
  await expect(page.getByRole("heading", { name: "Create the first account" })).toBeVisible();
  await expect(page.getByText(/welcome back/i)).toHaveCount(0);
  if (process.env.SCREENSHOTS) {
    const name = new URL(page.url()).port;
    await page.screenshot({ path: `${screensDir()}/first-visitor-${name}-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${screensDir()}/first-visitor-${name}-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }
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
