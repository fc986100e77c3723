// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { FundEntryInput, fundBalance } from "./fund.ts";

describe("a community fund's balance", () => {
  it.each([
    ["empty", [], { contributionsCents: 0, approvedCents: 0, proposedCents: 0, balanceCents: 0 }],
    [
      "contributions less approved expenses; proposed and rejected ones do not count",
      [
        { kind: "contribution", status: "recorded", amountCents: 150_000 },
        { kind: "contribution", status: "recorded", amountCents: 50_000 },
        { kind: "expense", status: "approved", amountCents: 120_000 },
        { kind: "expense", status: "proposed", amountCents: 90_000 },
        { kind: "expense", status: "rejected", amountCents: 30_000 },
      ],
      { contributionsCents: 200_000, approvedCents: 120_000, proposedCents: 90_000, balanceCents: 80_000 },
    ],
  ] as const)("%s", (_case, entries, expected) => {
    expect(fundBalance(entries)).toEqual(expected);
  });

  it.each([
    [{ amountCents: 0 }, ["amountCents"]],
    [{ amountCents: 1.5 }, ["amountCents"]],
    [{ amountCents: 100_000_001 }, ["amountCents"]],
    [{ entryOn: "2026-02-30" }, ["entryOn"]],
    [{ counterpart: " " }, ["counterpart"]],
  ])("refuses %j naming the field", (change, paths) => {
    const result = FundEntryInput.safeParse({
      amountCents: 1_000,
      entryOn: "2026-10-01",
      counterpart: "Donatore (demo)",
      description: "Contributo",
      ...change,
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(paths);
  });
});
