// SPDX-License-Identifier: EUPL-1.2
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  type AllocationInstance,
  type AnyAllocationResult,
  type BoundViolation,
  MAX_WEIGHT,
  type PartnerBoundViolation,
  scaleWeight,
} from "../../domain/allocation/assignment.ts";
import { verifyCertificate } from "../../domain/allocation/assignment-certificate.ts";
import {
  DEFAULT_TIME_LIMIT_SECONDS,
  solveAllocationAnyBounds,
} from "../../domain/allocation/assignment-side.ts";
import {
  AllocationInstanceBoundsFile,
  AllocationInstanceFile,
  instanceFromFile,
  resultToFile,
} from "../../domain/allocation/instance.schema.ts";
import {
  type EligibilityHousehold,
  type EligibilityUnit,
  isEligible,
  type PairContext,
  pairWeight,
  priorityScore,
  unitFit,
} from "../../domain/eligibility/eligibility.ts";
import { DEFAULT_RULES, ReferralType, RulesVersion } from "../../domain/eligibility/rules.schema.ts";
import {
  AccessibilityNeed,
  Need,
  PriorityFacts,
  TargetGroup,
} from "../../domain/households/household.schema.ts";
import { UnitCategory } from "../../domain/units/unit.schema.ts";

const usage = `Usage: npm run allocate -- --input instance.json --output result.json [--verify] [--write-pairs pairs.json] [--time-limit seconds]
Solves one joint assignment with the app's optimiser and writes the result (assignments, objective,
proof bound, gap, counts per category, target group and, with partner bounds, partner). The instance
gives either the eligible pairs with their weights or the rules to compute them; see
docs/allocation-instance.md.
--verify: check the result's certificate without the solver.
--write-pairs: for a rules-shaped instance, also write the pairs-shaped instance it was turned into.
--time-limit: seconds HiGHS may take with partner bounds (default ${DEFAULT_TIME_LIMIT_SECONDS}).
Exit code: 0 solved to optimality, 1 the bounds cannot be met (or the certificate does not hold),
2 wrong usage or bad input, 3 stopped by the time limit (an assignment with a gap, or none).`;

const IsoDate = z
  .string({ error: "Use a date YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date YYYY-MM-DD" })
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: "Not a calendar date" });

const Cents = z.number().int({ error: "Use whole cents" }).min(0, { error: "Use whole cents ≥ 0" });
const Id = z.string({ error: "id is required" }).min(1, { error: "id is required" }).max(100);

/** A unit of a rules-shaped instance: what the eligibility rules read, plus the partner for the result. */
export const AllocationRulesUnitFile = z.object({
  id: Id,
  category: UnitCategory,
  rooms: z.number().int().min(0),
  bedrooms: z.number().int().min(0),
  surfaceM2: z.number().positive(),
  floor: z.number().int(),
  lift: z.boolean().default(false),
  stepFree: z.boolean().default(false),
  wheelchairAdapted: z.boolean().default(false),
  managingPartnerCode: z.string().max(40).nullable().default(null),
  /** Partner shown in the result; default: managingPartnerCode, else "". */
  partner: z.string().max(40).optional(),
  /** Monthly rent in cents; null or absent: the category's cap is assumed (as in the app). */
  rentCentsPerMonth: Cents.nullable().default(null),
});

/** A household of a rules-shaped instance: what the eligibility rules read, plus its referral date. */
export const AllocationRulesHouseholdFile = z.object({
  id: Id,
  category: UnitCategory,
  referralType: ReferralType,
  targetGroup: TargetGroup,
  size: z.number().int().min(1),
  needs: z.array(Need).default([]),
  accessibilityNeed: AccessibilityNeed.default("none"),
  priority: PriorityFacts.default({
    knownToSocialServices: false,
    completedPreviousPath: false,
    prospectOfAutonomy: false,
    ableToCoPay: false,
    difficultyAccessingPublicHousing: false,
  }),
  /** Yearly net income in cents; null when not on file. */
  incomeCents: Cents.nullable().default(null),
  iseeCents: Cents.nullable().default(null),
  managingPartnerCode: z.string().max(40).nullable().default(null),
  tieBreakerSeed: z
    .string({ error: "tieBreakerSeed is required" })
    .min(1, { error: "tieBreakerSeed is required" }),
  /** Date of the referral (segnalazione), `YYYY-MM-DD`: the waiting time counts from it. */
  referredOn: IsoDate,
  /** Units this household has already refused. */
  refusedUnitIds: z.array(z.string()).default([]),
});

/**
 * An instance that gives the rules instead of the pairs: every household × unit pair is judged with
 * `isEligible`, and an eligible pair weighs priorityScore × unitFit.
 */
