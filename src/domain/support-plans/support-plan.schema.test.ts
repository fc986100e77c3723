// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { InterventionInput } from "./intervention.schema.ts";
import { SupportPlanInput } from "./support-plan.schema.ts";

const plan = (team: unknown[]) => ({ version: 0, startDate: "2026-09-01", intensity: "low", team });

describe("a plan's team", () => {
  it.each([
    ["no account", { role: "educator", name: "Educatrice" }, null],
    [
      "an account",
      { role: "educator", name: "Educatrice", userId: "3f1c2a9e-0b7d-4c55-9a10-2f6e8d4b7c01" },
      "3f1c2a9e-0b7d-4c55-9a10-2f6e8d4b7c01",
    ],
    ["an explicit null", { role: "volunteer", name: "Volontario", userId: null }, null],
  ])("names a member with %s", (_label, member, userId) => {
    expect(SupportPlanInput.parse(plan([member])).team[0]?.userId).toBe(userId);
  });

  it("refuses an account id that is not a uuid, naming it", () => {
    const parsed = SupportPlanInput.safeParse(plan([{ role: "educator", name: "E", userId: "mario" }]));
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["team.0.userId", "Account: not a valid id"],
    ]);
  });
});

describe("an intervention", () => {
  it.each([
    [1, true],
    [720, true],
    [0, false],
    [721, false],
    [30.5, false],
  ])("of %s minutes is valid: %s", (minutes, valid) => {
    const parsed = InterventionInput.safeParse({ date: "2026-11-20", minutes, type: "interview" });
    expect(parsed.success).toBe(valid);
  });

  it("defaults staff and note to empty and trims them", () => {
    expect(
      InterventionInput.parse({ date: "2026-11-20", minutes: 30, type: "other", note: "  prova " }),
    ).toEqual({
      date: "2026-11-20",
      minutes: 30,
      type: "other",
      staffName: "",
      note: "prova",
    });
  });
});
