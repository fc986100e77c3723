// SPDX-License-Identifier: EUPL-1.2
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ArrearsCaseView,
  ArrearsList,
  RepaymentPlanView,
  TaskList,
  TaskView,
} from "../../domain/arrears/arrears-api.schema.ts";
import { arrearsCases, arrearsSteps, tasks } from "../db/schema.ts";
import { accountId } from "../support-plans/care-fixtures.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import {
  charge,
  dismissLine,
  jsonOf,
  pay,
  problemOf,
  signInAgain,
  type TenancyFixture,
  tenancyWithRent,
  unmatchedLine,
} from "./arrears-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
let managerEmail: string;
let educator: TestClient;
let educatorEmail: string;
let educatorId: string;
let otherManager: TestClient;
let admin: TestClient;
/** ETS-B1, Sep–Nov unpaid (1,200 EUR), the demo educator on its plan's team. */
let behind: TenancyFixture;
/** ETS-B1, paid up. */
let paidUp: TenancyFixture;
/** ETS-B2, November unpaid. */
let other: TenancyFixture;
let caseId: string;

const MONTHS = ["2026-08", "2026-09", "2026-10", "2026-11"];

beforeAll(async () => {
  ctx = await createTestContext();
  const signedInManager = await ctx.loginAs("area_b_manager", "ETS-B1");
  const signedInEducator = await ctx.loginAs("area_b_educator", "ETS-B1");
  [manager, managerEmail] = [signedInManager, signedInManager.email];
  [educator, educatorEmail] = [signedInEducator, signedInEducator.email];
  educatorId = await accountId(educator);
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  admin = await ctx.loginAs("comune_admin");
  behind = await tenancyWithRent(ctx, manager, { months: MONTHS, paid: [["2026-08-03", 40_000]], educator });
  paidUp = await tenancyWithRent(ctx, manager, { months: ["2026-11"], paid: [["2026-11-02", 40_000]] });
  other = await tenancyWithRent(ctx, otherManager, {
    partnerCode: "ETS-B2",
    months: ["2026-11"],
    rentCents: 30_000,
  });
});
afterAll(() => ctx.close());

/** Move the test clock to 9:00 UTC of `day`; the sessions of the clients in use start again. */
const at = async (day: string) => {
  ctx.clock.now = new Date(`${day}T09:00:00Z`);
  manager = await signInAgain(ctx, managerEmail);
  educator = await signInAgain(ctx, educatorEmail);
};
const stepCount = async () =>
  (
    await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(arrearsSteps)
      .where(eq(arrearsSteps.caseId, caseId))
  )[0]?.n;
const getCase = async (client: TestClient = manager) =>
  jsonOf<ArrearsCaseView>(await client.get(`/arrears/cases/${caseId}`), 200);
const step = (client: TestClient, body: unknown) => client.post(`/arrears/cases/${caseId}/steps`, body);