export const AllocationRulesInstanceFile = z
  .object({
    rules: RulesVersion.default(DEFAULT_RULES),
    /** The day the pairs are judged on, `YYYY-MM-DD`. */
    today: IsoDate,
    units: z.array(AllocationRulesUnitFile),
    households: z.array(AllocationRulesHouseholdFile),
    holds: z
      .array(z.object({ unitId: z.string(), householdId: z.string().nullable(), expiresOn: IsoDate }))
      .default([]),
    bounds: AllocationInstanceBoundsFile.default({ category: {} }),
  })
  .superRefine((file, ctx) => {
    for (const [side, rows] of [
      ["units", file.units],
      ["households", file.households],
    ] as const) {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if (seen.has(row.id))
          ctx.addIssue({ code: "custom", path: [side, i, "id"], message: `${row.id} twice` });
        seen.add(row.id);
      });
    }
  });
export type AllocationRulesInstanceFile = z.infer<typeof AllocationRulesInstanceFile>;

export type InstanceShape = "pairs" | "rules";

/** The solver's instance from a rules-shaped file: every pair judged and weighed as the app does. */
export function instanceFromRules(file: AllocationRulesInstanceFile): AllocationInstance {
  const { rules, today } = file;
  const holdsByUnit = new Map<string, AllocationRulesInstanceFile["holds"]>();
  for (const hold of file.holds)
    holdsByUnit.set(hold.unitId, [...(holdsByUnit.get(hold.unitId) ?? []), hold]);
  const households: EligibilityHousehold[] = file.households;
  const units: EligibilityUnit[] = file.units;
  const priorities = file.households.map(
    (h) => priorityScore(rules, h, { today, referredOn: h.referredOn }).total,
  );
  const pairUnit: number[] = [];
  const pairHousehold: number[] = [];
  const pairWeights: number[] = [];
  units.forEach((unit, u) => {
    const rent = file.units[u]?.rentCentsPerMonth ?? null;
    const holds = holdsByUnit.get(unit.id) ?? [];
    households.forEach((household, h) => {
      const context: PairContext = {
        today,
        refusedUnitIds: file.households[h]?.refusedUnitIds ?? [],
        holds,
        rentCentsPerMonth: rent,
      };
      if (!isEligible(rules, household, unit, context)) return;
      const weight = Math.min(
        pairWeight(priorities[h] as number, unitFit(rules, household, unit)),
        MAX_WEIGHT,
      );
      // A pair worth 0 micro-units adds nothing to any assignment: the solver needs weights > 0.
      if (scaleWeight(weight) <= 0) return;
      pairUnit.push(u);
      pairHousehold.push(h);
      pairWeights.push(weight);
    });
  });
  return {
    units: file.units.map((u) => ({
      id: u.id,
      category: u.category,
      partner: u.partner ?? u.managingPartnerCode ?? "",
    })),
    households: file.households.map((h, i) => ({
      id: h.id,
      targetGroup: h.targetGroup,
      priority: priorities[i] as number,
    })),
    pairs: {
      unit: Int32Array.from(pairUnit),
      household: Int32Array.from(pairHousehold),
      weight: Float64Array.from(pairWeights),
    },
    bounds: file.bounds,
  };
}

/** The pairs-shaped file of an instance, for checking a rules-shaped run with other tools. */
export function instanceToFile(instance: AllocationInstance): AllocationInstanceFile {
  const { units, households, pairs } = instance;
  return {
    units: units.map((u) => ({ ...u })),
    households: households.map((h) => ({ ...h })),
    pairs: Array.from(pairs.weight, (weight, i) => ({
      unit: units[pairs.unit[i] as number]?.id as string,
      household: households[pairs.household[i] as number]?.id as string,
      weight,
    })),
    bounds: {
      category: instance.bounds.category ?? {},
      targetGroup: instance.bounds.targetGroup,
      ...(instance.bounds.partner ? { partner: instance.bounds.partner } : {}),
    },
  };
}

