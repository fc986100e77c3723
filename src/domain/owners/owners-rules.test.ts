// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  OFFER_STATUSES,
  OfferAcceptance,
  OfferDecision,
  OfferInput,
  type OfferStatus,
  OwnerInput,
  UptakeInput,
} from "./owners.ts";
import {
  askedRentAgainstCap,
  monthsCovered,
  nextOfferStatuses,
  offerTransitionProblem,
  uptakeProblems,
} from "./owners-rules.ts";

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join("."));

describe("an offered home's status", () => {
  const allowed: [OfferStatus, OfferStatus][] = [
    ["offered", "under_review"],
    ["offered", "declined"],
    ["offered", "withdrawn"],
    ["under_review", "accepted"],
    ["under_review", "declined"],
    ["under_review", "withdrawn"],
  ];
  const cases = OFFER_STATUSES.flatMap((from) =>
    OFFER_STATUSES.map((to) => [from, to, allowed.some(([f, t]) => f === from && t === to)] as const),
  );
  it.each(cases)("%s → %s allowed: %s", (from, to, ok) => {
    expect(offerTransitionProblem(from, to) === null).toBe(ok);
    expect(nextOfferStatuses(from).includes(to)).toBe(ok);
  });

  it.each([
    ["offered", "accepted", "An offer is reviewed (under_review) before it is accepted"],
    ["accepted", "declined", "The offer is accepted: that is final"],
    ["declined", "under_review", "The offer is declined: that is final"],
    ["withdrawn", "accepted", "The offer is withdrawn: that is final"],
    ["under_review", "under_review", "An offer under_review cannot become under_review"],
  ] as const)("explains %s → %s", (from, to, message) => {
    expect(offerTransitionProblem(from, to)).toBe(message);
  });
});

describe("the calendar months a guarantee runs (to inclusive)", () => {
  it.each([
    ["2026-12-01", "2026-12-01", 1],
    ["2026-12-01", "2026-12-31", 1],
    ["2026-12-01", "2027-01-01", 2],
    ["2026-12-01", "2027-11-30", 12],
    ["2026-12-01", "2027-12-01", 13],
    ["2026-12-15", "2027-12-14", 12],
    ["2026-12-15", "2027-12-15", 13],
    ["2026-01-31", "2026-02-27", 1],
    ["2026-01-31", "2026-02-28", 2],
    ["2026-03-01", "2026-02-28", 0],
  ])("%s..%s is %i months", (from, to, months) => {
    expect(monthsCovered(from, to)).toBe(months);
  });
});

describe("a guarantee within its scheme's terms", () => {
  const scheme = { maxCoverCents: 600_000, maxMonths: 12, active: true };
  const uptake = { from: "2026-12-01", to: "2027-11-30", coverCents: 600_000 };
  it.each([
    ["at the scheme's most cover and months", "accepted", {}, {}, []],
    ["a cent over the cover", "accepted", { coverCents: 600_001 }, {}, ["coverCents"]],
    ["a day into a thirteenth month", "accepted", { to: "2027-12-01" }, {}, ["to"]],
    ["over both", "accepted", { coverCents: 700_000, to: "2028-06-30" }, {}, ["coverCents", "to"]],
    ["on a declined home", "declined", {}, {}, ["status"]],
    ["on a home under review", "under_review", {}, {}, ["status"]],
    ["on a home offered", "offered", {}, {}, ["status"]],
    ["of a scheme no longer offered", "accepted", {}, { active: false }, ["schemeId"]],
  ] as const)("%s", (_case, status, change, schemeChange, paths) => {
    const problems = uptakeProblems({ ...scheme, ...schemeChange }, status, { ...uptake, ...change });
    expect(problems.map((p) => p.path)).toEqual(paths);
  });

  it("makes an offer not accepted a conflict, the terms unprocessable", () => {
    const problems = uptakeProblems(scheme, "withdrawn", { ...uptake, coverCents: 900_000 });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ["status", "CONFLICT"],
      ["coverCents", "UNPROCESSABLE"],
    ]);
  });
});

