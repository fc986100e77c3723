// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  emptyChecklist,
  type MoveInChecklist,
  MoveInInput,
  moveInMissing,
  moveInProblems,
} from "./move-in.schema.ts";

const TODAY = "2026-11-22";

/** A checklist with every required item. */
function complete(): MoveInChecklist {
  const reading = (value: number) => ({ present: true, serial: "M-1", reading: value, readOn: TODAY });
  return {
    meters: { electricity: reading(1234.5), gas: reading(87), water: reading(12.25) },
    keys: [{ label: "Porta di casa", count: 3 }],
    installations: {
      boiler: true,
      electricalPanel: true,
      gasShutOff: true,
      waterShutOff: true,
      smokeDetector: true,
      heatingControls: true,
    },
    inventory: [{ item: "Frigorifero", quantity: 1, condition: "good", notes: "" }],
    notes: "",
  };
}

describe("what a checklist still misses", () => {
  it("an empty one misses every reading, the keys, every installation and the inventory", () => {
    expect(moveInMissing(emptyChecklist()).map((i) => i.path)).toEqual([
      "checklist.meters.electricity.reading",
      "checklist.meters.electricity.readOn",
      "checklist.meters.gas.reading",
      "checklist.meters.gas.readOn",
      "checklist.meters.water.reading",
      "checklist.meters.water.readOn",
      "checklist.keys",
      "checklist.installations.boiler",
      "checklist.installations.electricalPanel",
      "checklist.installations.gasShutOff",
      "checklist.installations.waterShutOff",
      "checklist.installations.smokeDetector",
      "checklist.installations.heatingControls",
      "checklist.inventory",
    ]);
  });

  it("a complete one misses nothing", () => {
    expect(moveInMissing(complete())).toEqual([]);
  });

  it.each([
    [
      "one reading",
      (c: MoveInChecklist) => {
        c.meters.water.reading = null;
      },
      ["checklist.meters.water.reading"],
    ],
    [
      "the day of a reading",
      (c: MoveInChecklist) => {
        c.meters.electricity.readOn = null;
      },
      ["checklist.meters.electricity.readOn"],
    ],
    [
      "the keys",
      (c: MoveInChecklist) => {
        c.keys = [];
      },
      ["checklist.keys"],
    ],
    [
      "the smoke detector explained",
      (c: MoveInChecklist) => {
        c.installations.smokeDetector = false;
      },
      ["checklist.installations.smokeDetector"],
    ],
    [
      "the inventory",
      (c: MoveInChecklist) => {
        c.inventory = [];
      },
      ["checklist.inventory"],
    ],
  ])("without %s, names it", (_name, change, paths) => {
    const checklist = complete();
    change(checklist);
    expect(moveInMissing(checklist).map((i) => i.path)).toEqual(paths);
  });

  it("a flat without gas needs no gas reading and no gas shut-off", () => {
    const checklist = complete();
    checklist.meters.gas = { present: false, serial: "", reading: null, readOn: null };
    checklist.installations.gasShutOff = false;
    expect(moveInMissing(checklist)).toEqual([]);
  });
});

describe("saving a checklist", () => {
  it("saves a half-filled one when it is not completed", () => {
    expect(moveInProblems({ checklist: emptyChecklist(), completedOn: null }, TODAY)).toEqual([]);
  });

  it.each([
    ["yesterday", "2026-11-21", []],
    ["today", TODAY, []],
    ["tomorrow", "2026-11-23", ["completedOn"]],
  ] as const)("completed %s: names %j", (_name, completedOn, paths) => {
    expect(moveInProblems({ checklist: complete(), completedOn }, TODAY).map((i) => i.path)).toEqual(paths);
  });

  it("does not complete one with items missing, and names them", () => {
    const checklist = complete();
    checklist.keys = [];
    expect(moveInProblems({ checklist, completedOn: TODAY }, TODAY)).toEqual([
      { path: "checklist.keys", message: "Record at least one set of keys handed over" },
    ]);
  });

  it("refuses a reading dated in the future", () => {
    const checklist = complete();
    checklist.meters.gas.readOn = "2026-11-23";
    expect(moveInProblems({ checklist, completedOn: null }, TODAY).map((i) => i.path)).toEqual([
      "checklist.meters.gas.readOn",
    ]);
  });

  it.each([
    ["a negative reading", { meters: { gas: { reading: -1 } } }, "checklist.meters.gas.reading"],
    ["no key count", { keys: [{ label: "Portone", count: 0 }] }, "checklist.keys.0.count"],
    ["a nameless key set", { keys: [{ label: " ", count: 1 }] }, "checklist.keys.0.label"],
    [
      "an unknown condition",
      { inventory: [{ item: "Tavolo", condition: "broken" }] },
      "checklist.inventory.0.condition",
    ],
    ["an unnamed item", { inventory: [{ item: "", condition: "good" }] }, "checklist.inventory.0.item"],
  ])("the schema names %s", (_name, checklist, path) => {
    const parsed = MoveInInput.safeParse({ checklist });
    expect(parsed.success).toBe(false);
    expect(
      parsed.error?.issues.map((i) =>
        ["checklist", ...i.path].join(".").replace("checklist.checklist", "checklist"),
      ),
    ).toEqual([path]);
  });
});
