/**
 * Secrets live only on the server: the browser bundle built for these tests must not carry
 * the Scenario credentials' variable names, the API's host, or the provider code.
 */
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test("the client bundle holds no Scenario credentials or provider code", async ({ request }) => {
  // The web server is up, so the production build it serves exists.
  expect((await request.get("/api/engine")).ok()).toBe(true);
  const scripts = files(".next/static").filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) {
    const text = readFileSync(file, "utf8");
    for (const needle of ["SCENARIO_API_KEY", "SCENARIO_API_SECRET", "api.cloud.scenario.com", "Authorization: Basic", "ScenarioClient"]) {
      expect(text.includes(needle), `${needle} found in ${file}`).toBe(false);
    }
  }
});