describe("the rent asked against the category's cap (a figure, not a refusal)", () => {
  it.each([
    // 60 m² at 75 €/m²/year: 4,500 € a year, 375 € a month.
    [40_000, "calmierato", 60, 37_500, 2_500],
    [37_500, "calmierato", 60, 37_500, 0],
    [30_000, "calmierato", 60, 37_500, -7_500],
    // 60 m² at 55 €/m²/year: 3,300 € a year, 275 € a month.
    [40_000, "calmierato_ridotto", 60, 27_500, 12_500],
    // 45.5 m² at 75: 3,412.50 € a year, 284.37 € a month (rounded down).
    [30_000, "calmierato", 45.5, 28_437, 1_563],
    [50_000, "fragilita", 60, null, null],
  ] as const)("%i asked for %s, %f m²", (asked, category, surface, cap, over) => {
    expect(askedRentAgainstCap(asked, category, surface)).toEqual({
      category,
      maxMonthlyRentCents: cap,
      overCapCents: over,
    });
  });
});

describe("the inputs name the field they break", () => {
  it.each([
    [{ kind: "association", name: "ANACI Milano (demo)", town: "Milano", municipio: 3 }, []],
    [{ kind: "individual", name: "Ada Esempio (demo)", town: "milano" }, []],
    [{ kind: "individual", name: "Ada Esempio (demo)", town: "Rho", municipio: 2 }, ["municipio"]],
    [{ kind: "individual", name: "Ada Esempio (demo)", town: "Milano", municipio: 10 }, ["municipio"]],
    [{ kind: "landlord", name: "Ada Esempio (demo)", town: "Milano" }, ["kind"]],
    [{ kind: "agency", name: "", town: "Milano" }, ["name"]],
  ])("owner %j", (input, paths) => {
    expect(pathsOf(OwnerInput.safeParse(input))).toEqual(paths);
  });

  it("spells Milano one way", () => {
    expect(OwnerInput.parse({ kind: "company", name: "Immobiliare (demo)", town: " MILANO " }).town).toBe(
      "Milano",
    );
  });

  const offer = {
    address: "Via Fittizia dei Glicini 7",
    town: "Milano",
    municipio: 4,
    surfaceM2: 58.5,
    rooms: 3,
    askedRentCents: 65_000,
    offeredOn: "2026-10-01",
  };
  it.each([
    [{}, []],
    [{ town: "Sesto San Giovanni", municipio: null }, []],
    [{ surfaceM2: 0 }, ["surfaceM2"]],
    [{ surfaceM2: 50.123 }, ["surfaceM2"]],
    [{ rooms: 0 }, ["rooms"]],
    [{ askedRentCents: -1 }, ["askedRentCents"]],
    [{ askedRentCents: 650.5 }, ["askedRentCents"]],
    [{ municipio: null }, ["municipio"]],
    [{ town: "Rho" }, ["municipio"]],
    [{ offeredOn: "01/10/2026" }, ["offeredOn"]],
  ])("offer %j", (change, paths) => {
    expect(pathsOf(OfferInput.safeParse({ ...offer, ...change }))).toEqual(paths);
  });

  it.each([
    [{ status: "under_review" }, []],
    [{ status: "declined" }, ["reason"]],
    [{ status: "withdrawn", reason: "  " }, ["reason"]],
    [{ status: "declined", reason: "Too far from the services (demo)" }, []],
    [{ status: "accepted" }, ["status"]],
    [{ status: "under_review", version: 0 }, ["version"]],
  ])("decision %j", (change, paths) => {
    const input = { decidedOn: "2026-11-01", version: 1, ...change };
    expect(pathsOf(OfferDecision.safeParse(input))).toEqual(paths);
  });

  it.each([
    [{}, []],
    [{ code: "" }, ["code"]],
    [{ category: "lusso" }, ["category"]],
    [{ managingPartnerCode: null }, ["managingPartnerCode"]],
    [{ energyClass: "Z" }, ["energyClass"]],
  ])("acceptance %j", (change, paths) => {
    const input = {
      code: "PR-0001",
      category: "calmierato",
      managingPartnerCode: "ETS-B1",
      floor: 2,
      bedrooms: 2,
      condition: "good",
      decidedOn: "2026-11-10",
      version: 2,
      ...change,
    };
    expect(pathsOf(OfferAcceptance.safeParse(input))).toEqual(paths);
  });

  it.each([
    [{}, []],
    [{ to: "2026-11-30" }, ["to"]],
    [{ coverCents: 0 }, ["coverCents"]],
    [{ schemeId: "fund" }, ["schemeId"]],
  ])("uptake %j", (change, paths) => {
    const input = {
      schemeId: "6f1c1d2e-0000-4000-8000-000000000001",
      from: "2026-12-01",
      to: "2027-11-30",
      coverCents: 300_000,
      ...change,
    };
    expect(pathsOf(UptakeInput.safeParse(input))).toEqual(paths);
  });
});
