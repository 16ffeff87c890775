/** Screenshots and layout checks shared by the specs that look at pages at 1440×900 and 390×844. */
import { expect, type Page } from "@playwright/test";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** Where SCREENSHOTS=1 puts captures (a path instead of 1 keeps them out of Playwright's cleared output folder). */
function screensDir(): string {
  return process.env.SCREENSHOTS === "1" ? "test-results/screens" : process.env.SCREENSHOTS!;
}

/** With SCREENSHOTS set, captures the page as `<name>-<width>.png` (the whole page on a phone). */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await page.waitForTimeout(400);
  await page.screenshot({
    path: `${screensDir()}/${name}-${page.viewportSize()?.width}.png`,
    fullPage: page.viewportSize()?.width === PHONE.width,
  });
}

/** Nothing scrolls sideways: the document is no wider than the phone. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}