/** A zod issue path as a JSON path: `units[3].category`; the document itself is `(root)`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path)
    out += typeof key === "number" ? `[${key}]` : `${out === "" ? "" : "."}${String(key)}`;
  return out === "" ? "(root)" : out;
}

export type ParsedInstance =
  | { ok: true; shape: InstanceShape; instance: AllocationInstance }
  | { ok: false; errors: string[] };

/** Reads either shape: an object with `pairs` is pairs-shaped, any other object rules-shaped. */
export function parseInstance(json: unknown): ParsedInstance {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, errors: ["(root): the instance must be a JSON object"] };
  const shape: InstanceShape = "pairs" in json ? "pairs" : "rules";
  const parsed =
    shape === "pairs" ? AllocationInstanceFile.safeParse(json) : AllocationRulesInstanceFile.safeParse(json);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`) };
  const instance =
    shape === "pairs"
      ? instanceFromFile(parsed.data as AllocationInstanceFile)
      : instanceFromRules(parsed.data as AllocationRulesInstanceFile);
  return { ok: true, shape, instance };
}

const describeViolation = (v: BoundViolation | PartnerBoundViolation): string => {
  const name = `bounds.${v.kind}.${v.key}`;
  const range = `min ${v.min}${v.max === null ? "" : `, max ${v.max}`}`;
  switch (v.reason) {
    case "min_above_max":
      return `${name} (${range}): the min is above the max`;
    case "min_above_available":
      return `${name} (${range}): fewer ${v.kind === "targetGroup" ? "households" : v.kind === "partner" ? "units of that partner" : "units"} than the min, short by ${v.shortfall}`;
    case "unreachable":
      return `${name} (${range}): the eligible pairs and the other bounds leave it short by ${v.shortfall}`;
  }
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export type Output = { out: (line: string) => void; err: (line: string) => void };

/** The command: read, solve, write, summarise; returns the exit code. */
export async function allocateMain(args: string[], output: Output): Promise<number> {
  let values: {
    input?: string;
    output?: string;
    verify?: boolean;
    "write-pairs"?: string;
    "time-limit"?: string;
  };
  try {
    values = parseArgs({
      args,
      options: {
        input: { type: "string" },
        output: { type: "string" },
        verify: { type: "boolean" },
        "write-pairs": { type: "string" },
        "time-limit": { type: "string" },
      },
    }).values;
  } catch (e) {
    output.err(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (values.input === undefined || values.output === undefined) {
    output.err(`--input and --output are required\n${usage}`);
    return 2;
  }
  const timeLimitSeconds = Number(values["time-limit"] ?? DEFAULT_TIME_LIMIT_SECONDS);
  if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0) {
    output.err(`--time-limit must be a number of seconds above 0\n${usage}`);
    return 2;
  }
  const started = performance.now();
  let json: unknown;
  try {
    json = JSON.parse(await readFile(values.input, "utf8"));
  } catch (e) {
    output.err(`Cannot read ${values.input} as JSON: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseInstance(json);
  if (!parsed.ok) {
    output.err(`Invalid instance ${values.input}:`);
    for (const line of parsed.errors) output.err(`  ${line}`);
    return 2;
  }
  const { instance, shape } = parsed;
  const readMs = performance.now() - started;
  if (values["write-pairs"] !== undefined)
    await writeFile(values["write-pairs"], `${JSON.stringify(instanceToFile(instance))}\n`);

  const solveStarted = performance.now();
  const result: AnyAllocationResult = await solveAllocationAnyBounds(instance, { timeLimitSeconds });
  const solveMs = performance.now() - solveStarted;
  const certificate = values.verify ? verifyCertificate(instance, result) : null;

  const file = {
    ...resultToFile(instance, result),
    instance: {
      shape,
      units: instance.units.length,
      households: instance.households.length,
      pairs: instance.pairs.weight.length,
    },
    timeMs: { read: Math.round(readMs), solve: Math.round(solveMs) },
    ...(certificate && {
      certificate: {
        valid: certificate.valid,
        proves: certificate.proves,
        problems: certificate.problems,
        notes: certificate.notes,
        primalScaled: certificate.primalScaled?.toString() ?? null,
        dualScaled: certificate.dualScaled?.toString() ?? null,
      },
    }),
  };
  await writeFile(values.output, `${JSON.stringify(file, null, 2)}\n`);

  output.out(
    `Instance (${shape}): ${instance.units.length} units, ${instance.households.length} households, ` +
      `${instance.pairs.weight.length} eligible pairs.`,
  );
  switch (result.status) {
    case "optimal":
    case "feasible":
      output.out(
        `Status: ${result.status === "optimal" ? "optimal" : "feasible, stopped by the time limit"}, ${result.assignments.length} assignments${result.method === "mip" ? " (with partner bounds, by HiGHS)" : ""}.`,
      );
      output.out(`Objective: ${round(result.objective)}`);
      output.out(`Proof bound (dual): ${round(result.dualBound)}`);
      output.out(`Gap: ${round(result.gap)}`);
      break;
    case "infeasible":
      output.err("Status: infeasible, the bounds cannot be met:");
      for (const v of result.violations) output.err(`  ${describeViolation(v)}`);
      break;
    case "time_limit":
      output.err(
        `Status: stopped by the time limit (${timeLimitSeconds} s) before an assignment was found; bound ${result.dualBound === null ? "unknown" : round(result.dualBound)}.`,
      );
      break;
  }
  output.out(
    `Time: ${Math.round(solveMs)} ms to solve, ${Math.round(performance.now() - started)} ms in all.`,
  );
  if (certificate) {
    if (certificate.valid)
      output.out(`Certificate: valid, proves ${certificate.proves} (checked without the solver).`);
    else {
      output.err("Certificate: INVALID");
      for (const p of certificate.problems) output.err(`  ${p}`);
    }
    for (const note of certificate.notes) output.out(`  ${note}`);
  }
  output.out(`Result written to ${values.output}.`);
  if (result.status === "infeasible" || (certificate !== null && !certificate.valid)) return 1;
  return result.status === "optimal" ? 0 : 3;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isEntryPoint) {
  process.exitCode = await allocateMain(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
