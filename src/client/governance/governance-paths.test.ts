// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { actionFiltersFromSearch, actionsHref, bodyHref, hasActionFilters } from "./governance-paths.ts";

const ID = "0b9f6c1e-5d3a-4f7e-9a2b-1c2d3e4f5a6b";

describe("the governance pages' addresses", () => {
  it("keeps the actions' filters in the address and reads back only what is valid", () => {
    const filters = { bodyId: ID, status: "open", overdue: "true", owner: "Anna Esempio (demo)" } as const;
    const href = actionsHref(filters);
    expect(href).toBe(
      `/governance/azioni?bodyId=${ID}&status=open&overdue=true&owner=Anna+Esempio+%28demo%29`,
    );
    expect(actionFiltersFromSearch(new URL(href, "http://x").searchParams)).toEqual(filters);
    const junk = actionFiltersFromSearch(
      new URLSearchParams("bodyId=x&status=late&overdue=yes&owner=%20%20"),
    );
    expect(junk).toEqual({ bodyId: undefined, status: undefined, overdue: undefined, owner: undefined });
    expect(hasActionFilters(junk)).toBe(false);
    expect(actionsHref(junk)).toBe("/governance/azioni");
  });

  it("names a body by its id", () => {
    expect(bodyHref(ID)).toBe(`/governance/organi/${ID}`);
  });
});
