// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../domain/monitoring/catalogue.ts";
import { groupIndicators, INDICATOR_GROUPS } from "./monitoring-groups.ts";
import { periodAtStart, periodChoices, periodOfSearch, recordHref } from "./monitoring-paths.ts";

describe("the period picker's choices", () => {
  it.each([
    ["year", "2026-11-22", ["2026"]],
    ["year", "2028-02-01", ["2028", "2027", "2026"]],
    ["quarter", "2026-11-22", ["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1"]],
    ["quarter", "2027-01-05", ["2027-Q1", "2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1"]],
    ["month", "2026-03-31", ["2026-03", "2026-02", "2026-01"]],
  ] as const)(
    "offers the %s periods from the convention's start to %s, newest first",
    (granularity, today, keys) => {
      expect(periodChoices(granularity, today)).toEqual(keys);
    },
  );

  it("switches granularity to the period that holds the first day of the one chosen", () => {
    expect(periodAtStart("2026-Q3", "month")).toBe("2026-07");
    expect(periodAtStart("2026-08", "quarter")).toBe("2026-Q3");
    expect(periodAtStart("2026-Q3", "year")).toBe("2026");
  });

  it("reads a period from the address only when it is one", () => {
    expect(periodOfSearch(new URLSearchParams("periodo=2026-Q3"))).toBe("2026-Q3");
    expect(periodOfSearch(new URLSearchParams("periodo=2026-Q5"))).toBeUndefined();
    expect(periodOfSearch(new URLSearchParams(""))).toBeUndefined();
  });

  it("links each kind of record to its page", () => {
    expect(recordHref("household", "h1")).toBe("/nuclei/h1");
    expect(recordHref("unit", "u1")).toBe("/alloggi/u1");
    expect(recordHref("tenancy", "t1")).toBe("/contratti/t1");
    expect(recordHref("works", "w1")).toBe("/lavori/w1");
  });
});

describe("the dashboard's groups", () => {
  it("hold every indicator of the catalogue exactly once", () => {
    const codes = INDICATOR_GROUPS.flatMap((g) => g.codes);
    expect([...codes].sort()).toEqual(CATALOGUE.map((d) => d.code).sort());
  });

  it("keep an indicator no group names, under other", () => {
    const grouped = groupIndicators([
      { code: "mix_fragilita" },
      { code: "new_one" },
      { code: "people_reached" },
    ]);
    expect(grouped.map((g) => [g.key, g.items.map((i) => i.code)])).toEqual([
      ["reach", ["people_reached"]],
      ["mix", ["mix_fragilita"]],
      ["other", ["new_one"]],
    ]);
  });
});
