/**
 * Signs up the first account of the studio that runs on Scenario (the `scenario` project's own
 * fresh installation), and checks that studio really uses the Scenario provider.
 */
import { expect, test as setup } from "@playwright/test";
import { SCENARIO_OWNER_STATE } from "../support/accounts";
import { signUpFirstOwner } from "../support/first-owner";

setup("the first account signs up on the Scenario studio, which runs on Scenario", async ({ page }) => {
  await signUpFirstOwner(page, SCENARIO_OWNER_STATE);
  const engine = await (await page.request.get("/api/engine")).json();
  expect(engine).toEqual({ provider: { id: "scenario", label: "Scenario API" } });
});