describe("opening a case", () => {
  it("opens at the signal stage and gives the household's educator a task, not a letter", async () => {
    const view = await jsonOf<ArrearsCaseView>(
      await manager.post("/arrears/cases", { tenancyId: behind.tenancyId }),
      201,
    );
    caseId = view.id;
    expect(view).toMatchObject({
      status: "open",
      stage: "signal",
      openedOn: "2026-11-22",
      policyVersion: 0,
      tenancy: {
        reference: behind.reference,
        balanceCents: 120_000,
        daysOverdue: 78,
        possiblePaymentInQueue: false,
      },
    });
    expect(view.steps.map((s) => [s.stage, s.balanceCents])).toEqual([["signal", 120_000]]);
    expect(view.tasks).toHaveLength(1);
    expect(view.tasks[0]).toMatchObject({
      kind: "arrears_signal",
      status: "open",
      dueOn: "2026-11-29",
      assignee: { id: educatorId },
      household: { id: behind.householdId },
      tenancyReference: behind.reference,
    });
    expect(view.tasks[0]?.detail).toContain("78 days overdue since 2026-09-05");
    expect(view.tasks[0]?.arrears).toEqual({
      daysOverdue: 78,
      overdueCents: 120_000,
      balanceCents: 120_000,
      warnings: [],
    });
    expect(view.options.filter((o) => o.allowed).map((o) => o.stage)).toEqual([
      "reminder",
      "meeting",
      "repayment_plan",
      "fund_referral",
    ]);
    expect(view.options.find((o) => o.stage === "legal")?.blocks.map((b) => b.code)).toEqual([
      "too_early",
      "missing_steps",
    ]);
    // The list shows the case on its tenancy.
    const list = await jsonOf<ArrearsList>(await manager.get("/arrears?case=open"), 200);
    expect(list.items.map((i) => [i.reference, i.openCase?.stage])).toEqual([[behind.reference, "signal"]]);
  });

  it("puts the task in the educator's list of open tasks", async () => {
    const mine = await jsonOf<TaskList>(await educator.get("/tasks?mine=true&status=open"), 200);
    expect(mine.items.map((t) => [t.kind, t.caseId])).toEqual([["arrears_signal", caseId]]);
    expect((await jsonOf<TaskList>(await manager.get("/tasks?mine=true&status=open"), 200)).total).toBe(0);
    expect((await jsonOf<TaskList>(await otherManager.get("/tasks"), 200)).total).toBe(0);
  });

  it.each([
    [
      "a second open case on the tenancy",
      () => ({ tenancyId: behind.tenancyId }),
      409,
      "tenancyId",
      /already has an open arrears case/,
    ],
    [
      "a tenancy with nothing overdue and no warning",
      () => ({ tenancyId: paidUp.tenancyId }),
      422,
      "tenancyId",
      /Nothing is overdue/,
    ],
    ["another partner's tenancy", () => ({ tenancyId: other.tenancyId }), 422, "tenancyId", /^No tenancy/],
    ["an id that is not one", () => ({ tenancyId: "LOC-1" }), 400, "tenancyId", /not a valid id/],
  ])("refuses %s", async (_name, body, status, path, message) => {
    const before = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(arrearsCases))[0]?.n;
    const problem = await problemOf(await manager.post("/arrears/cases", body()), status);
    expect(problem.errors[0]?.path).toBe(path);
    expect(problem.errors[0]?.message).toMatch(message);
    expect((await ctx.db.select({ n: sql<number>`count(*)::int` }).from(arrearsCases))[0]?.n).toBe(before);
  });

  it("is work for arrears roles only, and hides a partner's case from the others", async () => {
    await problemOf(
      await (await ctx.loginAs("auditor")).post("/arrears/cases", { tenancyId: other.tenancyId }),
      403,
    );
    await problemOf(await otherManager.get(`/arrears/cases/${caseId}`), 404);
    await problemOf(await step(otherManager, { stage: "reminder", note: "" }), 404);
    expect((await getCase(admin)).id).toBe(caseId);
    expect((await getCase(educator)).id).toBe(caseId);
  });
});

describe("steps of a case", () => {
  it("sends no reminder while a payment that may be the tenancy's waits unmatched in the queue", async () => {
    const line = await unmatchedLine(ctx, "ETS-B1", { amountCents: 40_000, payer: "Mittente sconosciuto" });
    expect((await getCase()).tenancy.possiblePaymentInQueue).toBe(true);
    const before = await stepCount();
    const problem = await problemOf(
      await step(manager, { stage: "reminder", note: "Sollecito scritto" }),
      422,
    );
    expect(problem.errors).toEqual([
      {
        path: "stage",
        message:
          "A payment that may be this tenancy's waits in the queue of unmatched bank lines: match it first",
      },
    ]);
    expect(await stepCount()).toBe(before);
    await dismissLine(ctx, line);
    const view = await jsonOf<ArrearsCaseView>(
      await step(manager, { stage: "reminder", note: "Sollecito scritto" }),
      201,
    );
    expect(view.stage).toBe("reminder");
    expect(view.steps.map((s) => s.stage)).toEqual(["signal", "reminder"]);
  });

  it("refuses legal action to a role without arrears:legal, without a reason, or before the policy allows it", async () => {
    const before = await stepCount();
    await problemOf(await step(educator, { stage: "legal", note: "", reason: "Morosità persistente" }), 403);
    expect((await problemOf(await step(manager, { stage: "legal", note: "" }), 400)).errors).toEqual([
      { path: "reason", message: "reason: legal action needs a reason" },
    ]);
    const early = await problemOf(
      await step(manager, { stage: "legal", note: "", reason: "Morosità persistente" }),
      422,
    );
    expect(early.errors.map((e) => e.message)).toEqual([
      "legal is taken from 90 days overdue; the oldest unpaid charge is 78 days overdue",
      "Legal action comes only after meeting was recorded",
    ]);
    expect(await stepCount()).toBe(before);
  });

  it("convenes a meeting: a task for the educator", async () => {
    const view = await jsonOf<ArrearsCaseView>(
      await step(educator, { stage: "meeting", note: "Incontro in sede" }),
      201,
    );
    expect(view.stage).toBe("meeting");
    expect(view.tasks.map((t) => [t.kind, t.assignee?.id, t.dueOn])).toEqual([
      ["arrears_signal", educatorId, "2026-11-29"],
      ["arrears_meeting", educatorId, "2026-11-29"],
    ]);
    // Moving on, never back.
    const back = await problemOf(await step(manager, { stage: "reminder", note: "" }), 422);
    expect(back.errors[0]?.message).toBe("The case is at meeting: it moves forward, not back to reminder");
  });

  it.each([
    [{ stage: "signal", note: "" }, 422, "stage"],
    [{ stage: "repayment_plan", note: "" }, 422, "stage"],
    [{ stage: "fund_referral", note: "" }, 400, "fund"],
    [{ stage: "appeal", note: "" }, 400, "stage"],
    [{ stage: "meeting", note: 42 }, 400, "note"],
  ])("refuses the step %o, naming %s", async (body, status, path) => {
    const problem = await problemOf(await step(manager, body), status);
    expect(problem.errors[0]?.path).toBe(path);
  });

  it("refers to a fund only when its rules fit, recording the referral on the case", async () => {
    // The fixture household's ISEE is 8,200.50 EUR: within both funds; the national fund needs a cause.
    const noCause = await problemOf(
      await step(manager, { stage: "fund_referral", fund: "involuntary_arrears_fund", note: "" }),
      422,
    );
    expect(noCause.errors).toEqual([
      {
        path: "fund",
        message: "The fund asks for an income drop at recertification or a recorded cause of the arrears",
      },
    ]);
    const view = await jsonOf<ArrearsCaseView>(
      await step(manager, {
        stage: "fund_referral",
        fund: "involuntary_arrears_fund",
        cause: "Perdita del lavoro",
        note: "Domanda presentata al Comune",
      }),
      201,
    );
    expect(view.stage).toBe("fund_referral");
    expect(view.referrals.map((r) => [r.kind, r.outcome, r.caseId])).toEqual([
      ["involuntary_arrears_fund", "pending", caseId],
    ]);
    expect(view.referrals[0]?.note).toContain("Cause: Perdita del lavoro");
  });
});

