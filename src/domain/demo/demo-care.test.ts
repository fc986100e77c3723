// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConsentGrant, consentsInForce } from "../households/consent.schema.ts";
import { DocumentFields, documentValidity } from "../households/document.schema.ts";
import { AUTONOMOUS_DESTINATIONS, followUpDueDates, hasReturned } from "../households/exit.ts";
import { InterventionInput } from "../support-plans/intervention.schema.ts";
import { SupportPlanFields, SupportPlanReviewInput } from "../support-plans/support-plan.schema.ts";
import { nextReviewDate, reviewProblems } from "../support-plans/support-plan-review.ts";
import { DEMO_CARE_COUNTS, type DemoCare, type DemoPlan, demoCare } from "./demo-care.ts";
import { DEMO_DATE, type DemoHousehold, demoHouseholds } from "./demo-households.ts";
import { DEMO_SEED, demoUnits } from "./demo-programme.ts";

const households = demoHouseholds();
const care = demoCare(households);
const byReference = new Map(households.map((h) => [h.reference, h]));
const householdOf = (reference: string) => byReference.get(reference) as DemoHousehold;
const dayOfEvent = (h: DemoHousehold, status: string) =>
  h.events
    .find((e) => e.to === status)
    ?.at.toISOString()
    .slice(0, 10) ?? null;
const active = care.plans.filter((p) => p.status === "active");
const lastDay = (p: DemoPlan) =>
  p.status === "closed" ? (dayOfEvent(householdOf(p.householdReference), "exited") as string) : DEMO_DATE;
const inDays = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** What must hold for the care records of any seed. */
function expectConsistent(hs: readonly DemoHousehold[], c: DemoCare) {
  const of = new Map(hs.map((h) => [h.reference, h]));
  for (const p of c.plans) {
    const h = of.get(p.householdReference) as DemoHousehold;
    expect(h.referral.status).toBe("accepted");
    expect(p.startDate > (h.referral.answeredAt?.toISOString().slice(0, 10) ?? ""), h.reference).toBe(true);
    expect(p.startDate <= DEMO_DATE).toBe(true);
    expect(p.status).toBe(h.status === "exited" ? "closed" : "active");
    const dates = p.reviews.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    for (const r of p.reviews) expect(reviewProblems(r, p.startDate), h.reference).toEqual([]);
    expect(p.nextReviewDate).toBe(
      nextReviewDate({
        startDate: p.startDate,
        reviewEveryMonths: p.reviewEveryMonths,
        lastReviewDate: dates.at(-1) ?? null,
      }),
    );
    expect(p.interventions.length).toBeGreaterThanOrEqual(3);
    expect(p.interventions.length).toBeLessThanOrEqual(25);
    for (const v of p.interventions) {
      expect(v.date >= p.startDate && v.date <= DEMO_DATE, h.reference).toBe(true);
    }
  }
  for (const e of c.exits) {
    expect(e.followUps.map(({ months, dueDate }) => ({ months, dueDate }))).toEqual(followUpDueDates(e.date));
    for (const f of e.followUps)
      if (f.contactedOn !== null) expect(f.contactedOn >= e.date && f.contactedOn <= DEMO_DATE).toBe(true);
  }
  const exited = hs.filter((h) => h.status === "exited").map((h) => h.reference);
  expect(c.exits.map((e) => e.householdReference).sort()).toEqual([...exited].sort());
}

