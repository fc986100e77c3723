// SPDX-License-Identifier: EUPL-1.2

import type { AmortisationMethod, RateConvention } from "../finance/loan.ts";
import { monthsBetween } from "../finance/money.ts";
import type { EquityTranche, PlanLoan, Tranche } from "../finance/scenario.schema.ts";
import { addMonths, periodOf as monthOf } from "../ledger/period.ts";
import type { Area, PledgeSource } from "./funding.ts";
import type { PlanSourcesView } from "./funding-api.schema.ts";

/*
 * The plan's sources from the funding register: what a scenario's `funding`, `loans` and `coFinancing`
 * hold when they are taken from the records instead of typed. Money already received counts in the
 * month it came; what is still outstanding counts in the month it is expected, or this month when that
 * has passed (still owed, not lost). Declined and open offers are not loans of the plan; accepted ones are.
 */

export type PledgeRecord = {
  id: string;
  source: PledgeSource;
  donor: string;
  partnerName: string;
  area: Area | null;
  amountCents: number;
  expectedOn: string;
  receipts: readonly { amountCents: number; receivedOn: string }[];
};

export type AcceptedLoanRecord = {
  id: string;
  lenderName: string;
  purpose: string;
  principalCents: number;
  annualRate: number;
  years: number;
  method: AmortisationMethod;
  graceMonths: number;
  convention: RateConvention;
  disbursedOn: string;
};

const LABEL_MAX = 120;
const labelOf = (text: string) => (text.length <= LABEL_MAX ? text : `${text.slice(0, LABEL_MAX - 1)}…`);

export function planSourcesOf(input: {
  pledges: readonly PledgeRecord[];
  loans: readonly AcceptedLoanRecord[];
  startMonth: string;
  conventionYears: number;
  today: string;
}): PlanSourcesView {
  const { startMonth, conventionYears, today } = input;
  const months = conventionYears * 12;
  const end = addMonths(startMonth, months - 1);
  const thisMonth = monthOf(today);
  const view: PlanSourcesView = {
    asOf: today,
    startMonth,
    funding: { grant: [], equity: [], fundraising: [], calls: [] },
    loans: [],
    coFinancing: { areaA: [], areaBPerYearCents: [] },
    leftOut: [],
  };
  /** The month inside the convention a flow counts in, or null (and a line in `leftOut`) after it ends. */
  const placed = (month: string, subjectId: string, label: string): string | null => {
    if (monthsBetween(startMonth, month) < 0) return startMonth;
    if (monthsBetween(startMonth, month) >= months) {
      view.leftOut.push({ subjectId, label, reason: `${month} is after the convention ends (${end})` });
      return null;
    }
    return month;
  };
  for (const pledge of input.pledges) {
    const flows: { month: string; amountCents: number }[] = pledge.receipts.map((r) => ({
      month: monthOf(r.receivedOn),
      amountCents: r.amountCents,
    }));
    const outstanding = pledge.amountCents - pledge.receipts.reduce((sum, r) => sum + r.amountCents, 0);
    if (outstanding > 0) {
      const expected = monthOf(pledge.expectedOn);
      flows.push({ month: expected < thisMonth ? thisMonth : expected, amountCents: outstanding });
    }
    for (const flow of flows) {
      const month = placed(flow.month, pledge.id, pledge.donor);
      if (month === null) continue;
      const tranche: Tranche = { label: labelOf(pledge.donor), amountCents: flow.amountCents, month };
      switch (pledge.source) {
        case "grant":
        case "fundraising":
        case "calls":
          view.funding[pledge.source].push(tranche);
          break;
        case "equity": {
          const equity: EquityTranche = {
            ...tranche,
            partner: labelOf(pledge.partnerName),
            area: pledge.area ?? "A",
          };
          view.funding.equity.push(equity);
          break;
        }
        case "co_financing_a":
          view.coFinancing.areaA.push(tranche);
          break;
        case "co_financing_b": {
          const year = Math.floor(monthsBetween(startMonth, month) / 12);
          const perYear = view.coFinancing.areaBPerYearCents;
          while (perYear.length <= year) perYear.push(0);
          perYear[year] = (perYear[year] ?? 0) + flow.amountCents;
          break;
        }
      }
    }
  }
  for (const loan of input.loans) {
    const month = placed(monthOf(loan.disbursedOn), loan.id, loan.lenderName);
    if (month === null) continue;
    const planLoan: PlanLoan = {
      label: labelOf(`${loan.lenderName} — ${loan.purpose}`),
      principalCents: loan.principalCents,
      annualRate: loan.annualRate,
      years: loan.years,
      method: loan.method,
      graceMonths: loan.graceMonths,
      convention: loan.convention,
      disbursedMonth: month,
    };
    view.loans.push(planLoan);
  }
  const byMonth = (a: { month: string }, b: { month: string }) => a.month.localeCompare(b.month);
  for (const list of [
    view.funding.grant,
    view.funding.equity,
    view.funding.fundraising,
    view.funding.calls,
    view.coFinancing.areaA,
  ])
    list.sort(byMonth);
  view.loans.sort((a, b) => a.disbursedMonth.localeCompare(b.disbursedMonth));
  return view;
}
