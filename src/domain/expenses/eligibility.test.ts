// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  type BudgetFacts,
  budgetChangeProblems,
  budgetPositions,
  budgetProblems,
  type ClaimFigures,
  committedCentsOf,
  dateProblem,
  futureProblem,
  type LineFacts,
  lineDocumentProblems,
  moveRefusal,
  paymentProblems,
  periodProblems,
  reviewProblems,
  reviewStatus,
  submissionProblems,
} from "./eligibility.ts";
import { CLAIM_STATUSES, type ClaimStatus } from "./expenses.ts";

const convention = { start: "2026-01-01", end: "2050-12-31" };
const period = { periodFrom: "2026-07-01", periodTo: "2026-09-30" };
const budget = {
  line: "B.2" as const,
  fundingSource: "grant" as const,
  budgetCents: 100_000,
  committedCents: 0,
};

describe("dates within the project", () => {
  it.each([
    ["inside both", "2026-08-15", null],
    ["first day of the period", "2026-07-01", null],
    ["last day of the period", "2026-09-30", null],
    [
      "before the convention",
      "2025-12-31",
      "incurredOn 2025-12-31 is outside the project (2026-01-01 to 2050-12-31)",
    ],
    [
      "after the convention",
      "2051-01-01",
      "incurredOn 2051-01-01 is outside the project (2026-01-01 to 2050-12-31)",
    ],
    [
      "in the project, before the period",
      "2026-06-30",
      "incurredOn 2026-06-30 is outside the claim's period (2026-07-01 to 2026-09-30)",
    ],
    [
      "in the project, after the period",
      "2026-10-01",
      "incurredOn 2026-10-01 is outside the claim's period (2026-07-01 to 2026-09-30)",
    ],
  ])("%s (%s)", (_, date, message) => {
    const problem = dateProblem("lines.0.incurredOn", "incurredOn", date, convention, period);
    expect(problem?.message ?? null).toBe(message);
    if (problem) expect(problem.path).toBe("lines.0.incurredOn");
  });

  it.each([
    ["2026-01-01", "2026-03-31", []],
    ["2025-12-01", "2026-03-31", ["periodFrom"]],
    ["2050-01-01", "2051-01-31", ["periodTo"]],
    ["2025-01-01", "2051-01-01", ["periodFrom", "periodTo"]],
  ])("a period from %s to %s: problems on %j", (periodFrom, periodTo, paths) => {
    expect(periodProblems({ periodFrom, periodTo }, convention).map((p) => p.path)).toEqual(paths);
  });

  it.each([
    ["2026-11-21", null],
    ["2026-11-22", null],
    ["2026-11-23", "incurredOn cannot be after today (2026-11-22)"],
  ])("a cost dated %s, today 2026-11-22", (date, message) => {
    expect(futureProblem("incurredOn", "incurredOn", date, "2026-11-22")?.message ?? null).toBe(message);
  });
});

const line = (
  kinds: LineFacts["documents"][number]["kind"][],
  overrides: Partial<LineFacts> = {},
): LineFacts => ({
  position: 1,
  incurredOn: "2026-08-01",
  amountCents: 10_000,
  documents: kinds.map((kind) => ({ kind, issuedOn: "2026-08-01" })),
  ...overrides,
});

describe("a cost line's documents: an invoice or a timesheet, and a proof of payment", () => {
  const INVOICE = "Cost line 1 needs an invoice or a timesheet";
  const PROOF = "Cost line 1 needs a proof of payment";
  it.each([
    [["invoice", "proof_of_payment"], []],
    [["timesheet", "proof_of_payment"], []],
    [["invoice", "timesheet", "proof_of_payment", "proof_of_payment"], []],
    [["invoice"], [PROOF]],
    [["timesheet"], [PROOF]],
    [["proof_of_payment"], [INVOICE]],
    [[], [INVOICE, PROOF]],
  ] as const)("%j → %j", (kinds, messages) => {
    const problems = lineDocumentProblems(line([...kinds]), 3);
    expect(problems.map((p) => p.message)).toEqual(messages);
    for (const p of problems) expect(p.path).toBe("lines.3.documents");
  });
});

