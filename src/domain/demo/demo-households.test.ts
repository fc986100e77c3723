// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fiscalCodeBirth, fiscalCodeProblem } from "../households/fiscal-code.ts";
import { HouseholdFields, householdProblems, TARGET_GROUPS } from "../households/household.schema.ts";
import { DEFAULT_REFERRAL_DUE_DAYS, SocialReport } from "../households/household-api.schema.ts";
import {
  canMoveHousehold,
  canResume,
  HOUSEHOLD_STATUSES,
  type HouseholdStatus,
  householdDurations,
} from "../households/household-status.ts";
import { canManageCategory, type Organisation } from "../organisations/organisation.schema.ts";
import type { UnitCreate } from "../units/unit.schema.ts";
import {
  DEMO_BIRTHPLACE,
  DEMO_DATE,
  DEMO_EXIT_MIX,
  DEMO_REFERRAL_DUE_DAYS,
  DEMO_STAGE_COUNTS,
  type DemoHousehold,
  demoFiscalCode,
  demoHouseholds,
  EARLY_EXIT_BY,
} from "./demo-households.ts";
import { DEMO_EMAIL_DOMAIN, DEMO_ORGANISATIONS, DEMO_SEED, demoUnits } from "./demo-programme.ts";

const units = demoUnits();
const households = demoHouseholds();
const countBy = <T, K extends string>(items: readonly T[], key: (item: T) => K) =>
  items.reduce<Partial<Record<K, number>>>((acc, item) => {
    const k = key(item);
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

const organisations: Organisation[] = DEMO_ORGANISATIONS.map((o, i) => ({
  ...o,
  categories: [...o.categories],
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
}));
const organisation = (code: string | null) => organisations.find((o) => o.code === code);
const END_OF_DEMO_DATE = new Date(`${DEMO_DATE}T23:59:59Z`);
const DAY_MS = 86_400_000;

const fieldsOf = (h: DemoHousehold): HouseholdFields => ({
  targetGroup: h.targetGroup,
  category: h.category,
  needs: h.needs,
  accessibilityNeed: h.accessibilityNeed,
  priority: h.priority,
  housingSituation: h.housingSituation,
  phone: h.phone,
  email: h.email,
  incomeCents: h.incomeCents,
  iseeCents: h.iseeCents,
  iseeDate: h.iseeDate,
  members: h.members,
});

/** The households in a unit's status, per partner and category, against those units. */
function occupancy(hs: readonly DemoHousehold[], us: readonly UnitCreate[]) {
  const key = (partner: string | null, category: string) => `${partner} ${category}`;
  const housed = countBy(
    hs.filter((h) => h.status === "housed" || h.status === "exiting"),
    (h) => key(h.managingPartnerCode, h.category),
  );
  const let_ = countBy(
    us.filter((u) => u.status === "let"),
    (u) => key(u.managingPartnerCode, u.category),
  );
  const offered = countBy(
    hs.filter((h) => h.status === "offered"),
    (h) => key(h.managingPartnerCode, h.category),
  );
  const offeredUnits = countBy(
    us.filter((u) => u.status === "offered"),
    (u) => key(u.managingPartnerCode, u.category),
  );
  return { housed, let: let_, offered, offeredUnits };
}

function expectConsistentWithUnits(hs: readonly DemoHousehold[], us: readonly UnitCreate[]) {
  const o = occupancy(hs, us);
  for (const [key, n] of Object.entries(o.housed)) expect(n, key).toBeLessThanOrEqual(o.let[key] ?? 0);
  for (const [key, n] of Object.entries(o.offered))
    expect(n, key).toBeLessThanOrEqual(o.offeredUnits[key] ?? 0);
  const byCode = new Map(us.map((u) => [u.code, u]));
  const inUnits = hs.filter((h) => h.unitCode !== null);
  expect(new Set(inUnits.map((h) => h.unitCode)).size).toBe(inUnits.length);
  for (const h of inUnits) {
    const unit = byCode.get(h.unitCode as string);
    expect(unit, h.reference).toBeDefined();
    if (unit === undefined) continue;
    expect(unit.status).toBe(h.status === "offered" ? "offered" : "let");
    expect([unit.managingPartnerCode, unit.category]).toEqual([h.managingPartnerCode, h.category]);
    expect(h.members.length, h.reference).toBeLessThanOrEqual(unit.rooms === 1 ? 2 : unit.bedrooms * 2 + 1);
    if (h.accessibilityNeed === "wheelchair") expect(unit.wheelchairAdapted, h.reference).toBe(true);
    if (h.accessibilityNeed === "step_free") expect(unit.stepFree, h.reference).toBe(true);
  }
}

describe("demo households", () => {
  it("are the same every time, for the default seed and an explicit one", () => {
    expect(demoHouseholds()).toEqual(households);
    expect(demoHouseholds(DEMO_SEED)).toEqual(households);
    expect(demoHouseholds(DEMO_SEED + 1)).not.toEqual(households);
  });

  it("are about 300, in every stage of the path", () => {
    const letUnits = units.filter((u) => u.status === "let").length;
    const offeredUnits = units.filter((u) => u.status === "offered").length;
    const c = DEMO_STAGE_COUNTS;
    expect(countBy(households, (h) => h.status)).toEqual({
      referred: c.referredPending + c.referredReturned,
      assessed: c.assessed,
      waiting: c.waiting,
      offered: offeredUnits,
      housed: letUnits - c.exiting,
      exiting: c.exiting,
      exited: c.exited,
      suspended: c.suspended,
      withdrawn: c.withdrawn,
    });
    expect(Object.keys(countBy(households, (h) => h.status)).sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
    expect(households.length).toBeGreaterThanOrEqual(280);
    expect(households.length).toBeLessThanOrEqual(320);
  });

  it("cover all seven target groups, each with at least ten households", () => {
    const perGroup = countBy(households, (h) => h.targetGroup);
    expect(Object.keys(perGroup).sort()).toEqual([...TARGET_GROUPS].sort());
    for (const n of Object.values(perGroup)) expect(n).toBeGreaterThanOrEqual(10);
  });

  it("each pass HouseholdFields unchanged and have no household problem on DEMO_DATE", () => {
    for (const h of households) {
      const fields = fieldsOf(h);
      const parsed = HouseholdFields.safeParse(fields);
      expect(parsed.success ? [] : parsed.error.issues, h.reference).toEqual([]);
      expect(parsed.data).toEqual(fields);
      expect(householdProblems(fields, DEMO_DATE), h.reference).toEqual([]);
    }
  });

  it("have fiscal codes valid by their check character, born in X999, each person once", () => {
    const people = households.flatMap((h) => h.members);
    for (const p of people) {
      expect(fiscalCodeProblem(p.fiscalCode), p.fiscalCode).toBeNull();
      expect(p.fiscalCode.slice(11, 15)).toBe(DEMO_BIRTHPLACE);
      expect(fiscalCodeBirth(p.fiscalCode, new Date(`${DEMO_DATE}T00:00:00Z`))).toEqual({
        birthDate: p.birthDate,
        sex: p.sex,
      });
    }
    expect(new Set(people.map((p) => p.fiscalCode)).size).toBe(people.length);
  });

  it("derive the name letters of the code as the rules say", () => {
    expect(
      demoFiscalCode({ familyName: "Rossi", givenName: "Mario", birthDate: "1980-01-01", sex: "M" }).slice(
        0,
        11,
      ),
    ).toBe("RSSMRA80A01");
    expect(
      demoFiscalCode({ familyName: "Fo", givenName: "Francesca", birthDate: "1990-12-31", sex: "F" }),
    ).toMatch(/^FOXFNC90T71X999[A-Z]$/);
    expect(
      demoFiscalCode({ familyName: "Esempi", givenName: "Ion", birthDate: "2004-06-15", sex: "M" }),
    ).toMatch(/^SMPNIO04H15X999[A-Z]$/);
  });

  it("have one head, adults at the head, children younger than their parent", () => {
    for (const h of households) {
      const head = h.members[0];
      expect(head?.relationship, h.reference).toBe("head");
      const referral = h.referral.referredAt.toISOString().slice(0, 10);
      const ageAt = (birth: string) => Number(referral.slice(0, 4)) - Number(birth.slice(0, 4));
      expect(ageAt(head?.birthDate ?? ""), h.reference).toBeGreaterThanOrEqual(18);
      if (h.targetGroup === "neo_maggiorenni") expect(ageAt(head?.birthDate ?? "")).toBeLessThanOrEqual(22);
      if (h.targetGroup === "anziano_solo") expect(ageAt(head?.birthDate ?? "")).toBeGreaterThanOrEqual(65);
      if (h.targetGroup === "donna_sola") expect(head?.sex).toBe("F");
      if (h.targetGroup === "uomo_solo") expect(head?.sex).toBe("M");
      for (const child of h.members.filter((m) => m.relationship === "child")) {
        expect(child.birthDate > (head?.birthDate ?? ""), h.reference).toBe(true);
        expect(child.birthDate < referral).toBe(true);
      }
    }
  });

  it("mix citizenships and mark a migrant background only with a foreign citizenship", () => {
    const perCitizenship = countBy(households, (h) => h.members[0]?.citizenship ?? "");
    expect(Object.keys(perCitizenship).length).toBeGreaterThanOrEqual(6);
    expect((perCitizenship.IT ?? 0) / households.length).toBeGreaterThan(0.4);
    expect((perCitizenship.IT ?? 0) / households.length).toBeLessThan(0.8);
    for (const h of households.filter((x) => x.needs.includes("migrant_background"))) {
      expect(h.members[0]?.citizenship, h.reference).not.toBe("IT");
    }
  });

  it("use every need, and hold income and ISEE in whole cents", () => {
    const needs = new Set(households.flatMap((h) => h.needs));
    expect(needs.size).toBe(5);
    for (const h of households) {
      if (h.incomeCents !== null) expect(Number.isInteger(h.incomeCents)).toBe(true);
      expect(h.iseeCents === null).toBe(h.iseeDate === null);
    }
    expect(households.filter((h) => h.iseeCents === null).length).toBeGreaterThan(0);
  });

  it("are managed by an Area B partner of their category, except the returned referrals", () => {
    for (const h of households) {
      if (h.referral.status === "returned") {
        expect(h.managingPartnerCode, h.reference).toBeNull();
        expect(h.status).toBe("referred");
      } else {
        expect(h.managingPartnerCode).toBe(h.referral.partnerCode);
      }
      const partner = organisation(h.referral.partnerCode);
      expect(partner !== undefined && canManageCategory(partner, h.category), h.reference).toBe(true);
      expect(h.referringOrganisationCode).toBe("COMUNE-MI");
    }
    const perPartner = countBy(households, (h) => String(h.managingPartnerCode));
    for (const code of ["ETS-B1", "ETS-B2", "ETS-B3"]) expect(perPartner[code] ?? 0).toBeGreaterThan(50);
  });

  it("never house more households than a partner has let units of the category", () => {
    expectConsistentWithUnits(households, units);
  });

  it("go through their statuses by allowed moves, in order, over 2025–2026", () => {
    for (const h of households) {
      const [first, ...rest] = h.events;
      expect(first).toMatchObject({ from: null, to: "referred", by: "social_services" });
      expect(first?.at).toEqual(h.referral.referredAt);
      let previous = first;
      let suspendedFrom: HouseholdStatus | null = null;
      for (const e of rest) {
        expect(e.from, h.reference).toBe(previous?.to);
        expect(canMoveHousehold(e.from as HouseholdStatus, e.to), `${h.reference} ${e.from}→${e.to}`).toBe(
          true,
        );
        if (e.from === "suspended") expect(canResume(suspendedFrom, e.to), h.reference).toBe(true);
        if (e.to === "suspended") suspendedFrom = e.from;
        expect(e.at.getTime() - (previous?.at.getTime() ?? 0), h.reference).toBeGreaterThan(0);
        if (e.to === "offered" || e.to === "housed") expect(e.at >= new Date("2026-01-01")).toBe(true);
        previous = e;
      }
      expect(previous?.to).toBe(h.status);
      expect(h.suspendedFrom).toBe(h.status === "suspended" ? suspendedFrom : null);
      expect(h.events[0]?.at.getUTCFullYear()).toBeGreaterThanOrEqual(2025);
      expect(previous?.at.getTime()).toBeLessThanOrEqual(END_OF_DEMO_DATE.getTime());
      const { daysIn } = householdDurations(
        h.events.map((e) => ({ at: e.at, from: e.from, to: e.to })),
        END_OF_DEMO_DATE,
      );
      expect(Object.values(daysIn).reduce((a, b) => a + b, 0)).toBe(
        Math.floor(END_OF_DEMO_DATE.getTime() / DAY_MS) - Math.floor((first?.at.getTime() ?? 0) / DAY_MS),
      );
    }
  });

  it("give partners the API's default days to answer a referral", () => {
    expect(DEMO_REFERRAL_DUE_DAYS).toBe(DEFAULT_REFERRAL_DUE_DAYS);
  });

  it("have a referral: pending (some overdue) or returned at referral, accepted in time past it", () => {
    const c = DEMO_STAGE_COUNTS;
    expect(countBy(households, (h) => h.referral.status)).toEqual({
      pending: c.referredPending,
      returned: c.referredReturned,
      accepted: households.length - c.referredPending - c.referredReturned,
    });
    const overdue = households.filter(
      (h) => h.referral.status === "pending" && h.referral.dueAt < new Date(`${DEMO_DATE}T00:00:00Z`),
    );
    expect(overdue).toHaveLength(c.referredOverdue);
    for (const h of households) {
      const r = h.referral;
      expect(r.dueAt.getTime() - r.referredAt.getTime()).toBe(DEMO_REFERRAL_DUE_DAYS * DAY_MS);
      expect(SocialReport.parse(r.report)).toEqual(r.report);
      expect(r.report.servicesInvolved).toMatch(/^Servizio sociale territoriale, Municipio [1-9]/);
      if (h.status === "referred") expect(["pending", "returned"]).toContain(r.status);
      else expect(r.status, h.reference).toBe("accepted");
      if (r.status === "pending") {
        expect(r.answeredAt).toBeNull();
        expect(r.returnReason).toBeNull();
      } else {
        expect(r.answeredAt !== null && r.answeredAt > r.referredAt, h.reference).toBe(true);
        expect(r.answeredAt !== null && r.answeredAt <= END_OF_DEMO_DATE).toBe(true);
        expect(r.returnReason === null).toBe(r.status === "accepted");
      }
      if (r.status === "accepted") {
        expect(r.answeredAt !== null && r.answeredAt <= r.dueAt, h.reference).toBe(true);
        expect(r.answeredAt !== null && r.answeredAt < (h.events[1]?.at ?? r.dueAt), h.reference).toBe(true);
      }
    }
  });

  it("say how the exited left, early enough for some 6-month follow-ups to be due, in their notes", () => {
    const exited = households.filter((h) => h.status === "exited");
    expect(DEMO_EXIT_MIX.reduce((sum, [, n]) => sum + n, 0)).toBe(DEMO_STAGE_COUNTS.exited);
    expect(countBy(exited, (h) => h.exit?.destination ?? "none")).toEqual(
      Object.fromEntries(DEMO_EXIT_MIX.map(([destination, n]) => [destination, n])),
    );
    for (const h of households) expect(h.exit === null, h.reference).toBe(h.status !== "exited");
    for (const h of exited) {
      const unplanned = h.exit?.destination === "abandonment" || h.exit?.destination === "eviction";
      expect(h.exit?.planned, h.reference).toBe(!unplanned);
      const [exiting, out] = h.events.slice(-2);
      expect(out?.note, h.reference).not.toBe(exiting?.note);
      if (unplanned) expect(out?.note).toMatch(/non concordata|risoluzione/);
      else expect(out?.note).not.toMatch(/non concordata|risoluzione/);
    }
    const early = exited.filter(
      (h) => (h.events.at(-1)?.at.toISOString().slice(0, 10) ?? "") <= EARLY_EXIT_BY,
    );
    expect(early.length).toBeGreaterThanOrEqual(DEMO_EXIT_MIX.reduce((sum, [, , n]) => sum + n, 0));
  });

  it("have referrals answered by the partner's manager, or by a colleague for some", () => {
    for (const h of households)
      expect(h.referral.answeredBy === null, h.reference).toBe(h.referral.answeredAt === null);
    const answeredBy = countBy(
      households.filter((h) => h.referral.status === "accepted"),
      (h) => String(h.referral.answeredBy),
    );
    expect(answeredBy.manager ?? 0).toBeGreaterThan(answeredBy.colleague ?? 0);
    expect(answeredBy.colleague ?? 0).toBeGreaterThan(20);
  });

  it("have references NUC-YYYY-NNNNN, numbered per year in the order of referral", () => {
    const refs = households.map((h) => h.reference);
    expect(new Set(refs).size).toBe(refs.length);
    for (const year of [2025, 2026]) {
      const ofYear = households.filter((h) => h.referral.referredAt.getUTCFullYear() === year);
      expect(ofYear.length).toBeGreaterThan(0);
      const sorted = [...ofYear].sort(
        (a, b) => a.referral.referredAt.getTime() - b.referral.referredAt.getTime(),
      );
      expect(sorted.map((h) => h.reference)).toEqual(
        sorted.map((_, i) => `NUC-${year}-${String(i + 1).padStart(5, "0")}`),
      );
    }
  });

  it("name everybody as plainly fictional: invented family names, demo e-mails", () => {
    for (const h of households) {
      if (h.email !== "") expect(h.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
      expect(h.phone).toBe("");
    }
    const familyNames = new Set(households.flatMap((h) => h.members.map((m) => m.familyName)));
    expect(familyNames.size).toBeLessThanOrEqual(20);
  });

  it("stay valid and consistent with the units for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const otherUnits = demoUnits(seed);
        const other = demoHouseholds(seed, otherUnits);
        expectConsistentWithUnits(other, otherUnits);
        for (const h of other) {
          expect(householdProblems(fieldsOf(h), DEMO_DATE), h.reference).toEqual([]);
          for (const m of h.members) expect(fiscalCodeProblem(m.fiscalCode)).toBeNull();
          expect(h.events.at(-1)?.to).toBe(h.status);
          expect((h.events.at(-1)?.at.getTime() ?? 0) <= END_OF_DEMO_DATE.getTime()).toBe(true);
        }
      }),
      { numRuns: 8 },
    );
  });
});
