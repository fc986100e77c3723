// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../eligibility/rules.schema.ts";
import type { AllocationBounds } from "./assignment.ts";
import { explainPair } from "./explain.ts";
import {
  buildRunSnapshot,
  canonicalJson,
  defaultRunBounds,
  type RunHousehold,
  type RunSnapshot,
  type RunUnit,
  reachableDefaultBounds,
  replayRun,
  sameOutcome,
} from "./run-snapshot.ts";

const TODAY = "2026-06-01";
const NO_FACTS = {
  knownToSocialServices: false,
  completedPreviousPath: false,
  prospectOfAutonomy: false,
  ableToCoPay: false,
  difficultyAccessingPublicHousing: false,
};

const unit = (code: string, overrides: Partial<RunUnit> = {}): RunUnit => ({
  id: `u-${code}`,
  code,
  category: "calmierato",
  rooms: 3,
  bedrooms: 2,
  surfaceM2: 60,
  floor: 1,
  lift: true,
  stepFree: false,
  wheelchairAdapted: false,
  managingPartnerCode: "ETS-B1",
  ...overrides,
});

type HouseholdInput = Omit<RunHousehold, "score" | "tieBreakerSeed">;
const household = (reference: string, overrides: Partial<HouseholdInput> = {}): HouseholdInput => ({
  id: `h-${reference}`,
  reference,
  referredOn: "2026-01-01",
  category: "calmierato",
  referralType: "social_services",
  targetGroup: "monoparentale",
  size: 2,
  needs: ["economic_fragility"],
  accessibilityNeed: "none",
  priority: NO_FACTS,
  incomeCents: 3_000_000,
  iseeCents: 800_000,
  managingPartnerCode: "ETS-B1",
  ...overrides,
});

const snapshotOf = (units: RunUnit[], households: HouseholdInput[], bounds: AllocationBounds = {}) =>
  buildRunSnapshot({
    rulesVersion: 0,
    rules: DEFAULT_RULES,
    today: TODAY,
    seed: "",
    units,
    households,
    bounds,
  });

const explain = async (snapshot: RunSnapshot, reference: string, code: string) => {
  const outcome = await replayRun(snapshot);
  return explainPair(
    snapshot,
    outcome,
    snapshot.households.findIndex((h) => h.reference === reference),
    snapshot.units.findIndex((u) => u.code === code),
  );
};

const urgent = { ...NO_FACTS, knownToSocialServices: true };

