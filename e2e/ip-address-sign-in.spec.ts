/**
 * A teammate who opens the studio by IP address (issue 8): the Playwright base URL is
 * localhost, so this spec types http://127.0.0.1:PORT explicitly. On 127.0.0.1 the owner signs
 * in, invites a teammate (the link carries the address the owner used), and the teammate signs
 * up through the link and joins. Along the way: the pages carry the security headers, no
 * Content-Security-Policy violation is reported, and `?next=` cannot send anyone off the site.
 */
import { expect, test, type Page } from "@playwright/test";
import { OWNER } from "./support/accounts";

const port = Number(process.env.E2E_PORT ?? 3100);
const IP = `http://127.0.0.1:${port}`;
const TEAMMATE = { name: "Ines IP", email: `ines.${Date.now()}@example.test`, password: "ines-password-1" };

/** Collects the browser's Content-Security-Policy complaints on `page`. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("on http://127.0.0.1 the owner signs in and invites; the teammate signs up through the link and joins", async ({ browser }) => {
  // ——— The owner, in a browser that has only ever used the IP address ———
  const ownerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const owner = await ownerContext.newPage();
  const ownerCsp = watchCsp(owner);
  const signInPage = await owner.goto(`${IP}/sign-in`);
  const headers = signInPage!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  await owner.getByTestId("sign-in-email").fill(OWNER.email);
  await owner.getByTestId("sign-in-password").fill(OWNER.password);
  await owner.getByTestId("sign-in-submit").click();
  await owner.waitForURL((url) => url.origin === IP && url.pathname === "/");
  await expect(owner.getByTestId("new-workflow")).toBeVisible();

  // A signed-in visit with the audit's `next` stays on the studio.
  await owner.goto(`${IP}/sign-in?next=%2F%09%2Fexample.org%2Fphish`);
  // Wait for the redirect to finish on the studio's own home page (not for the sign-in page it leaves).
  await owner.waitForURL((url) => url.origin === IP && url.pathname === "/");
  await expect(owner.getByTestId("new-workflow")).toBeVisible();
  expect(new URL(owner.url()).host).toBe(`127.0.0.1:${port}`);

  await owner.goto(`${IP}/team`);
  await owner.getByTestId("invite-email").fill(TEAMMATE.email);
  await owner.getByTestId("invite-role").selectOption("member");
  await owner.getByTestId("invite-submit").click();
  const inviteLink = await owner.getByTestId("invite-link").inputValue();
  expect(inviteLink.startsWith(`${IP}/invite/`)).toBe(true);
  expect(ownerCsp).toEqual([]);

  // ——— The teammate opens the link on the same address, signs up and joins ———
  const teammateContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const teammate = await teammateContext.newPage();
  const teammateCsp = watchCsp(teammate);
  await teammate.goto(inviteLink);
  await teammate.getByTestId("invite-sign-up").click();
  await teammate.getByTestId("sign-up-name").fill(TEAMMATE.name);
  if (await teammate.getByTestId("sign-up-email").isEditable()) await teammate.getByTestId("sign-up-email").fill(TEAMMATE.email);
  await teammate.getByTestId("sign-up-password").fill(TEAMMATE.password);
  const signUp = teammate.waitForResponse((response) => response.url().endsWith("/api/auth/sign-up/email"));
  await teammate.getByTestId("sign-up-submit").click();
  expect((await signUp).status()).toBe(200);
  await teammate.getByTestId("accept-invitation").click();
  await teammate.waitForURL((url) => url.origin === IP && url.pathname === "/apps");
  const me = await (await teammate.request.get(`${IP}/api/auth/me`)).json();
  expect(me).toMatchObject({ user: { email: TEAMMATE.email }, role: "member" });
  expect(teammateCsp).toEqual([]);

  // A page of another origin cannot act with the teammate's cookies.
  const forged = await teammate.request.post(`${IP}/api/apps/none/runs`, {
    headers: { origin: "http://evil.example", "content-type": "application/json" },
    data: { items: [{ inputs: {} }] },
  });
  expect(forged.status()).toBe(403);

  await ownerContext.close();
  await teammateContext.close();
});
