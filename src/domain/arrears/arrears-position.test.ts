// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { AccountCharge, AccountCredit } from "../ledger/account.ts";
import { settle } from "../ledger/account.ts";
import {
  arrearsPosition,
  isInArrearsList,
  nameMatches,
  queueEvidence,
  signatoryNames,
} from "./arrears-position.ts";
import { coPaymentFigures, coPaymentWindow } from "./co-payment.ts";

const charge = (period: string, amountCents: number, kind = "rent"): AccountCharge => ({
  id: `${period}-${kind}`,
  period,
  kind,
  dueOn: `${period}-05`,
  amountCents,
});
const payment = (on: string, amountCents: number): AccountCredit => ({ on, amountCents, kind: "payment" });

describe("a tenancy's arrears position", () => {
  it.each([
    {
      name: "paid up",
      charges: [charge("2026-11", 40_000)],
      credits: [payment("2026-11-05", 40_000)],
      expected: { balanceCents: 0, daysOverdue: 0, oldestDueOn: null, listed: false },
    },
    {
      name: "one month missed",
      charges: [charge("2026-10", 40_000), charge("2026-11", 40_000)],
      credits: [payment("2026-10-05", 40_000)],
      expected: { balanceCents: 40_000, daysOverdue: 17, oldestDueOn: "2026-11-05", listed: true },
    },
    {
      name: "three months behind, partly paid",
      charges: [
        charge("2026-08", 40_000),
        charge("2026-09", 40_000),
        charge("2026-10", 40_000),
        charge("2026-11", 40_000),
      ],
      credits: [payment("2026-09-01", 60_000)],
      expected: { balanceCents: 100_000, daysOverdue: 78, oldestDueOn: "2026-09-05", listed: true },
    },
    {
      name: "not yet due",
      charges: [charge("2026-12", 40_000)],
      credits: [],
      expected: { balanceCents: 40_000, daysOverdue: 0, oldestDueOn: null, listed: false },
    },
  ])("$name", ({ charges, credits, expected }) => {
    const p = arrearsPosition({ charges, credits }, "2026-11-22", null);
    expect({
      balanceCents: p.balanceCents,
      daysOverdue: p.daysOverdue,
      oldestDueOn: p.oldestDueOn,
      listed: isInArrearsList(p),
    }).toEqual(expected);
  });

  it("lists a tenancy with nothing overdue when its income dropped at recertification", () => {
    const p = arrearsPosition({ charges: [], credits: [] }, "2026-11-22", {
      effectiveOn: "2026-11-01",
      incomeCents: 700_000,
      previousIncomeCents: 1_000_000,
    });
    expect(p.warnings.map((w) => w.kind)).toEqual(["income_drop"]);
    expect(isInArrearsList(p)).toBe(true);
  });
});

describe("a payment that may sit unmatched in the bank queue", () => {
  const open = settle(
    [charge("2026-10", 40_000), charge("2026-11", 40_000), charge("2026-11", 5_000, "service")],
    [payment("2026-10-10", 10_000)],
  );
  const tenancy = {
    reference: "LOC-2026-00042",
    open,
    overdueCents: 75_000,
    signatoryNames: ["Aurora Fittizi", "Bruno De Prova"],
  };

  it.each([
    [
      "the tenancy's reference in the remittance",
      { amountCents: 1_234, payer: "", remittance: "Affitto loc-2026-00042 ottobre" },
      ["reference"],
    ],
    ["the amount of a charge", { amountCents: 40_000, payer: "X", remittance: "" }, ["amount"]],
    ["the unpaid part of a charge", { amountCents: 30_000, payer: "X", remittance: "" }, ["amount"]],
    ["the overdue balance", { amountCents: 75_000, payer: "X", remittance: "" }, ["amount"]],
    [
      "a signatory, surname first, in capitals",
      { amountCents: 1_234, payer: "FITTIZI AURORA", remittance: "" },
      ["payer"],
    ],
    [
      "a signatory with accents dropped",
      { amountCents: 1_234, payer: "Bruno de Pròva", remittance: "" },
      ["payer"],
    ],
    [
      "all three",
      { amountCents: 5_000, payer: "Aurora Fittizi", remittance: "LOC-2026-00042" },
      ["reference", "amount", "payer"],
    ],
    ["nothing", { amountCents: 39_999, payer: "Aurora Rossi", remittance: "LOC-2026-00043" }, []],
  ] as const)("%s", (_name, line, expected) => {
    expect(queueEvidence(line, tenancy)).toEqual(expected);
  });

  it("reads a name only when all its words are there", () => {
    expect(nameMatches("Aurora Fittizi", "Sig.ra Aurora FITTIZI")).toBe(true);
    expect(nameMatches("Aurora Fittizi", "Aurora")).toBe(false);
    expect(nameMatches("", "Aurora")).toBe(false);
  });

  it("reads the signatories' names from the stored JSON", () => {
    expect(signatoryNames([{ name: "Aurora Fittizi", role: "holder" }, { role: "guarantor" }, "x"])).toEqual([
      "Aurora Fittizi",
    ]);
    expect(signatoryNames(null)).toEqual([]);
  });
});

describe("co-payment monitoring", () => {
  it("looks back over six months, the current one included", () => {
    expect(coPaymentWindow("2026-11-22")).toEqual({
      fromOn: "2026-06-01",
      toOn: "2026-11-30",
      fromPeriod: "2026-06",
      toPeriod: "2026-11",
    });
  });

  it.each([
    [
      [
        ["2026-10-05", 10_000],
        ["2026-11-05", 10_000],
      ],
      [
        ["2026-10-05", 10_000],
        ["2026-11-05", 10_000],
      ],
      1,
    ],
    [
      [
        ["2026-10-05", 10_000],
        ["2026-11-05", 10_000],
      ],
      [["2026-10-05", 5_000]],
      0.25,
    ],
    [
      [
        ["2026-05-05", 10_000],
        ["2026-11-05", 10_000],
      ],
      [["2026-06-01", 20_000]],
      2,
    ],
    [[], [], null],
  ] as const)("charged %o, paid %o → share %s", (charges, payments, share) => {
    const figures = coPaymentFigures(
      { fromOn: "2026-06-01", toOn: "2026-11-30" },
      charges.map(([dueOn, amountCents]) => ({ dueOn, amountCents })),
      payments.map(([on, amountCents]) => ({ on, amountCents })),
    );
    expect(figures.sharePaid).toBe(share);
  });
});
