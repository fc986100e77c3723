// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { solveAllocation } from "./assignment.ts";
import { verifyCertificate } from "./assignment-certificate.ts";
import { solveAllocationAnyBounds } from "./assignment-side.ts";
import { AllocationInstanceFile, instanceFromFile, resultToFile } from "./instance.schema.ts";

const file = {
  units: [
    { id: "MI3-000042", category: "fragilita", partner: "ETS-B2" },
    { id: "MI1-000007", category: "calmierato", partner: "ETS-B1" },
  ],
  households: [
    { id: "N-2031", targetGroup: "neo_maggiorenni", priority: 71.5 },
    { id: "F-0112", targetGroup: "famiglia" },
  ],
  pairs: [
    { unit: "MI3-000042", household: "N-2031", weight: 64.35 },
    { unit: "MI1-000007", household: "N-2031", weight: 70 },
    { unit: "MI1-000007", household: "F-0112", weight: 12.5 },
  ],
  bounds: { category: { fragilita: { min: 1 } }, targetGroup: { neo_maggiorenni: { max: 1 } } },
};

const issues = (input: unknown) =>
  AllocationInstanceFile.safeParse(input).error?.issues.map((i) => ({
    path: i.path.join("."),
    message: i.message,
  }));

describe("AllocationInstanceFile", () => {
  it("reads the documented format and solves it from the file, proof included", () => {
    const instance = instanceFromFile(AllocationInstanceFile.parse(file));
    const result = solveAllocation(instance);
    expect(result.status).toBe("optimal");
    if (result.status !== "optimal") return;
    expect(result.assignments).toEqual([
      { unit: "MI3-000042", household: "N-2031", weight: 64.35 },
      { unit: "MI1-000007", household: "F-0112", weight: 12.5 },
    ]);
    expect(result.objective).toBe(76.85);
    expect(verifyCertificate(instance, result).valid).toBe(true);
    const written = JSON.parse(JSON.stringify(resultToFile(instance, result)));
    expect(written.dual.unit).toHaveProperty("MI3-000042");
    expect(written.dual.household).toHaveProperty("F-0112", 0);
  });

  it("reads partner bounds and solves them as a MIP, its exact prices written per partner", async () => {
    const parsed = AllocationInstanceFile.parse({
      ...file,
      bounds: { category: {}, partner: { "ETS-B1": { max: 0 } } },
    });
    expect(parsed.bounds.partner).toEqual({ "ETS-B1": { max: 0 } });
    const instance = instanceFromFile(parsed);
    const result = await solveAllocationAnyBounds(instance, { forceMip: true });
    // ETS-B1 may take no offer: MI1-000007 stays free and N-2031 gets MI3-000042.
    expect(result).toMatchObject({ status: "optimal", method: "mip", objective: 64.35 });
    if (result.status !== "optimal") return;
    expect(result.assignments).toEqual([{ unit: "MI3-000042", household: "N-2031", weight: 64.35 }]);
    expect(result.counts.partner).toEqual({ "ETS-B2": 1, "ETS-B1": 0 });
    expect(verifyCertificate(instance, result).proves).toBe("optimality");
    const written = JSON.parse(JSON.stringify(resultToFile(instance, result)));
    expect(written.method).toBe("mip");
    expect(written.dual.partner).toHaveProperty("ETS-B1");
    expect(written.dual.unit).toHaveProperty("MI3-000042");
  });

  it("defaults missing bounds to none", () => {
    const parsed = AllocationInstanceFile.parse({ ...file, bounds: undefined });
    expect(parsed.bounds).toEqual({ category: {} });
  });

  it.each([
    {
      name: "an unknown unit in a pair",
      patch: { pairs: [{ unit: "XX", household: "N-2031", weight: 1 }] },
      issue: { path: "pairs.0.unit", message: "Unknown unit XX" },
    },
    {
      name: "a pair given twice",
      patch: { pairs: [file.pairs[0], file.pairs[0]] },
      issue: { path: "pairs.1", message: "Pair MI3-000042 → N-2031 twice" },
    },
    {
      name: "a zero weight",
      patch: { pairs: [{ unit: "MI3-000042", household: "N-2031", weight: 0 }] },
      issue: { path: "pairs.0.weight", message: "Weight must be > 0" },
    },
    {
      name: "a household id twice",
      patch: { households: [file.households[0], file.households[0]], pairs: [] },
      issue: { path: "households.1.id", message: "Household N-2031 twice" },
    },
    {
      name: "a negative bound",
      patch: { bounds: { category: { calmierato: { min: -1 } } } },
      issue: { path: "bounds.category.calmierato.min", message: "Use a whole number ≥ 0" },
    },
    {
      name: "a partner bound that is not a whole number",
      patch: { bounds: { category: {}, partner: { "ETS-B1": { max: 1.5 } } } },
      issue: { path: "bounds.partner.ETS-B1.max", message: "Use a whole number ≥ 0" },
    },
  ])("names the field: $name", ({ patch, issue }) => {
    expect(issues({ ...file, ...patch })).toEqual([issue]);
  });
});
