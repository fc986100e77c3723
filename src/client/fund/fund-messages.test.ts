// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { ExpenseDecisionInput, FundEntryInput } from "../../domain/fund/fund.ts";
import en from "./fund.en.json";
import italian from "./fund.it.json";
import { centsOfMessage, FUND_PATTERNS } from "./fund-messages.ts";

const keysOf = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

/** Whether the Italian interface has words for an English message of the API or the schemas. */
const translated = (message: string) =>
  message in italian.messages || FUND_PATTERNS.some((p) => p.re.test(message) && p.key in italian.patterns);

const issuesOf = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.message);

describe("the fund pages' strings", () => {
  it("has the same keys in Italian and English (English keeps the API's own messages)", () => {
    const english = keysOf(en).filter((k) => !k.startsWith("messages."));
    const italianKeys = keysOf(italian).filter((k) => !k.startsWith("messages."));
    expect(english).toEqual(italianKeys);
  });

  it("says in Italian every rule the schemas can break", () => {
    const messages = [
      ...issuesOf(
        FundEntryInput.safeParse({ amountCents: 10.5, entryOn: "ieri", counterpart: "", description: "x" }),
      ),
      ...issuesOf(
        FundEntryInput.safeParse({
          amountCents: 0,
          entryOn: "2026-02-30",
          counterpart: "x",
          description: "x".repeat(1001),
        }),
      ),
      ...issuesOf(
        FundEntryInput.safeParse({
          amountCents: 100_000_001,
          entryOn: "2026-10-01",
          counterpart: "x".repeat(201),
          description: "  ",
        }),
      ),
      ...issuesOf(FundEntryInput.safeParse({})),
      ...issuesOf(ExpenseDecisionInput.safeParse({ outcome: "maybe", decisionId: "x" })),
    ];
    expect(messages.length).toBeGreaterThan(12);
    for (const message of messages) expect(translated(message), message).toBe(true);
  });

  it("says in Italian what the API refuses", () => {
    for (const message of [
      "The fund holds 800.00 EUR: not enough for 900.00 EUR",
      "This entry is already approved",
      "This entry is a contribution",
      "An expense is approved by a decision of the network",
      'No decision "x" of Rete territoriale Municipio 3',
      "Coordinamento Area B is not a Municipio network: it has no community fund",
      'No governance body "x"',
      'No fund entry "x"',
      "Only the programme's governance roles approve a fund's expense",
    ])
      expect(translated(message), message).toBe(true);
  });

  it("puts the balance and the amount back as cents, and the most allowed", () => {
    const short = FUND_PATTERNS.find((p) => p.key === "notEnough");
    const plain = short?.re.exec("The fund holds 800.00 EUR: not enough for 900.00 EUR");
    expect(plain?.slice(1).map(centsOfMessage)).toEqual([80_000, 90_000]);
    const large = short?.re.exec("The fund holds 12345.60 EUR: not enough for 100000.05 EUR");
    expect(large?.slice(1).map(centsOfMessage)).toEqual([1_234_560, 10_000_005]);
    const decided = FUND_PATTERNS.find((p) => p.key === "alreadyDecided");
    expect(decided?.re.exec("This entry is already rejected")?.[1]).toBe("rejected");
    expect(Object.keys(italian.statusWords)).toContain("rejected");
    const most = FUND_PATTERNS.find((p) => p.key === "atMostEuros");
    const cap = most?.re.exec("amountCents: at most 1,000,000.00 EUR")?.[1] ?? "";
    expect(centsOfMessage(cap)).toBe(100_000_000);
  });
});
