// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { isNetwork, NETWORKS_PATH, networkHref, networksOf, proposalId, shortText } from "./fund-paths.ts";

const ID = "0b9f6c1e-5d3a-4f7e-9a2b-1c2d3e4f5a6b";

describe("the Municipio networks' pages", () => {
  it("names a network's fund by its body's id", () => {
    expect(NETWORKS_PATH).toBe("/reti");
    expect(networkHref(ID)).toBe(`/reti/${ID}`);
    expect(networkHref("a/b")).toBe("/reti/a%2Fb");
    expect(proposalId(ID)).toBe(`spesa-${ID}`);
  });

  it.each([
    ["a management body of a Municipio", { level: "management", municipio: 3 }, true],
    ["an area's coordination", { level: "management", municipio: null }, false],
    ["the Cabina di Regia", { level: "directive", municipio: null }, false],
    ["a thematic table, even with a Municipio", { level: "project", municipio: 5 }, false],
  ])("%s is a network: %s", (_case, body, expected) => {
    expect(isNetwork(body)).toBe(expected);
  });

  it("lists only the networks, by Municipio then by name", () => {
    const bodies = [
      { name: "Cabina di Regia Integrata", level: "directive", municipio: null },
      { name: "Rete Municipio 8", level: "management", municipio: 8 },
      { name: "Coordinamento Area B", level: "management", municipio: null },
      { name: "Rete Municipio 3 bis", level: "management", municipio: 3 },
      { name: "Rete Municipio 3", level: "management", municipio: 3 },
    ];
    expect(networksOf(bodies).map((b) => b.name)).toEqual([
      "Rete Municipio 3",
      "Rete Municipio 3 bis",
      "Rete Municipio 8",
    ]);
  });

  it("cuts a long decision at a word, and keeps a short one whole", () => {
    expect(shortText("Approvazione  delle spese\n del doposcuola")).toBe(
      "Approvazione delle spese del doposcuola",
    );
    const long =
      "Il coordinamento approva le spese del fondo per il doposcuola, la gita e i materiali scolastici";
    const cut = shortText(long, 40);
    expect(cut).toBe("Il coordinamento approva le spese del…");
    expect(cut.length).toBeLessThanOrEqual(41);
    expect(shortText("x".repeat(50), 10)).toBe(`${"x".repeat(10)}…`);
  });
});