describe("demo care records", () => {
  it("are the same every time, and another seed gives others", () => {
    expect(demoCare(households)).toEqual(care);
    expect(demoCare()).toEqual(care);
    expect(demoCare(households, DEMO_SEED + 1)).not.toEqual(care);
  });

  it("add up to the figures the README gives", () => {
    const sum = (n: (p: DemoPlan) => number) => care.plans.reduce((total, p) => total + n(p), 0);
    expect({
      plans: care.plans.length,
      reviews: sum((p) => p.reviews.length),
      interventions: sum((p) => p.interventions.length),
      exits: care.exits.length,
      followUps: care.exits.reduce((total, e) => total + e.followUps.length, 0),
      consents: care.consents.length,
      documents: care.documents.length,
    }).toEqual({
      plans: 238,
      reviews: 745,
      interventions: 3632,
      exits: 22,
      followUps: 66,
      consents: 852,
      documents: 873,
    });
  });

  it("give a plan to every household accepted and past the assessment, and to some assessed", () => {
    const planned = new Set(care.plans.map((p) => p.householdReference));
    expect(planned.size).toBe(care.plans.length);
    for (const h of households) {
      const stage = h.status === "suspended" ? h.suspendedFrom : h.status;
      const past = ["waiting", "offered", "housed", "exiting", "exited"].includes(stage ?? "");
      if (past && h.referral.status === "accepted") expect(planned.has(h.reference), h.reference).toBe(true);
      if (!past && stage !== "assessed") expect(planned.has(h.reference), h.reference).toBe(false);
    }
    const assessed = households.filter(
      (h) => (h.status === "suspended" ? h.suspendedFrom : h.status) === "assessed",
    );
    const assessedWithPlan = assessed.filter((h) => planned.has(h.reference)).length;
    expect(assessedWithPlan).toBeGreaterThan(0);
    expect(assessedWithPlan).toBeLessThan(assessed.length);
    expect(care.plans.length).toBeGreaterThan(200);
  });

  it("start each plan after the acceptance and by the assessment's next step, and close the exited ones'", () => {
    expectConsistent(households, care);
    for (const p of care.plans) {
      const h = householdOf(p.householdReference);
      expect(p.startDate >= (dayOfEvent(h, "assessed") ?? ""), h.reference).toBe(true);
    }
    const exited = households.filter((h) => h.status === "exited");
    expect(care.plans.filter((p) => p.status === "closed")).toHaveLength(exited.length);
  });

  it("hold plans the API accepts: 2–5 goals in distinct domains, 1–3 actions each, a team of 2–4", () => {
    for (const p of care.plans) {
      const team = p.team.map(({ account, ...m }) => ({ ...m, userId: null }));
      const fields = { ...p, team };
      const parsed = SupportPlanFields.safeParse(fields);
      expect(parsed.success ? [] : parsed.error.issues, p.householdReference).toEqual([]);
      expect(p.goals.length).toBeGreaterThanOrEqual(2);
      expect(p.goals.length).toBeLessThanOrEqual(5);
      expect(new Set(p.goals.map((g) => g.domain)).size).toBe(p.goals.length);
      for (const g of p.goals) {
        expect(g.actions.length).toBeGreaterThanOrEqual(1);
        expect(g.actions.length).toBeLessThanOrEqual(3);
        if (p.status === "closed") expect(g.actions.every((a) => a.status !== "open")).toBe(true);
      }
      expect(p.team.length).toBeGreaterThanOrEqual(2);
      expect(p.team.length).toBeLessThanOrEqual(4);
      expect(p.team.map((m) => m.role).slice(0, 2)).toEqual(["educator", "social_worker"]);
      for (const signed of [p.signatures.household, p.signatures.referringService])
        if (signed !== null) expect(signed >= p.startDate && signed <= lastDay(p)).toBe(true);
    }
    const actions = active.flatMap((p) => p.goals.flatMap((g) => g.actions));
    const overdue = actions.filter((a) => a.status === "open" && a.dueDate < DEMO_DATE);
    expect(overdue.length).toBeGreaterThan(10);
    expect(overdue.length).toBeLessThan(actions.length / 5);
    const bothSigned = care.plans.filter((p) => p.signatures.household && p.signatures.referringService);
    expect(bothSigned.length / care.plans.length).toBeGreaterThan(0.8);
    expect(care.plans.some((p) => p.signatures.household === null)).toBe(true);
  });

  it("put the demo educator on 20 active ETS-B1 teams, the social worker on a few, the manager not on all", () => {
    const withAccount = (account: string) =>
      care.plans.filter((p) => p.team.some((m) => m.account === account));
    const educator = withAccount("area_b_educator");
    // Her caseload in the demo: about twenty households.
    expect(DEMO_CARE_COUNTS.educatorActivePlans).toBe(20);
    expect(educator.filter((p) => p.status === "active")).toHaveLength(DEMO_CARE_COUNTS.educatorActivePlans);
    expect(educator.filter((p) => p.status === "closed")).toHaveLength(DEMO_CARE_COUNTS.educatorClosedPlans);
    for (const p of educator) {
      expect(householdOf(p.householdReference).managingPartnerCode).toBe("ETS-B1");
      expect(p.team.find((m) => m.account === "area_b_educator")?.role).toBe("educator");
    }
    const socialWorker = withAccount("comune_social_worker");
    expect(socialWorker).toHaveLength(DEMO_CARE_COUNTS.socialWorkerPlans);
    for (const p of socialWorker)
      expect(p.team.find((m) => m.account === "comune_social_worker")?.role).toBe("social_worker");
    // The manager is on a team for having accepted its referral: a colleague accepted some.
    const ofB1 = care.plans
      .map((p) => householdOf(p.householdReference))
      .filter((h) => h.managingPartnerCode === "ETS-B1");
    const byManager = ofB1.filter((h) => h.referral.answeredBy === "manager").length;
    expect(byManager).toBeGreaterThan(0);
    expect(byManager).toBeLessThan(ofB1.length);
  });

  it("review every plan about every 3 months since its start, autonomy 1–5 climbing, some overdue", () => {
    for (const p of care.plans) {
      expect(p.reviews[0]?.date).toBe(p.startDate);
      for (const r of p.reviews) {
        expect(SupportPlanReviewInput.parse(r)).toMatchObject({ date: r.date, autonomy: r.autonomy });
        expect(r.date <= lastDay(p)).toBe(true);
        expect(Object.keys(r.autonomy).sort()).toEqual(p.goals.map((g) => g.domain).sort());
        expect(r.notes).toContain("(dati di prova)");
      }
      for (const [i, r] of p.reviews.entries()) {
        if (i === 0) continue;
        const previous = p.reviews[i - 1]?.date as string;
        expect(r.date > inDays(previous, 70) && r.date < inDays(previous, 110), p.householdReference).toBe(
          true,
        );
      }
    }
    const overdue = active.filter((p) => p.nextReviewDate < DEMO_DATE);
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.length).toBeLessThan(active.length / 4);
    const gains = care.plans
      .filter((p) => p.reviews.length >= 3 && householdOf(p.householdReference).exit?.planned !== false)
      .flatMap((p) => {
        const [first, last] = [p.reviews[0], p.reviews.at(-1)];
        return p.goals.map((g) => (last?.autonomy[g.domain] ?? 0) - (first?.autonomy[g.domain] ?? 0));
      });
    expect(gains.reduce((a, b) => a + b, 0) / gains.length).toBeGreaterThan(0.5);
  });

  it("log 3–25 interventions per plan, plausible and plainly fictional, outside suspensions", () => {
    for (const p of care.plans) {
      const h = householdOf(p.householdReference);
      for (const v of p.interventions) {
        const { by, ...input } = v;
        expect(InterventionInput.parse(input)).toEqual(input);
        expect(v.minutes % 5).toBe(0);
        expect(v.note).toMatch(/\(dati di prova\)$/);
        expect(v.date <= lastDay(p)).toBe(true);
        expect(v.staffName === "").toBe(by !== null);
      }
      // Not met while suspended: between a suspension and the next event.
      h.events.forEach((e, i) => {
        if (e.to !== "suspended") return;
        const from = e.at.toISOString().slice(0, 10);
        const to = h.events[i + 1]?.at.toISOString().slice(0, 10) ?? "9999-12-31";
        const during = p.interventions.filter((v) => v.date > from && v.date < to);
        if (p.startDate < from) expect(during, h.reference).toEqual([]);
      });
    }
    const total = care.plans.reduce((sum, p) => sum + p.interventions.length, 0);
    expect(total).toBeGreaterThan(2000);
  });

  it("record an exit for each exited household, on its exit day, with follow-ups at 6/12/24 months", () => {
    const exited = households.filter((h) => h.status === "exited");
    expect(care.exits).toHaveLength(exited.length);
    for (const e of care.exits) {
      const h = householdOf(e.householdReference);
      expect(e.date).toBe(dayOfEvent(h, "exited"));
      expect({ destination: e.destination, planned: e.planned }).toEqual(h.exit);
      expect(e.followUps.map((f) => ({ months: f.months, dueDate: f.dueDate }))).toEqual(
        followUpDueDates(e.date),
      );
      for (const f of e.followUps) {
        if (f.dueDate >= DEMO_DATE) expect(f.contactedOn).toBeNull();
        expect(f.contactedOn === null).toBe(f.situation === null);
        if (f.contactedOn !== null) expect(f.contactedOn >= e.date && f.contactedOn <= DEMO_DATE).toBe(true);
      }
    }
    const autonomous = care.exits.filter((e) => AUTONOMOUS_DESTINATIONS.includes(e.destination));
    expect(autonomous.length / care.exits.length).toBeGreaterThan(0.6);
    expect(care.exits.some((e) => e.destination === "abandonment" && !e.planned)).toBe(true);
    expect(care.exits.some((e) => e.destination === "eviction" && !e.planned)).toBe(true);
    const due = care.exits.flatMap((e) => e.followUps.filter((f) => f.dueDate < DEMO_DATE));
    const overdue = due.filter((f) => f.contactedOn === null);
    expect(overdue).toHaveLength(DEMO_CARE_COUNTS.followUpsOverdue);
    expect(due.length - overdue.length).toBeGreaterThan(overdue.length);
    expect(care.exits.filter((e) => hasReturned(e.followUps) === true).length).toBeGreaterThanOrEqual(1);
  });

  it("record consents at the referral: 1 household withdrew processing, 2 special categories", () => {
    for (const h of households) {
      const mine = care.consents.filter((c) => c.householdReference === h.reference);
      const referral = h.referral.referredAt.toISOString().slice(0, 10);
      for (const c of mine) {
        expect(ConsentGrant.parse(c)).toMatchObject({ purpose: c.purpose, givenOn: referral });
        if (c.withdrawnOn !== null)
          expect(c.withdrawnOn >= c.givenOn && c.withdrawnOn <= DEMO_DATE).toBe(true);
      }
      expect(mine.map((c) => c.purpose).slice(0, 2)).toEqual(["processing", "special_categories"]);
      if (h.status === "exited")
        expect(consentsInForce(mine).has("follow_up_contact"), h.reference).toBe(true);
    }
    const withdrawn = (purpose: string) =>
      care.consents.filter((c) => c.purpose === purpose && c.withdrawnOn !== null);
    expect(withdrawn("processing")).toHaveLength(1);
    expect(withdrawn("special_categories")).toHaveLength(2);
    expect(withdrawn("follow_up_contact")).toHaveLength(0);
    // Off the demo educator's caseload; at ETS-B1, a household whose referral the demo manager accepted.
    const special = withdrawn("special_categories").map((c) => householdOf(c.householdReference));
    expect(special.map((h) => h.managingPartnerCode).sort()).toEqual(["ETS-B1", "ETS-B3"]);
    for (const h of special) expect(h.referral.answeredBy).toBe("manager");
    const onEducatorCaseload = (h: DemoHousehold) =>
      care.plans
        .find((p) => p.householdReference === h.reference)
        ?.team.some((m) => m.account === "area_b_educator");
    for (const h of special) expect(onEducatorCaseload(h), h.reference).toBe(false);
    expect(householdOf(withdrawn("processing")[0]?.householdReference ?? "").status).toBe("withdrawn");
    const followUp = care.consents.filter((c) => c.purpose === "follow_up_contact").length;
    expect(followUp / households.length).toBeGreaterThan(0.75);
    expect(followUp).toBeLessThan(households.length);
  });

  it("hold identity documents valid on the demo date, ISEE certificates to 15 January, social reports", () => {
    const ofKind = (kind: string) => care.documents.filter((d) => d.kind === kind);
    for (const d of care.documents) {
      const { householdReference, ofReferral, uploadedAt, ...fields } = d;
      expect(DocumentFields.parse({ ...fields, referralId: null })).toEqual({ ...fields, referralId: null });
      expect(ofReferral).toBe(d.kind === "social_report");
      if (d.issuedOn !== null) expect(d.issuedOn <= uploadedAt.toISOString().slice(0, 10)).toBe(true);
    }
    const identity = ofKind("identity_document");
    expect(identity).toHaveLength(households.length);
    for (const d of identity) expect(documentValidity(d.expiresOn, DEMO_DATE)).not.toBe("expired");
    expect(identity.filter((d) => documentValidity(d.expiresOn, DEMO_DATE) === "expiring")).toHaveLength(
      DEMO_CARE_COUNTS.identityExpiringSoon,
    );
    const isee = ofKind("isee");
    expect(isee).toHaveLength(households.filter((h) => h.iseeDate !== null).length);
    for (const d of isee) {
      const h = householdOf(d.householdReference);
      expect(d.issuedOn).toBe(h.iseeDate);
      expect(d.expiresOn).toBe(`${Number(h.iseeDate?.slice(0, 4)) + 1}-01-15`);
    }
    expect(isee.some((d) => documentValidity(d.expiresOn, DEMO_DATE) === "expired")).toBe(true);
    expect(isee.some((d) => documentValidity(d.expiresOn, DEMO_DATE) !== "expired")).toBe(true);
    const reports = ofKind("social_report");
    expect(reports.map((d) => d.householdReference).sort()).toEqual(
      households.map((h) => h.reference).sort(),
    );
    for (const d of reports) expect(d.expiresOn).toBeNull();
    const numbers = care.documents.map((d) => d.number).filter((n) => n !== "");
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^DEMO(-ISEE-)?\d{6}$/);
  });

  it("stay consistent for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const hs = demoHouseholds(seed, demoUnits(seed));
        expectConsistent(hs, demoCare(hs, seed));
      }),
      { numRuns: 4 },
    );
  });
});
