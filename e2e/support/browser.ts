// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

/**
 * The server of the worker running this file: each worker has its own, with its own demo database
 * (e2e/global-setup.ts), so the journeys of different workers never see each other's records.
 */
export function serverUrl(): string {
  const urls = inject("baseUrls");
  const worker = Number.parseInt(process.env.VITEST_POOL_ID ?? "1", 10);
  const url = urls[(worker - 1) % urls.length];
  if (url === undefined) throw new Error("no server was started for the journeys");
  return url;
}

export const DEMO_ADMIN = "comune.admin@demo.casacomune.example";
export const DEMO_PASSWORD = "demo-casacomune";

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: "it-IT",
    // The programme's people work in Milan, and the server's today is Rome's: without this the
    // browser's dates were the machine's (UTC), a day behind between midnight in Rome and 01:00.
    timezoneId: "Europe/Rome",
    viewport: { width: 1280, height: 900 },
    // axe judges the settled page; without this it can catch a colour halfway through a fade.
    reducedMotion: "reduce",
  });
  // A journey step that has not happened in 10 s is not going to: fail early and say which.
  context.setDefaultTimeout(10_000);
  return context;
}

/** A page already signed in, as the demo administrator unless told (through the API, to keep journeys short). */
export async function signedInPage(browser: Browser, baseURL: string, email = DEMO_ADMIN): Promise<Page> {
  const context = await newContext(browser, baseURL);
  const response = await context.request.post("/api/v1/auth/login", {
    data: { email, password: DEMO_PASSWORD },
  });
  if (!response.ok()) throw new Error(`demo login failed: ${response.status()}`);
  return context.newPage();
}

/** The total of the unit list for a query string, straight from the API. */
export async function apiTotal(page: Page, query = ""): Promise<number> {
  const response = await page.request.get(`/api/v1/units?limit=1${query}`);
  if (!response.ok()) throw new Error(`GET /units failed: ${response.status()}`);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("total" in body) || typeof body.total !== "number") {
    throw new Error("GET /units answered without a total");
  }
  return body.total;
}

export type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: unknown }[] };

/** axe-core's minified engine, as the page runs it. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/** Every axe rule (WCAG 2.x A/AA and best practices) on the page as it is now; the violations found. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // axe-core runs in the page itself, as @axe-core/playwright's legacy mode does (the pages have no
  // frames), with every rule; it is injected once per document instead of on every check, and only
  // the violations come back: 0.1–0.9 s a check instead of 0.7–2 s, over 270 checks
  // (decision 0025; e2e/login.test.ts shows it still finds what it should).
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const engine = window.axe;
    if (engine === undefined) throw new Error("axe-core did not load in the page");
    const results = await engine.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** A readable one-line-per-violation report, so a failing assertion says what to fix. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    )
    .join("\n");

/** Fails with the list of violations when axe finds any on the page as it is now. */
export async function expectAccessible(page: Page) {
  const violations = await axeViolations(page);
  if (violations.length > 0)
    throw new Error(`axe found ${violations.length} violation(s):\n${describeViolations(violations)}`);
}

/** Press Tab until `target` has the focus: proves it is reachable by keyboard, in page order. */
export async function tabTo(page: Page, target: Locator, maxPresses = 200) {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reached with ${maxPresses} presses of Tab`);
}

export const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Follow a link by keyboard: Tab to it, Enter; the new page's h1 (`heading`) takes the focus. */
export async function follow(page: Page, link: Locator, heading: string | RegExp) {
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  const h1 = page.getByRole("heading", { level: 1, name: heading });
  await h1.waitFor();
  await expect.poll(() => isFocused(h1)).toBe(true);
}

/** Press a control from the keyboard: Enter once it has the focus. */
export async function press(page: Page, control: Locator) {
  // Focused again on each try: on a loaded machine the page can still be drawing (a late answer, a
  // part loaded late) and lose a focus given just before; once in works.test.ts, under the gate.
  await expect
    .poll(async () => {
      await control.focus();
      return isFocused(control);
    })
    .toBe(true);
  await page.keyboard.press("Enter");
}

/** A saved form's message: shown and given the focus, so the reader hears it where they are; its text. */
export async function said(page: Page, text: string | RegExp): Promise<string> {
  const message = page.locator(".alert-success", { hasText: text });
  await message.waitFor();
  await expect.poll(() => isFocused(message)).toBe(true);
  return (await message.textContent()) ?? "";
}

/**
 * Tick a checkbox or a radio button by keyboard (Bootstrap Italia draws them on their labels, which
 * take the pointer).
 */
export async function tick(control: Locator) {
  await control.focus();
  await control.press("Space");
  if (!(await control.isChecked())) throw new Error("the control did not get ticked");
}

const romeDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** A day `days` from today (negative: before) as YYYY-MM-DD, in Rome, as the browser and server see it. */
export function dayFromToday(days: number): string {
  return romeDay.format(new Date(Date.now() + days * 86_400_000));
}

/** Call the API with the page's session; the JSON answer, or an error naming the status and body. */
export async function apiJson<T = unknown>(
  page: Page,
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  if (!response.ok())
    throw new Error(`${method} ${path} answered ${response.status()}: ${text.slice(0, 500)}`);
  return (text === "" ? undefined : JSON.parse(text)) as T;
}
