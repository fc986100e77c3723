// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, scopeOfRole } from "../auth/roles.ts";
import { canManageCategory, type Organisation } from "../organisations/organisation.schema.ts";
import { CATEGORY_TARGET_SHARE } from "../units/stock-summary.ts";
import { isMilano, UNIT_CATEGORIES, UnitCreate } from "../units/unit.schema.ts";
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_ORGANISATIONS,
  DEMO_SEED,
  DEMO_USERS,
  demoUnits,
  HINTERLAND_TOWNS,
} from "./demo-programme.ts";

const units = demoUnits();
const countBy = <T, K extends string>(items: readonly T[], key: (item: T) => K) =>
  items.reduce<Partial<Record<K, number>>>((acc, item) => {
    const k = key(item);
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

/** The demo organisations as stored, with a placeholder id. */
const organisations: Organisation[] = DEMO_ORGANISATIONS.map((o, i) => ({
  ...o,
  categories: [...o.categories],
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
}));
const organisation = (code: string | null) => organisations.find((o) => o.code === code);

describe("demo units", () => {
  it("are the same every time, for the default seed and an explicit one", () => {
    expect(demoUnits()).toEqual(units);
    expect(demoUnits(DEMO_SEED)).toEqual(units);
    expect(demoUnits(DEMO_SEED + 1)).not.toEqual(units);
  });

  it("are the 488 units of the starting stock", () => {
    expect(units).toHaveLength(488);
    expect(countBy(units, (u) => u.origin)).toEqual({ municipal: 339, confiscated: 6, hinterland: 143 });
  });

  it.each([
    { origin: "municipal", count: 339, inMilano: true },
    { origin: "confiscated", count: 6, inMilano: true },
    { origin: "hinterland", count: 143, inMilano: false },
  ] as const)("has $count $origin units, in Milano: $inMilano", ({ origin, count, inMilano }) => {
    const ofOrigin = units.filter((u) => u.origin === origin);
    expect(ofOrigin).toHaveLength(count);
    for (const u of ofOrigin) {
      expect(isMilano(u.town)).toBe(inMilano);
      if (inMilano) {
        expect(u.municipio).toBeGreaterThanOrEqual(1);
        expect(u.municipio).toBeLessThanOrEqual(9);
      } else {
        expect(u.municipio).toBeNull();
        expect(HINTERLAND_TOWNS).toContain(u.town);
      }
    }
  });

  it("spreads the municipal flats over all nine municipi", () => {
    const perMunicipio = countBy(
      units.filter((u) => u.origin === "municipal"),
      (u) => String(u.municipio),
    );
    expect(Object.keys(perMunicipio).sort()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    for (const n of Object.values(perMunicipio)) expect(n).toBeGreaterThanOrEqual(37);
  });

  it("splits categories 190/127/171, each within one unit of 39/26/35 % of 488", () => {
    const perCategory = countBy(units, (u) => u.category);
    expect(perCategory).toEqual({ calmierato: 190, calmierato_ridotto: 127, fragilita: 171 });
    for (const c of UNIT_CATEGORIES) {
      expect(Math.abs((perCategory[c] ?? 0) - 488 * CATEGORY_TARGET_SHARE[c])).toBeLessThanOrEqual(1);
    }
  });

  it("mixes the categories across origins rather than in blocks", () => {
    for (const origin of ["municipal", "hinterland"] as const) {
      const categories = new Set(units.filter((u) => u.origin === origin).map((u) => u.category));
      expect(categories.size).toBe(3);
    }
  });

  it("have unique codes", () => {
    expect(new Set(units.map((u) => u.code)).size).toBe(488);
  });

  it("each pass UnitCreate unchanged", () => {
    for (const u of units) {
      const parsed = UnitCreate.safeParse(u);
      expect(parsed.success ? [] : parsed.error.issues, u.code).toEqual([]);
      expect(parsed.data).toEqual(u);
    }
  });

  it("leave a realistic share (over 25 %) still to renovate, and use every status", () => {
    const perStatus = countBy(units, (u) => u.status);
    expect(perStatus.to_renovate ?? 0).toBeGreaterThan(0.25 * 488);
    expect(Object.keys(perStatus).sort()).toEqual(
      ["available", "let", "offered", "renovating", "to_renovate", "unavailable", "vacating"].sort(),
    );
  });

  it("are managed by an Area B partner of the unit's category, which also holds the comodato", () => {
    for (const u of units) {
      const manager = organisation(u.managingPartnerCode);
      expect(manager, u.code).toBeDefined();
      if (manager === undefined) continue;
      expect(canManageCategory(manager, u.category), `${u.code} ${u.category} ${manager.code}`).toBe(true);
      expect(u.comodatoPartnerCode).toBe(u.managingPartnerCode);
    }
  });

  it("stay valid and keep the same counts for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const other = demoUnits(seed);
        expect(other).toHaveLength(488);
        expect(new Set(other.map((u) => u.code)).size).toBe(488);
        expect(countBy(other, (u) => u.category)).toEqual({
          calmierato: 190,
          calmierato_ridotto: 127,
          fragilita: 171,
        });
        for (const u of other) {
          expect(UnitCreate.safeParse(u).success, u.code).toBe(true);
          const manager = organisation(u.managingPartnerCode);
          expect(manager !== undefined && canManageCategory(manager, u.category)).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("demo organisations and users", () => {
  it("has one demo user per role, each with a unique e-mail in the demo domain", () => {
    expect(DEMO_USERS.map((u) => u.role)).toEqual([...ROLES]);
    expect(new Set(DEMO_USERS.map((u) => u.email)).size).toBe(ROLES.length);
    for (const u of DEMO_USERS) expect(u.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
    expect(DEMO_USERS.find((u) => u.role === "comune_admin")?.email).toBe(
      "comune.admin@demo.casacomune.example",
    );
  });

  it.each(DEMO_USERS.map((u) => [u.role, u.organisationCode]))(
    "%s belongs to %s, which exists",
    (_, code) => {
      expect(organisation(code)).toBeDefined();
    },
  );

  it.each([
    { role: "comune_admin", kind: "comune", area: null },
    { role: "comune_social_worker", kind: "comune", area: null },
    { role: "comune_housing_officer", kind: "comune", area: null },
    { role: "area_a", kind: "partner", area: "A" },
    { role: "area_b_manager", kind: "partner", area: "B" },
    { role: "area_b_educator", kind: "partner", area: "B" },
  ] as const)("$role works for a $kind organisation of area $area", ({ role, kind, area }) => {
    const org = organisation(DEMO_USERS.find((u) => u.role === role)?.organisationCode ?? null);
    expect(org).toMatchObject({ kind, area });
  });

  it("gives own-organisation roles a partner that manages units", () => {
    for (const u of DEMO_USERS.filter((d) => scopeOfRole(d.role) === "own_organisation")) {
      const org = organisation(u.organisationCode);
      expect(org?.categories.length ?? 0, u.role).toBeGreaterThan(0);
    }
  });

  it("covers every category with at least one Area B partner, and codes are unique", () => {
    for (const c of UNIT_CATEGORIES) {
      expect(
        organisations.some((o) => canManageCategory(o, c)),
        c,
      ).toBe(true);
    }
    expect(new Set(DEMO_ORGANISATIONS.map((o) => o.code)).size).toBe(DEMO_ORGANISATIONS.length);
  });

  it("names everything as plainly fictional", () => {
    for (const o of DEMO_ORGANISATIONS) expect(o.name).toMatch(/\(demo\)$/);
    for (const u of units) expect(u.address).toMatch(/Fittizi|Immaginari|Inventat/);
  });
});