describe("the budget", () => {
  it.each([
    ["well within", 50_000, 20_000, []],
    ["exactly the budget", 80_000, 20_000, []],
    [
      "one cent above",
      80_001,
      20_000,
      [
        "The claim's total (80001 cents) plus what is already submitted or approved (20000 cents) exceeds the budget (100000 cents) by 1 cents",
      ],
    ],
  ])("%s", (_, total, committed, messages) => {
    const problems = budgetProblems(total, { ...budget, committedCents: committed });
    expect(problems.map((p) => p.message)).toEqual(messages);
    for (const p of problems) expect(p.path).toBe("totalCents");
  });

  it("refuses a claim with no budget set, naming the source", () => {
    expect(budgetProblems(1, { ...budget, budgetCents: null })).toEqual([
      {
        path: "fundingSource",
        message:
          "No budget is set for line B.2 and source grant: the Comune sets it before a claim is submitted",
      },
    ]);
  });

  it.each([
    [100_000, 100_000, []],
    [100_000, 99_999, ["amountCents"]],
    [0, 0, []],
  ])("a budget of %i with %i committed: problems on %j", (committed, amount, paths) => {
    expect(budgetChangeProblems(amount, committed).map((p) => p.path)).toEqual(paths);
  });
});

describe("submitting a claim", () => {
  const ready = (lines: LineFacts[], over: Partial<BudgetFacts> = {}) =>
    submissionProblems({ period, convention, lines, budget: { ...budget, ...over } });

  it("passes a documented claim within its budget", () => {
    expect(ready([line(["invoice", "proof_of_payment"])])).toEqual([]);
  });

  it("refuses a claim with no cost line, and says only that", () => {
    expect(ready([], { budgetCents: null })).toEqual([
      { path: "lines", message: "A claim needs at least one cost line" },
    ]);
  });

  it("names every problem on its path", () => {
    const lines = [
      line(["invoice", "proof_of_payment"]),
      {
        ...line(["invoice"], { position: 2, incurredOn: "2025-12-01" }),
        documents: [{ kind: "invoice" as const, issuedOn: "2026-10-02" }],
      },
    ];
    expect(ready(lines, { budgetCents: 15_000 }).map((p) => p.path)).toEqual([
      "lines.1.incurredOn",
      "lines.1.documents.0.issuedOn",
      "lines.1.documents",
      "totalCents",
    ]);
  });
});

describe("the moves of a claim", () => {
  const allowed: Record<string, readonly ClaimStatus[]> = {
    edit: ["draft"],
    submit: ["draft"],
    review: ["submitted"],
    requestReimbursement: ["approved", "partly_approved"],
    pay: ["reimbursement_requested"],
  };
  for (const [move, from] of Object.entries(allowed))
    it.each(CLAIM_STATUSES.map((s) => [s, from.includes(s)] as const))(
      `${move} from %s: %s`,
      (status, ok) => {
        const refusal = moveRefusal(status, move as keyof typeof allowed & "edit");
        expect(refusal === null).toBe(ok);
        if (!ok) expect(refusal).toMatch(new RegExp(`^The claim is ${status}: `));
      },
    );
});

