// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  byPlace,
  placeKey,
  placeOfKey,
  serviceId,
  servicesPlaceId,
  spaceId,
  spacesPlaceId,
  totalsOf,
  WELFARE_PATH,
} from "./welfare-paths.ts";

describe("the welfare page's places and addresses", () => {
  it("names a place as the API's participation does, and reads it back", () => {
    expect(WELFARE_PATH).toBe("/welfare");
    for (const [place, key] of [
      [{ town: "Milano", municipio: 3 }, "municipio_3"],
      [{ town: "Rho", municipio: null }, "Rho"],
      [{ town: "Milano", municipio: null }, "Milano"],
      [{ town: "San Donato Milanese", municipio: null }, "San Donato Milanese"],
    ] as const) {
      expect(placeKey(place)).toBe(key);
      expect(placeOfKey(key)).toEqual(place);
    }
    // Only a Municipio from 1 to 9 is one; anything else is a town's name.
    expect(placeOfKey("municipio_12")).toEqual({ town: "municipio_12", municipio: null });
  });

  it("groups by place: the Municipi in order, then Milano as a whole, then the towns alphabetically", () => {
    const records = [
      { id: "a", town: "Rho", municipio: null },
      { id: "b", town: "Milano", municipio: 9 },
      { id: "c", town: "Milano", municipio: null },
      { id: "d", town: "Milano", municipio: 3 },
      { id: "e", town: "Bollate", municipio: null },
      { id: "f", town: "Milano", municipio: 9 },
      { id: "g", town: "Milano", municipio: 1 },
    ];
    expect(byPlace(records).map((g) => [g.key, g.records.map((r) => r.id)])).toEqual([
      ["municipio_1", ["g"]],
      ["municipio_3", ["d"]],
      ["municipio_9", ["b", "f"]],
      ["Milano", ["c"]],
      ["Bollate", ["e"]],
      ["Rho", ["a"]],
    ]);
    expect(byPlace([])).toEqual([]);
  });

  it("makes element ids that hold no spaces or accents", () => {
    expect(servicesPlaceId("municipio_3")).toBe("servizi-municipio-3");
    expect(spacesPlaceId("Cernusco sul Naviglio")).toBe("spazi-cernusco-sul-naviglio");
    expect(spacesPlaceId("Cantù")).toBe("spazi-cantu");
    expect(serviceId("x1")).toBe("servizio-x1");
    expect(spaceId("x1")).toBe("spazio-x1");
  });

  it("adds up the participation rows", () => {
    expect(
      totalsOf([
        { activities: 2, participants: 35, residents: 19 },
        { activities: 1, participants: 9, residents: 9 },
      ]),
    ).toEqual({ activities: 3, participants: 44, residents: 28 });
    expect(totalsOf([])).toEqual({ activities: 0, participants: 0, residents: 0 });
  });
});
