// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { ActivityInput, BookingInput, overlaps, SpaceInput, WelfareServiceInput } from "./welfare.ts";

describe("bookings of a common space", () => {
  it.each([
    [["18:00", "20:00"], ["20:00", "21:00"], false],
    [["18:00", "20:00"], ["19:59", "21:00"], true],
    [["18:00", "20:00"], ["17:00", "18:00"], false],
    [["18:00", "20:00"], ["18:30", "19:00"], true],
    [["18:00", "20:00"], ["17:00", "22:00"], true],
  ])("%j and %j overlap: %s", ([fromA, toA], [fromB, toB], expected) => {
    expect(
      overlaps(
        { fromTime: fromA as string, toTime: toA as string },
        { fromTime: fromB as string, toTime: toB as string },
      ),
    ).toBe(expected);
  });

  it.each([
    [{ toTime: "18:00" }, ["toTime"]],
    [{ fromTime: "25:00" }, ["fromTime"]],
    [{ purpose: "x" }, ["purpose"]],
    [{ bookedFor: "domani" }, ["bookedFor"]],
  ])("refuses %j naming the field", (change, paths) => {
    const result = BookingInput.safeParse({
      bookedFor: "2026-12-01",
      fromTime: "18:00",
      toTime: "20:00",
      purpose: "Assemblea dei residenti",
      ...change,
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(paths);
  });
});

describe("the inputs of community welfare", () => {
  it.each([
    [{ participants: 5, residents: 6 }, ["residents"]],
    [{ participants: -1 }, ["participants"]],
    [{ participants: 2.5 }, ["participants"]],
  ])("an activity with %j is refused naming the field", (change, paths) => {
    const base: Record<string, unknown> = {
      title: "Merenda in cortile",
      heldOn: "2026-10-01",
      participants: 10,
    };
    const result = ActivityInput.safeParse({ ...base, ...change });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(paths);
  });

  it.each([
    [{ town: "Rho", municipio: 3 }, ["municipio"]],
    [{ kind: "gym" }, ["kind"]],
    [{ endedOn: "2026-01-01" }, ["endedOn"]],
  ])("a service with %j is refused naming the field", (change, paths) => {
    const result = WelfareServiceInput.safeParse({
      kind: "social_concierge",
      name: "Portierato sociale",
      town: "Milano",
      municipio: 3,
      startedOn: "2026-03-01",
      ...change,
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(paths);
  });

  it("books only a common space", () => {
    const result = SpaceInput.safeParse({
      buildingCode: "B1",
      name: "Bottega",
      kind: "non_residential",
      bookable: true,
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["bookable"]);
  });
});
