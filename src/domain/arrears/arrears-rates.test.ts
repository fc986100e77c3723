// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccountCharge, AccountCredit } from "../ledger/account.ts";
import { accountRates, arrearsSummary, settleByKind } from "./arrears-rates.ts";

const charge = (period: string, amountCents: number, kind = "rent"): AccountCharge => ({
  id: `${period}-${kind}`,
  period,
  kind,
  dueOn: `${period}-05`,
  amountCents,
});
const payment = (on: string, amountCents: number): AccountCredit => ({ on, amountCents, kind: "payment" });
const writeOff = (on: string, amountCents: number): AccountCredit => ({ on, amountCents, kind: "write_off" });

const YEAR = { fromOn: "2026-01-01", toOn: "2026-12-31", asOf: "2026-11-22" };

describe("settling charges by kind of credit", () => {
  it("settles the oldest charges first, in the credits' date order, keeping payments and write-offs apart", () => {
    const settled = settleByKind(
      [charge("2026-09", 40_000), charge("2026-10", 40_000), charge("2026-11", 40_000)],
      [payment("2026-10-20", 50_000), writeOff("2026-10-01", 10_000)],
    );
    expect(settled.map((c) => [c.period, c.writtenOffCents, c.paidCents, c.outstandingCents])).toEqual([
      ["2026-09", 10_000, 30_000, 0],
      ["2026-10", 0, 20_000, 20_000],
      ["2026-11", 0, 0, 40_000],
    ]);
  });
});

describe("collection and arrears rates", () => {
  it.each([
    {
      name: "all paid",
      charges: [charge("2026-10", 40_000), charge("2026-11", 40_000)],
      credits: [payment("2026-10-05", 40_000), payment("2026-11-05", 40_000)],
      expected: { chargedCents: 80_000, collectedCents: 80_000, writtenOffCents: 0, overdueCents: 0 },
    },
    {
      name: "one month missed",
      charges: [charge("2026-10", 40_000), charge("2026-11", 40_000)],
      credits: [payment("2026-10-05", 40_000)],
      expected: { chargedCents: 80_000, collectedCents: 40_000, writtenOffCents: 0, overdueCents: 40_000 },
    },
    {
      name: "a charge not yet due is not counted; a payment ahead settles it, not the window",
      charges: [charge("2026-11", 40_000), charge("2026-12", 40_000)],
      credits: [payment("2026-11-20", 80_000)],
      expected: { chargedCents: 40_000, collectedCents: 40_000, writtenOffCents: 0, overdueCents: 0 },
    },
    {
      name: "a write-off is not collected",
      charges: [charge("2026-10", 40_000)],
      credits: [writeOff("2026-10-20", 15_000), payment("2026-10-21", 5_000)],
      expected: {
        chargedCents: 40_000,
        collectedCents: 5_000,
        writtenOffCents: 15_000,
        overdueCents: 20_000,
      },
    },
    {
      name: "old debt paid in the window counts for the old charge, outside the window",
      charges: [charge("2025-12", 40_000), charge("2026-10", 40_000)],
      credits: [payment("2026-10-06", 40_000)],
      expected: { chargedCents: 40_000, collectedCents: 0, writtenOffCents: 0, overdueCents: 40_000 },
    },
    {
      name: "a payment after the day of the figures is not counted",
      charges: [charge("2026-10", 40_000)],
      credits: [payment("2026-11-30", 40_000)],
      expected: { chargedCents: 40_000, collectedCents: 0, writtenOffCents: 0, overdueCents: 40_000 },
    },
  ])("$name", ({ charges, credits, expected }) => {
    expect(accountRates({ charges, credits }, YEAR)).toMatchObject(expected);
  });

  it("adds up by partner and by category, with the rates and the ageing", () => {
    const summary = arrearsSummary(
      [
        {
          partnerCode: "ETS-B1",
          category: "calmierato",
          charges: [charge("2026-10", 40_000), charge("2026-11", 40_000)],
          credits: [payment("2026-10-05", 40_000)],
        },
        {
          partnerCode: "ETS-B2",
          category: "fragilita",
          charges: [
            charge("2026-08", 10_000),
            charge("2026-09", 10_000),
            charge("2026-10", 10_000),
            charge("2026-11", 10_000),
          ],
          credits: [payment("2026-08-05", 10_000)],
        },
        {
          partnerCode: "ETS-B1",
          category: "fragilita",
          charges: [charge("2026-11", 20_000)],
          credits: [payment("2026-11-05", 20_000)],
        },
      ],
      YEAR,
    );
    expect(summary.total).toMatchObject({
      key: "total",
      tenancies: 3,
      chargedCents: 140_000,
      collectedCents: 70_000,
      overdueCents: 70_000,
      collectionRate: 0.5,
      arrearsRate: 0.5,
    });
    expect(summary.byPartner.map((r) => [r.key, r.tenancies, r.collectionRate, r.arrearsRate])).toEqual([
      ["ETS-B1", 2, 0.6, 0.4],
      ["ETS-B2", 1, 0.25, 0.75],
    ]);
    expect(summary.byCategory.map((r) => [r.key, r.chargedCents, r.overdueCents])).toEqual([
      ["calmierato", 80_000, 40_000],
      ["fragilita", 60_000, 30_000],
    ]);
    const b2 = summary.byPartner[1];
    expect(b2?.ageing).toEqual({
      d0_30: 10_000,
      d31_60: 10_000,
      d61_90: 10_000,
      d90_plus: 0,
      overdueCents: 30_000,
      notDueCents: 0,
    });
  });

  it("has no rate where nothing fell due", () => {
    const summary = arrearsSummary(
      [{ partnerCode: null, category: "calmierato", charges: [], credits: [] }],
      YEAR,
    );
    expect(summary.total).toMatchObject({ collectionRate: null, arrearsRate: null });
    expect(summary.byPartner[0]?.key).toBe("—");
  });

  it("always splits what fell due into collected, written off and overdue", () => {
    const month = fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, "0")}`);
    const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, "0"));
    fc.assert(
      fc.property(
        fc.uniqueArray(month, { maxLength: 12 }).chain((months) =>
          fc.tuple(
            fc.constant(months),
            fc.array(fc.integer({ min: 1, max: 100_000 }), {
              minLength: months.length,
              maxLength: months.length,
            }),
            fc.array(fc.tuple(month, day, fc.integer({ min: 1, max: 120_000 }), fc.boolean()), {
              maxLength: 15,
            }),
          ),
        ),
        ([months, amounts, credits]) => {
          const charges = months.map((m, i) => charge(m, amounts[i] as number));
          const account = {
            charges,
            credits: credits.map(([m, d, amountCents, isPayment]) =>
              isPayment ? payment(`${m}-${d}`, amountCents) : writeOff(`${m}-${d}`, amountCents),
            ),
          };
          const r = accountRates(account, YEAR);
          expect(r.collectedCents + r.writtenOffCents + r.overdueCents).toBe(r.chargedCents);
          expect(r.overdueCents).toBeLessThanOrEqual(r.ageing.overdueCents);
        },
      ),
    );
  });
});
