/**
 * The accounts the end-to-end tests use. The owner is the first account of the fresh
 * installation the tests run against (e2e/auth.setup.ts signs it up through the page), so it
 * owns the first team; its signed-in browser state is saved for the other specs.
 */
export const OWNER = { name: "Ada Owner", email: "ada.owner@example.test", password: "ada-password-1" } as const;

/** Where the owner's cookies are kept between the setup project and the specs (gitignored). */
export const OWNER_STATE = "e2e/.auth/owner.json";

/** The same owner's state on the studio that runs on Scenario (through the strict mock). */
export const SCENARIO_OWNER_STATE = "e2e/.auth/scenario-owner.json";