describe("reviewing a claim line by line", () => {
  const lines = [
    { id: "a", position: 1, amountCents: 10_000 },
    { id: "b", position: 2, amountCents: 5_000 },
  ];
  const review = (decisions: [string, number, string?][], decisionNote = "") => ({
    version: 1,
    decisionNote,
    lines: decisions.map(([lineId, approvedCents, rejectionReason = ""]) => ({
      lineId,
      approvedCents,
      rejectionReason,
    })),
  });

  it.each([
    [
      "all in full",
      [
        ["a", 10_000],
        ["b", 5_000],
      ],
      "",
      "approved",
      [],
    ],
    [
      "one cut with a reason",
      [
        ["a", 10_000],
        ["b", 2_000, "Oltre il massimale"],
      ],
      "",
      "partly_approved",
      [],
    ],
    [
      "one at zero with a reason",
      [
        ["a", 0, "Non pertinente"],
        ["b", 5_000],
      ],
      "",
      "partly_approved",
      [],
    ],
    [
      "all zero with reasons and a note",
      [
        ["a", 0, "x"],
        ["b", 0, "y"],
      ],
      "Spese non ammissibili",
      "rejected",
      [],
    ],
    [
      "all zero without a note",
      [
        ["a", 0, "x"],
        ["b", 0, "y"],
      ],
      "",
      "rejected",
      ["decisionNote"],
    ],
    [
      "a cut without a reason",
      [
        ["a", 10_000],
        ["b", 4_999],
      ],
      "",
      "partly_approved",
      ["lines.1.rejectionReason"],
    ],
    [
      "above the amount",
      [
        ["a", 10_001],
        ["b", 5_000],
      ],
      "",
      "partly_approved",
      ["lines.0.approvedCents"],
    ],
    ["a line left out", [["a", 10_000]], "", "partly_approved", ["lines"]],
    [
      "an unknown line",
      [
        ["a", 10_000],
        ["b", 5_000],
        ["z", 1],
      ],
      "",
      "approved",
      ["lines.2.lineId"],
    ],
    [
      "a line twice",
      [
        ["a", 10_000],
        ["a", 10_000],
        ["b", 5_000],
      ],
      "",
      "approved",
      ["lines.1.lineId"],
    ],
  ] as const)("%s", (_, decisions, note, status, paths) => {
    const input = review(
      decisions.map((d) => [...d] as [string, number, string?]),
      note,
    );
    expect(reviewProblems(lines, input).map((p) => p.path)).toEqual(paths);
    expect(reviewStatus(lines, input.lines)).toBe(status);
  });

  it("says which line has no decision", () => {
    expect(reviewProblems(lines, review([["b", 5_000]]))).toEqual([
      { path: "lines", message: "Decide every cost line: cost line 1 has no decision" },
    ]);
  });
});

describe("the payment", () => {
  it.each([
    [10_000, "2026-11-01", []],
    [10_001, "2026-11-01", ["paidCents"]],
    [10_000, "2026-09-30", ["paidOn"]],
  ])("%i cents on %s against 10000 approved on 2026-10-01: problems on %j", (paidCents, paidOn, paths) => {
    const problems = paymentProblems(
      { paidCents, paidOn },
      { approvedCents: 10_000, decidedOn: "2026-10-01" },
    );
    expect(problems.map((p) => p.path)).toEqual(paths);
  });
});

describe("totals against budget", () => {
  const claim = (
    status: ClaimStatus,
    totalCents: number,
    approvedCents = 0,
    paidCents = 0,
  ): ClaimFigures => ({
    partnerId: "p1",
    line: "B.2",
    fundingSource: "grant",
    status,
    totalCents,
    approvedCents,
    paidCents,
  });

  it.each([
    ["draft", 0],
    ["submitted", 1_000],
    ["approved", 900],
    ["partly_approved", 900],
    ["rejected", 0],
    ["reimbursement_requested", 900],
    ["paid", 900],
  ] as const)("a %s claim of 1000 (900 approved) holds %i", (status, held) => {
    expect(
      committedCentsOf({ status, totalCents: 1_000, approvedCents: status === "rejected" ? 0 : 900 }),
    ).toBe(held);
  });

  it("adds up claimed, pending, approved, paid and what remains, per partner, line and source", () => {
    const positions = budgetPositions(
      [{ partnerId: "p1", line: "B.2", fundingSource: "grant", amountCents: 100_000 }],
      [
        claim("draft", 50_000),
        claim("submitted", 20_000),
        claim("partly_approved", 30_000, 25_000),
        claim("paid", 10_000, 10_000, 10_000),
        claim("rejected", 7_000),
        { ...claim("submitted", 4_000), fundingSource: "equity" },
      ],
    );
    expect(positions).toEqual([
      {
        partnerId: "p1",
        line: "B.2",
        fundingSource: "grant",
        budgetCents: 100_000,
        claimedCents: 67_000,
        pendingCents: 20_000,
        approvedCents: 35_000,
        paidCents: 10_000,
        committedCents: 55_000,
        remainingCents: 45_000,
      },
      {
        partnerId: "p1",
        line: "B.2",
        fundingSource: "equity",
        budgetCents: null,
        claimedCents: 4_000,
        pendingCents: 4_000,
        approvedCents: 0,
        paidCents: 0,
        committedCents: 4_000,
        remainingCents: null,
      },
    ]);
  });
});
