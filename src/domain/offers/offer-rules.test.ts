// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { OfferDecline, OfferInput } from "./offer.schema.ts";
import {
  DEFAULT_OFFER_RULES,
  defaultDueOn,
  type Refusal,
  refusalKeepsPlace,
  standingAfter,
} from "./offer-rules.ts";

const h = (reasonable: boolean, on = "2026-01-01"): Refusal => ({ declinedBy: "household", reasonable, on });
const p = (reasonable: boolean, on = "2026-01-01"): Refusal => ({ declinedBy: "provider", reasonable, on });

describe("defaultDueOn", () => {
  it.each([
    ["2026-11-22", "2026-11-29"],
    ["2026-12-28", "2027-01-04"],
    ["2028-02-25", "2028-03-03"],
  ])("an offer made on %s is due on %s", (today, due) => {
    expect(defaultDueOn(today)).toBe(due);
  });
});

describe("refusals and the household's place (default: 2 reasonable refusals keep it)", () => {
  it.each<[string, Refusal[], number, string | null]>([
    ["no refusal", [], 0, null],
    ["one reasonable", [h(true)], 1, null],
    ["two reasonable", [h(true), h(true)], 2, null],
    ["a third reasonable loses it", [h(true), h(true), h(true, "2026-03-01")], 0, "2026-03-01"],
    ["any unreasonable loses it", [h(false, "2026-02-01")], 0, "2026-02-01"],
    ["provider refusals never count", [p(false), p(true), h(true), p(false)], 1, null],
    [
      "the count starts again after a loss",
      [h(false, "2026-02-01"), h(true, "2026-04-01"), h(true)],
      2,
      "2026-02-01",
    ],
    [
      "the last loss is the one that counts",
      [h(false, "2026-02-01"), h(false, "2026-05-01")],
      0,
      "2026-05-01",
    ],
  ])("%s", (_case, refusals, reasonableRefusals, placeLostOn) => {
    expect(standingAfter(refusals)).toEqual({ reasonableRefusals, placeLostOn });
  });

  it.each<[number, Omit<Refusal, "on">, boolean]>([
    [0, h(true), true],
    [1, h(true), true],
    [2, h(true), false],
    [0, h(false), false],
    [5, p(false), true],
  ])("after %i reasonable refusals, %o keeps the place: %s", (count, refusal, kept) => {
    expect(refusalKeepsPlace({ reasonableRefusals: count, placeLostOn: null }, refusal)).toBe(kept);
  });

  it("reads the count from the rules", () => {
    const strict = { ...DEFAULT_OFFER_RULES, reasonableRefusalsKept: 0 };
    expect(standingAfter([h(true, "2026-06-01")], strict)).toEqual({
      reasonableRefusals: 0,
      placeLostOn: "2026-06-01",
    });
  });
});

describe("offer inputs", () => {
  it("a manual offer needs a reason; one from a run does not", () => {
    const manual = OfferInput.safeParse({ unitId: "MI1-0001", householdId: "H-1" });
    expect(manual.success).toBe(false);
    expect(manual.error?.issues.map((i) => i.path.join("."))).toEqual(["reason"]);
    const fromRun = OfferInput.safeParse({
      unitId: "MI1-0001",
      householdId: "H-1",
      runId: "00000000-0000-4000-8000-000000000001",
    });
    expect(fromRun.success).toBe(true);
  });

  it("a refusal says why, by whom and whether it is reasonable", () => {
    const bad = OfferDecline.safeParse({ reason: " ", declinedBy: "neighbour" });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "declinedBy",
      "reason",
      "reasonable",
    ]);
  });
});
