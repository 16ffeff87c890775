/** Teammates: the owner invites someone by link on the team page; they sign up in a browser of their own. */
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export interface Teammate {
  name: string;
  email: string;
  password: string;
}

/**
 * On `page` (the owner's), invites `teammate` as `role` from /team, then signs them up through
 * the invitation link in a new browser context without the owner's cookies, and accepts it.
 * @returns the teammate's page (on the page the invitation lands them on) and its context (close it when done).
 */
export async function inviteAndSignUp(
  page: Page,
  browser: Browser,
  teammate: Teammate,
  role: "member" | "editor" = "member",
): Promise<{ page: Page; context: BrowserContext }> {
  await page.goto("/team");
  await page.getByTestId("invite-email").fill(teammate.email);
  await page.getByTestId("invite-role").selectOption(role);
  await page.getByTestId("invite-submit").click();
  const inviteLink = await page.getByTestId("invite-link").inputValue();
  expect(inviteLink).toMatch(/\/invite\/[^/]+$/);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const member = await context.newPage();
  await member.goto(new URL(inviteLink).pathname);
  await member.getByTestId("invite-sign-up").click();
  await member.getByTestId("sign-up-name").fill(teammate.name);
  // The invitation fills in (and fixes) the email.
  if (await member.getByTestId("sign-up-email").isEditable()) await member.getByTestId("sign-up-email").fill(teammate.email);
  await expect(member.getByTestId("sign-up-email")).toHaveValue(teammate.email);
  await member.getByTestId("sign-up-password").fill(teammate.password);
  await member.getByTestId("sign-up-submit").click();
  await member.getByTestId("accept-invitation").click();
  return { page: member, context };
}