describe("the repayment plan", () => {
  it.each([
    [{ instalments: 0, firstDueOn: "2026-12-10" }, 400, "instalments"],
    [{ instalments: 6, firstDueOn: "2026-12-32" }, 400, "firstDueOn"],
    [{ instalments: 25, firstDueOn: "2026-12-10" }, 422, "instalments"],
    [{ instalments: 6, firstDueOn: "2026-11-21" }, 422, "firstDueOn"],
    [{ instalments: 6, firstDueOn: "2026-12-10", totalCents: 200_000 }, 422, "totalCents"],
    [{ instalments: 70, firstDueOn: "2026-12-10", totalCents: 120_000 }, 422, "instalments"],
  ])("refuses %o, naming %s, writing nothing", async (body, status, path) => {
    const before = await stepCount();
    expect(
      (await problemOf(await manager.post(`/arrears/cases/${caseId}/repayment-plan`, body), status)).errors[0]
        ?.path,
    ).toBe(path);
    expect(await stepCount()).toBe(before);
    await problemOf(await manager.get(`/arrears/cases/${caseId}/repayment-plan`), 404);
  });

  it("splits what is overdue into monthly instalments of exact cents", async () => {
    const plan = await jsonOf<RepaymentPlanView>(
      await manager.post(`/arrears/cases/${caseId}/repayment-plan`, {
        instalments: 7,
        firstDueOn: "2026-12-31",
      }),
      201,
    );
    expect(plan).toMatchObject({
      status: "active",
      tracking: "active",
      totalCents: 120_000,
      startOn: "2026-11-22",
      paidCents: 0,
    });
    expect(plan.instalments.map((i) => [i.dueOn, i.amountCents, i.status])).toEqual([
      ["2026-12-31", 17_143, "due"],
      ["2027-01-31", 17_143, "due"],
      ["2027-02-28", 17_143, "due"],
      ["2027-03-31", 17_143, "due"],
      ["2027-04-30", 17_143, "due"],
      ["2027-05-31", 17_143, "due"],
      ["2027-06-30", 17_142, "due"],
    ]);
    const view = await getCase();
    expect(view.stage).toBe("repayment_plan");
    expect(view.steps.at(-1)).toMatchObject({ stage: "repayment_plan", balanceCents: 120_000, note: "" });
    // One plan in force at a time.
    const again = await problemOf(
      await manager.post(`/arrears/cases/${caseId}/repayment-plan`, {
        instalments: 3,
        firstDueOn: "2026-12-31",
      }),
      422,
    );
    expect(again.errors).toEqual([{ path: "id", message: "The case already has a repayment plan in force" }]);
  });

  it("tracks each instalment from the payments made beyond the current rent", async () => {
    // December's rent (400) and 571.43 more paid: the first instalment is paid, the second not yet due.
    await at("2027-01-10");
    await charge(ctx, behind.tenancyId, "2026-12", 40_000);
    await pay(ctx, behind.tenancyId, "2026-12-04", 57_143);
    const plan = await jsonOf<RepaymentPlanView>(
      await manager.get(`/arrears/cases/${caseId}/repayment-plan`),
      200,
    );
    expect(plan.paidCents).toBe(17_143);
    expect(plan.instalments.slice(0, 2).map((i) => i.status)).toEqual(["paid", "due"]);
    // Two instalments more than 30 days late: the plan is broken (as the payments say).
    await at("2027-03-05");
    const broken = await jsonOf<RepaymentPlanView>(
      await manager.get(`/arrears/cases/${caseId}/repayment-plan`),
      200,
    );
    expect(broken.instalments.slice(0, 3).map((i) => i.status)).toEqual(["paid", "overdue", "overdue"]);
    expect(broken).toMatchObject({ status: "active", tracking: "active", overdueInstalments: 2 });
    await at("2027-03-31");
    expect(
      (await jsonOf<RepaymentPlanView>(await manager.get(`/arrears/cases/${caseId}/repayment-plan`), 200))
        .tracking,
    ).toBe("broken");
    await at("2026-11-22");
  });
});

