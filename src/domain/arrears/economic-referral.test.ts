// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { outcomeProblems } from "./economic-referral.ts";

const microcredit = { kind: "microcredit" as const, outcome: "pending" as const, referredOn: "2026-10-01" };

describe("recording a referral's outcome", () => {
  it.each([
    [
      "pending → granted with an amount",
      microcredit,
      { outcome: "granted", outcomeOn: "2026-11-01", amountCents: 150_000 },
      [],
    ],
    [
      "pending → refused",
      microcredit,
      { outcome: "refused", outcomeOn: "2026-11-01", amountCents: null },
      [],
    ],
    [
      "granted → completed",
      { ...microcredit, outcome: "granted" },
      { outcome: "completed", outcomeOn: "2026-11-01", amountCents: null },
      [],
    ],
    [
      "refused is final",
      { ...microcredit, outcome: "refused" },
      { outcome: "granted", outcomeOn: "2026-11-01", amountCents: null },
      ["outcome"],
    ],
    [
      "granted → refused",
      { ...microcredit, outcome: "granted" },
      { outcome: "refused", outcomeOn: "2026-11-01", amountCents: null },
      ["outcome"],
    ],
    [
      "before the referral",
      microcredit,
      { outcome: "dropped", outcomeOn: "2026-09-30", amountCents: null },
      ["outcomeOn"],
    ],
    [
      "in the future",
      microcredit,
      { outcome: "dropped", outcomeOn: "2026-11-23", amountCents: null },
      ["outcomeOn"],
    ],
    [
      "an amount with a refusal",
      microcredit,
      { outcome: "refused", outcomeOn: "2026-11-01", amountCents: 100 },
      ["amountCents"],
    ],
    [
      "an amount for financial education",
      { ...microcredit, kind: "financial_education" as const },
      { outcome: "completed", outcomeOn: "2026-11-01", amountCents: 100 },
      ["amountCents"],
    ],
  ] as const)("%s", (_name, referral, change, paths) => {
    expect(outcomeProblems(referral, change, "2026-11-22").map((i) => i.path)).toEqual(paths);
  });

  it("says what a referral may still become", () => {
    expect(
      outcomeProblems(
        { ...microcredit, outcome: "granted" },
        { outcome: "pending", outcomeOn: "2026-11-01", amountCents: null },
        "2026-11-22",
      ),
    ).toEqual([
      { path: "outcome", message: "A granted referral can become completed, dropped, not pending" },
    ]);
  });
});
