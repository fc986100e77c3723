// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  AUTONOMOUS_DESTINATIONS,
  ExitInput,
  exitProblems,
  FollowUpInput,
  type FollowUpSituation,
  followUpDueDates,
  followUpProblems,
  hasReturned,
  sustainedAt12Months,
} from "./exit.ts";

describe("followUpDueDates", () => {
  it.each([
    // exit date, due at 6, 12 and 24 months
    ["2026-03-15", "2026-09-15", "2027-03-15", "2028-03-15"],
    // 31 August + 6 months: February has no 31st, the due date clamps to its last day
    ["2026-08-31", "2027-02-28", "2027-08-31", "2028-08-31"],
    ["2027-08-31", "2028-02-29", "2028-08-31", "2029-08-31"],
    ["2023-08-31", "2024-02-29", "2024-08-31", "2025-08-31"],
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was
    ["2099-08-31", "2100-02-28", "2100-08-31", "2101-08-31"],
    ["1999-08-31", "2000-02-29", "2000-08-31", "2001-08-31"],
    // 29 February: a year on there is no 29th
    ["2024-02-29", "2024-08-29", "2025-02-28", "2026-02-28"],
    // across the year end
    ["2026-12-31", "2027-06-30", "2027-12-31", "2028-12-31"],
    ["2026-07-01", "2027-01-01", "2027-07-01", "2028-07-01"],
  ])("an exit on %s is followed up on %s, %s and %s", (exit, at6, at12, at24) => {
    expect(followUpDueDates(exit)).toEqual([
      { months: 6, dueDate: at6 },
      { months: 12, dueDate: at12 },
      { months: 24, dueDate: at24 },
    ]);
  });
});

const found = (...situations: [number, FollowUpSituation | null][]) =>
  situations.map(([months, situation]) => ({ months, situation }));

describe("hasReturned", () => {
  it.each([
    ["nothing recorded", found(), null],
    ["none contacted yet", found([6, null], [12, null], [24, null]), null],
    ["only unreachable", found([6, "unreachable"], [12, "unreachable"]), null],
    ["in the same home", found([6, "same_home"]), false],
    ["housed then unreachable", found([6, "other_stable_home"], [12, "unreachable"]), false],
    ["with family", found([6, "with_family"], [12, "same_home"]), false],
    ["homeless at 24 months", found([6, "same_home"], [12, "same_home"], [24, "homeless"]), true],
    ["back in a shelter", found([6, "shelter_or_service"]), true],
    ["returned then rehoused", found([6, "homeless"], [12, "same_home"]), true],
  ] as const)("%s → %s", (_label, followUps, expected) => {
    expect(hasReturned(followUps)).toBe(expected);
  });
});

describe("sustainedAt12Months", () => {
  it.each([
    ["no 12-month contact", found([6, "same_home"]), null],
    ["12-month contact not made yet", found([6, "same_home"], [12, null]), null],
    ["unreachable at 12 months", found([12, "unreachable"]), null],
    ["same home", found([12, "same_home"]), true],
    ["another stable home", found([12, "other_stable_home"]), true],
    ["with family", found([12, "with_family"]), true],
    ["homeless", found([12, "homeless"]), false],
    ["in a shelter", found([12, "shelter_or_service"]), false],
    ["homeless at 6, housed at 12", found([6, "homeless"], [12, "other_stable_home"]), true],
    ["housed at 12, homeless at 24", found([12, "same_home"], [24, "homeless"]), true],
  ] as const)("%s → %s", (_label, followUps, expected) => {
    expect(sustainedAt12Months(followUps)).toBe(expected);
  });
});

describe("exitProblems", () => {
  const today = "2026-11-22";
  const enteredOn = "2025-04-10";
  it.each([
    ["today", "2026-11-22", []],
    ["the day of the referral", "2025-04-10", []],
    ["in between", "2026-01-31", []],
    ["tomorrow", "2026-11-23", ["The exit date cannot be in the future"]],
    ["the day before the referral", "2025-04-09", ["The exit cannot come before the referral (2025-04-10)"]],
  ])("an exit dated %s (%s)", (_label, date, messages) => {
    expect(exitProblems({ date }, today, enteredOn)).toEqual(
      messages.map((message) => ({ path: "date", message })),
    );
  });
});

describe("followUpProblems", () => {
  const exitDate = "2026-05-20";
  const today = "2026-11-22";
  it.each([
    ["2026-11-22", []],
    ["2026-05-20", []],
    ["2026-11-23", ["The contact date cannot be in the future"]],
    ["2026-05-19", ["The contact cannot come before the exit (2026-05-20)"]],
  ])("a contact on %s", (contactedOn, messages) => {
    expect(followUpProblems({ contactedOn }, exitDate, today)).toEqual(
      messages.map((message) => ({ path: "contactedOn", message })),
    );
  });

  it("names both problems when the exit itself is after today", () => {
    expect(
      followUpProblems({ contactedOn: "2026-12-01" }, "2026-12-05", today).map((i) => i.message),
    ).toEqual([
      "The contact date cannot be in the future",
      "The contact cannot come before the exit (2026-12-05)",
    ]);
  });
});

describe("the exit and follow-up bodies", () => {
  it("name each invalid field", () => {
    const exit = ExitInput.safeParse({ date: "31/08/2026", planned: "yes", destination: "moon" });
    expect(exit.success).toBe(false);
    expect(exit.error?.issues.map((i) => i.path.join("."))).toEqual(["date", "planned", "destination"]);
    const followUp = FollowUpInput.safeParse({ contactedOn: "2026-11-01", situation: "abroad" });
    expect(followUp.error?.issues.map((i) => i.path.join("."))).toEqual(["situation"]);
  });

  it("default the note to empty", () => {
    expect(ExitInput.parse({ date: "2026-11-01", planned: true, destination: "market_rent" }).note).toBe("");
  });

  it("count renting on the market and public housing as exits to autonomy", () => {
    expect(AUTONOMOUS_DESTINATIONS).toEqual(["market_rent", "public_housing"]);
  });
});