describe("legal action", () => {
  it("is taken by a manager with a reason once the days have come and a reminder and a meeting were recorded", async () => {
    // October is the oldest month unpaid: 97 days by 10 January.
    await at("2027-01-10");
    const view = await jsonOf<ArrearsCaseView>(
      await step(manager, {
        stage: "legal",
        reason: "Piano di rientro non rispettato dopo due solleciti",
        note: "",
      }),
      201,
    );
    expect(view.stage).toBe("legal");
    expect(view.steps.at(-1)).toMatchObject({
      stage: "legal",
      takenOn: "2027-01-10",
      note: "Piano di rientro non rispettato dopo due solleciti",
    });
    await at("2026-11-22");
  });
});

describe("closing a case", () => {
  it("needs a reason, cancels the open tasks and the plan, and ends the work on the case", async () => {
    expect(
      (await problemOf(await manager.post(`/arrears/cases/${caseId}/close`, { reason: "" }), 400)).errors[0]
        ?.path,
    ).toBe("reason");
    const view = await jsonOf<ArrearsCaseView>(
      await manager.post(`/arrears/cases/${caseId}/close`, { reason: "Debito ceduto al legale" }),
      200,
    );
    expect(view).toMatchObject({
      status: "closed",
      closedOn: "2026-11-22",
      closeReason: "Debito ceduto al legale",
      options: [],
    });
    expect(view.tasks.map((t) => t.status)).toEqual(["cancelled", "cancelled"]);
    expect(view.plan?.status).toBe("cancelled");
    await problemOf(await manager.post(`/arrears/cases/${caseId}/close`, { reason: "Di nuovo" }), 409);
    await problemOf(await step(manager, { stage: "meeting", note: "" }), 409);
    // The tenancy may get a new case.
    const reopened = await jsonOf<ArrearsCaseView>(
      await manager.post("/arrears/cases", { tenancyId: behind.tenancyId }),
      201,
    );
    expect(reopened.id).not.toBe(caseId);
  });
});

describe("tasks", () => {
  it("are marked done by their assignee with an outcome", async () => {
    const open = await jsonOf<TaskList>(await educator.get("/tasks?mine=true&status=open"), 200);
    const task = open.items[0] as TaskView;
    expect(
      (await problemOf(await educator.post(`/tasks/${task.id}/done`, { outcome: " " }), 400)).errors,
    ).toEqual([{ path: "outcome", message: "outcome: at least 3 characters" }]);
    const done = await jsonOf<TaskView>(
      await educator.post(`/tasks/${task.id}/done`, {
        outcome: "Telefonata: il nucleo ha perso il lavoro, incontro fissato",
      }),
      200,
    );
    expect(done).toMatchObject({
      status: "done",
      outcome: "Telefonata: il nucleo ha perso il lavoro, incontro fissato",
    });
    expect(done.doneAt).not.toBeNull();
    await problemOf(await educator.post(`/tasks/${task.id}/done`, { outcome: "Ancora" }), 409);
    expect((await jsonOf<TaskList>(await educator.get("/tasks?mine=true&status=open"), 200)).total).toBe(0);
    const [row] = await ctx.db.select({ doneBy: tasks.doneBy }).from(tasks).where(eq(tasks.id, task.id));
    expect(row?.doneBy).toBe(educatorId);
  });

  it("are hidden from other partners and refuse bad filters", async () => {
    const task = (await jsonOf<TaskList>(await educator.get("/tasks"), 200)).items[0] as TaskView;
    await problemOf(await otherManager.post(`/tasks/${task.id}/done`, { outcome: "Non mio" }), 404);
    expect((await problemOf(await educator.get("/tasks?status=late"), 400)).errors[0]?.path).toBe("status");
  });
});
