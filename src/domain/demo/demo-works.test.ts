// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { ContractorInput, isRegistrationValid } from "../works/contractor.ts";
import { missingStandards } from "../works/standards.ts";
import { CostLineInput, Phase } from "../works/works.ts";
import { demoUnits } from "./demo-programme.ts";
import { DEMO_CONTRACTORS, demoWorks } from "./demo-works.ts";

describe("the demo's works and contractors", () => {
  const units = demoUnits();
  const works = demoWorks(units);

  it("are valid records, plainly fictional", () => {
    for (const c of DEMO_CONTRACTORS) {
      expect(ContractorInput.safeParse(c).success).toBe(true);
      expect(c.name).toMatch(/\(demo\)$/);
    }
    expect(new Set(DEMO_CONTRACTORS.map((c) => c.vatNumber)).size).toBe(DEMO_CONTRACTORS.length);
    for (const w of works) {
      for (const p of w.phases) expect(Phase.safeParse(p).success).toBe(true);
      for (const c of w.costs) expect(CostLineInput.safeParse(c).success).toBe(true);
    }
  });

  it("name units of the works' partner in the status the works needs", () => {
    const byCode = new Map(units.map((u) => [u.code, u]));
    const needs = { in_progress: "renovating", completed: "available", planned: "to_renovate" } as const;
    for (const w of works) {
      expect(w.unitCodes.length).toBeGreaterThan(0);
      for (const code of w.unitCodes) {
        expect(byCode.get(code)?.managingPartnerCode).toBe(w.partnerCode);
        expect(byCode.get(code)?.status).toBe(needs[w.status]);
      }
    }
  });

  it("award and start only with a registration valid on the day, and complete only with the checklist met", () => {
    for (const w of works) {
      if (w.award === null) {
        expect(w.phases.every((p) => p.actualStart === null)).toBe(true);
        continue;
      }
      const registration = DEMO_CONTRACTORS[w.award.contractor]?.whiteList;
      expect(registration).toBeDefined();
      if (registration === undefined) continue;
      expect(isRegistrationValid(registration, w.award.on)).toBe(true);
      for (const p of w.phases)
        if (p.actualStart !== null) expect(isRegistrationValid(registration, p.actualStart)).toBe(true);
      if (w.status === "completed") expect(missingStandards(w.targetGroup, w.standardsTicked)).toEqual([]);
    }
  });
});