describe("explainPair", () => {
  it.each<[string, () => RunSnapshot, string, string, string, RegExp]>([
    ["an offer", () => snapshotOf([unit("A")], [household("H1")]), "H1", "A", "matched", /^matched$/],
    [
      "a household too large for the unit",
      () => snapshotOf([unit("A")], [household("H1"), household("H2", { size: 6 })]),
      "H2",
      "A",
      "not_eligible",
      /^not eligible: surface$/,
    ],
    [
      "a unit that went to a household of higher priority",
      () => snapshotOf([unit("A")], [household("H1", { priority: urgent }), household("H2")]),
      "H2",
      "A",
      "unit_taken",
      /^unit went to H1 \(weight [\d.]+ ≥ [\d.]+\)$/,
    ],
    [
      "a household placed in another unit",
      () => snapshotOf([unit("A"), unit("B", { rooms: 2, surfaceM2: 40 })], [household("H1")]),
      "H1",
      "A",
      "household_placed",
      /^the household got B instead/,
    ],
    [
      "a category at its max",
      () => snapshotOf([unit("A")], [household("H1")], { category: { calmierato: { max: 0 } } }),
      "H1",
      "A",
      "bound_binding",
      /^category bound calmierato binding$/,
    ],
    [
      "a target group at its max",
      () => snapshotOf([unit("A")], [household("H1")], { targetGroup: { monoparentale: { max: 0 } } }),
      "H1",
      "A",
      "bound_binding",
      /^target-group bound monoparentale binding$/,
    ],
    [
      "an infeasible run",
      () => snapshotOf([unit("A")], [household("H1")], { category: { calmierato: { min: 2 } } }),
      "H1",
      "A",
      "run_infeasible",
      /bounds could not be met/,
    ],
  ])("explains %s", async (_name, make, reference, code, kind, text) => {
    const explanation = await explain(make(), reference, code);
    expect(explanation.outcome.kind).toBe(kind);
    expect(explanation.text).toMatch(text);
    expect(explanation.checks).toHaveLength(9);
  });

  it("gives each rule, the priority components, the rank by weight and a reduced cost ≥ 0", async () => {
    const snapshot = snapshotOf(
      [unit("A")],
      [household("H1", { priority: urgent }), household("H2"), household("H3", { size: 6 })],
    );
    const first = await explain(snapshot, "H1", "A");
    const second = await explain(snapshot, "H2", "A");
    const third = await explain(snapshot, "H3", "A");
    expect([first.rank, second.rank, third.rank]).toEqual([1, 2, null]);
    expect(first.rankOf).toBe(2);
    expect(first.reducedCost).toBe(0);
    expect(second.reducedCost).toBeGreaterThanOrEqual(0);
    expect(third.weight).toBeNull();
    expect(first.priority.components.map((c) => [c.kind, c.name])).toEqual([
      ["base", "base"],
      ["fact", "knownToSocialServices"],
      ["need", "economic_fragility"],
      ["waiting", "waiting"],
      ["tie_breaker", "tie_breaker"],
    ]);
    expect(third.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual(["surface"]);
  });
});

describe("a run's snapshot", () => {
  const snapshot = snapshotOf(
    [unit("A"), unit("B", { rooms: 2, surfaceM2: 40 }), unit("C", { rooms: 4, surfaceM2: 80 })],
    [household("H1", { priority: urgent }), household("H2", { size: 4 }), household("H3", { size: 1 })],
  );
  const hash = (s: RunSnapshot) => createHash("sha256").update(canonicalJson(s)).digest("hex");

  it("replays to the identical result from its JSON alone", async () => {
    const first = await replayRun(snapshot);
    const again = await replayRun(JSON.parse(JSON.stringify(snapshot)) as RunSnapshot);
    expect(first.status).toBe("optimal");
    expect(first.certificate.valid).toBe(true);
    expect(sameOutcome(first, again)).toBe(true);
    expect(again).toEqual(first);
    expect(hash(JSON.parse(JSON.stringify(snapshot)) as RunSnapshot)).toBe(hash(snapshot));
  });

  it("hashes to something else once a weight is tampered with", async () => {
    const tampered = structuredClone(snapshot);
    const pair = tampered.pairs[0] as [number, number, number];
    pair[2] += 0.001;
    expect(hash(tampered)).not.toBe(hash(snapshot));
  });

  it("hashes the same whatever the order of keys", async () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});

describe("defaultRunBounds", () => {
  it.each([
    [10, { calmierato: [2, 5], calmierato_ridotto: [1, 4], fragilita: [2, 5] }],
    [100, { calmierato: [29, 49], calmierato_ridotto: [16, 36], fragilita: [25, 45] }],
    [1, { calmierato: [0, 1], calmierato_ridotto: [0, 1], fragilita: [0, 1] }],
  ])("keeps %i units within 39/26/35 ± 10 points", (units, expected) => {
    const bounds = defaultRunBounds(units).category ?? {};
    expect(Object.fromEntries(Object.entries(bounds).map(([c, b]) => [c, [b?.min, b?.max]]))).toEqual(
      expected,
    );
  });
});

describe("refusals and holds in a run", () => {
  it("leaves out a unit the household refused, and says so", async () => {
    const snapshot = snapshotOf([unit("A"), unit("B")], [household("H1", { refusedUnitIds: ["u-A"] })]);
    expect(snapshot.pairs.map(([u]) => snapshot.units[u]?.code)).toEqual(["B"]);
    const explanation = await explain(snapshot, "H1", "A");
    expect(explanation.outcome.kind).toBe("not_eligible");
    expect(explanation.checks.find((c) => c.rule === "refused")).toMatchObject({ passed: false });
  });

  it("keeps a held unit for its household only, until the hold expires", async () => {
    const held = (expiresOn: string) =>
      buildRunSnapshot({
        rulesVersion: 0,
        rules: DEFAULT_RULES,
        today: TODAY,
        seed: "",
        units: [unit("A")],
        households: [household("H1", { priority: urgent }), household("H2")],
        bounds: {},
        holds: [{ unitId: "u-A", householdId: "h-H2", expiresOn }],
      });
    const active = held(TODAY);
    expect(active.pairs.map(([, h]) => active.households[h]?.reference)).toEqual(["H2"]);
    expect((await replayRun(active)).assignments.map((a) => a.householdReference)).toEqual(["H2"]);
    const expired = held("2026-05-31");
    expect(expired.holds).toEqual([]);
    expect(expired.pairs.map(([, h]) => expired.households[h]?.reference)).toEqual(["H1", "H2"]);
  });

  it("counts the waiting time from the day a refusal lost the place", () => {
    const snapshot = snapshotOf(
      [unit("A")],
      [
        household("H1", { referredOn: "2024-01-01" }),
        household("H2", { referredOn: "2024-01-01", waitingFrom: "2026-05-01" }),
      ],
    );
    const waiting = (reference: string) =>
      snapshot.households
        .find((h) => h.reference === reference)
        ?.score.components.find((c) => c.kind === "waiting")?.points;
    expect(waiting("H1")).toBe(DEFAULT_RULES.priority.waiting.maxPoints);
    expect(waiting("H2")).toBe(1);
  });
});

describe("reachableDefaultBounds", () => {
  it("lowers a category's min to what its eligible pairs can give, and keeps the maxes", () => {
    // Ten units: four calmierato (two with an eligible household), three ridotto (none), three fragilità.
    const units = [
      ...["C1", "C2", "C3", "C4"].map((c) => unit(c)),
      ...["R1", "R2", "R3"].map((c) => unit(c, { category: "calmierato_ridotto" })),
      ...["F1", "F2", "F3"].map((c) => unit(c, { category: "fragilita" })),
    ];
    const pairs: [number, number, number][] = [
      [0, 0, 1],
      [1, 0, 1],
      [7, 1, 1],
      [8, 2, 1],
      [9, 3, 1],
    ];
    const bounds = reachableDefaultBounds(units, pairs).category ?? {};
    const defaults = defaultRunBounds(10).category ?? {};
    expect(bounds.calmierato).toEqual({
      min: Math.min(defaults.calmierato?.min ?? 0, 1),
      max: defaults.calmierato?.max,
    });
    expect(bounds.calmierato_ridotto).toEqual({ min: 0, max: defaults.calmierato_ridotto?.max });
    expect(bounds.fragilita).toEqual(defaults.fragilita);
  });
});

describe("explanations agree with the result (property)", () => {
  const arbitraryRun = fc.record({
    units: fc.array(
      fc.record({
        category: fc.constantFrom("calmierato" as const, "fragilita" as const),
        rooms: fc.integer({ min: 1, max: 4 }),
        surfaceM2: fc.integer({ min: 30, max: 90 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    households: fc.array(
      fc.record({
        category: fc.constantFrom("calmierato" as const, "fragilita" as const),
        size: fc.integer({ min: 1, max: 4 }),
        known: fc.boolean(),
        refusesFirst: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    calmieratoMax: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  });

  it("matched exactly for the run's offers; otherwise a failed rule, the unit's taker, the household's unit, or a bound", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRun, async (run) => {
        const snapshot = snapshotOf(
          run.units.map((u, i) => unit(`U${i}`, { ...u, bedrooms: Math.max(0, u.rooms - 1) })),
          run.households.map((h, i) =>
            household(`H${i}`, {
              category: h.category,
              size: h.size,
              priority: h.known ? urgent : NO_FACTS,
              refusedUnitIds: h.refusesFirst ? ["u-U0"] : [],
            }),
          ),
          run.calmieratoMax === undefined ? {} : { category: { calmierato: { max: run.calmieratoMax } } },
        );
        const outcome = await replayRun(snapshot);
        snapshot.households.forEach((h, hi) => {
          snapshot.units.forEach((u, ui) => {
            const why = explainPair(snapshot, outcome, hi, ui);
            const offer = outcome.assignments.find((a) => a.unitId === u.id);
            const own = outcome.assignments.find((a) => a.householdId === h.id);
            const paired = snapshot.pairs.some(([pu, ph]) => pu === ui && ph === hi);
            expect(why.outcome.kind === "matched").toBe(offer?.householdId === h.id);
            if (!paired) expect(why.outcome.kind).toBe("not_eligible");
            if (why.outcome.kind === "not_eligible") expect(why.eligible && paired).toBe(false);
            if (why.outcome.kind === "unit_taken") expect(why.outcome.to).toBe(offer?.householdReference);
            if (why.outcome.kind === "household_placed")
              expect(why.outcome.instead.unitCode).toBe(own?.unitCode);
            if (why.outcome.kind === "bound_binding")
              expect(offer === undefined && own === undefined).toBe(true);
            if (outcome.status === "optimal" && paired)
              expect(why.reducedCost ?? -1).toBeGreaterThanOrEqual(-1e-6);
          });
        });
      }),
      { numRuns: 150 },
    );
  });
});
