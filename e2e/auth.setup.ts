/**
 * Runs before the other specs: the first visitor of a fresh installation is sent to sign-in,
 * signs up, and owns the first team. The signed-in state is saved for the other specs.
 */
import { test as setup } from "@playwright/test";
import { OWNER_STATE } from "./support/accounts";
import { signUpFirstOwner } from "./support/first-owner";

setup("the first account signs up and owns the first team", async ({ page }) => {
  await signUpFirstOwner(page, OWNER_STATE);
});
