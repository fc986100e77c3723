// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { offerId, ownerHref, ownersRouteOf, SCHEMES_PATH, unitHref } from "./owners-paths.ts";

const ID = "0b9f6c1e-5d3a-4f7e-9a2b-1c2d3e4f5a6b";

describe("the owners' pages' addresses", () => {
  it("tells the list, the schemes and one owner apart", () => {
    expect(ownersRouteOf("/proprietari")).toEqual({ page: "list" });
    expect(ownersRouteOf("/proprietari/")).toEqual({ page: "list" });
    expect(ownersRouteOf(SCHEMES_PATH)).toEqual({ page: "schemes" });
    expect(ownersRouteOf(ownerHref(ID))).toEqual({ page: "owner", id: ID });
    expect(ownersRouteOf(`${ownerHref(ID)}/`)).toEqual({ page: "owner", id: ID });
  });

  it("is no page of the owners' elsewhere, or for what is not an owner's id", () => {
    for (const path of [
      "/",
      "/proprietaria",
      "/proprietari-privati",
      "/proprietari/nessuno",
      `/proprietari/${ID}/altro`,
      "/proprietari/garanzie/x",
      "/alloggi/PR-0001",
    ])
      expect(ownersRouteOf(path), path).toBeNull();
  });

  it("links a unit by its code and names an offer's card", () => {
    expect(unitHref("PR-0001")).toBe("/alloggi/PR-0001");
    expect(unitHref("MI/3 A")).toBe("/alloggi/MI%2F3%20A");
    expect(offerId(ID)).toBe(`offerta-${ID}`);
  });
});
