// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  ActivityInput,
  BookingInput,
  SpaceInput,
  WelfareServiceInput,
} from "../../domain/welfare/welfare.ts";
import en from "./welfare.en.json";
import italian from "./welfare.it.json";
import { WELFARE_PATTERNS } from "./welfare-messages.ts";

const keysOf = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

/** Whether the Italian interface has words for an English message of the API or the schemas. */
const translated = (message: string) =>
  message in italian.messages ||
  WELFARE_PATTERNS.some((p) => p.re.test(message) && p.key in italian.patterns);

const issuesOf = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.message);

/** The pattern that matches a message, and the values it takes out of it. */
const matched = (message: string) => {
  const pattern = WELFARE_PATTERNS.find((p) => p.re.test(message));
  return pattern && [pattern.key, pattern.re.exec(message)?.slice(1)];
};

describe("the welfare page's strings", () => {
  it("has the same keys in Italian and English (English keeps or rewords the API's own messages)", () => {
    const english = keysOf(en).filter((k) => !k.startsWith("messages."));
    const italianKeys = keysOf(italian).filter((k) => !k.startsWith("messages."));
    expect(english).toEqual(italianKeys);
    // A reworded English message is one the Italian also translates.
    for (const message of Object.keys(en.messages)) expect(message in italian.messages, message).toBe(true);
  });

  it("says in Italian every rule the schemas can break", () => {
    const messages = [
      ...issuesOf(
        WelfareServiceInput.safeParse({
          kind: "party",
          name: "ab",
          town: "Rho",
          municipio: 3,
          startedOn: "2026-13-01",
          buildingCode: "X".repeat(41),
          organisationCode: "Y".repeat(41),
        }),
      ),
      ...issuesOf(
        WelfareServiceInput.safeParse({
          kind: "after_school",
          name: "x".repeat(201),
          description: "x".repeat(2001),
          town: "M",
          municipio: 12,
          startedOn: "2026-05-01",
          endedOn: "2026-04-01",
        }),
      ),
      ...issuesOf(WelfareServiceInput.safeParse({})),
      ...issuesOf(
        ActivityInput.safeParse({
          title: "",
          heldOn: "",
          participants: 3,
          residents: 4,
          note: "x".repeat(1001),
        }),
      ),
      ...issuesOf(ActivityInput.safeParse({ title: "Merenda", heldOn: "2026-05-10", participants: -1 })),
      ...issuesOf(ActivityInput.safeParse({ title: "Merenda", heldOn: "2026-05-10", participants: 1.5 })),
      ...issuesOf(ActivityInput.safeParse({ title: "Merenda", heldOn: "2026-05-10", participants: 100_001 })),
      ...issuesOf(ActivityInput.safeParse({ title: "Merenda", heldOn: "2026-05-10" })),
      ...issuesOf(
        SpaceInput.safeParse({
          buildingCode: "",
          name: "x",
          kind: "garden",
          use: "x".repeat(501),
          capacity: -2,
          surfaceM2: 0,
          bookable: "yes",
          rules: "x".repeat(10_001),
        }),
      ),
      ...issuesOf(
        SpaceInput.safeParse({
          buildingCode: "ST-0010",
          name: "Negozio",
          kind: "non_residential",
          bookable: true,
          surfaceM2: "42,5",
        }),
      ),
      ...issuesOf(
        SpaceInput.safeParse({
          buildingCode: "ST-0010",
          name: "Negozio",
          kind: "common",
          surfaceM2: 100_001,
        }),
      ),
      ...issuesOf(BookingInput.safeParse({ bookedFor: "x", fromTime: "25:00", toTime: "7", purpose: "ab" })),
      ...issuesOf(
        BookingInput.safeParse({
          bookedFor: "2026-12-01",
          fromTime: "20:00",
          toTime: "18:00",
          purpose: "Corso",
        }),
      ),
      ...issuesOf(BookingInput.safeParse({})),
    ];
    expect(messages.length).toBeGreaterThan(35);
    for (const message of messages) expect(translated(message), message).toBe(true);
  });

  it("says in Italian what the API refuses", () => {
    for (const message of [
      "Sala comune is booked from 18:00 to 20:00 that day",
      "Locale al piano terra is not booked by the residents",
      'Building ST-0010 already has a space "Sala comune"',
      "Building ST-0010 is in Milano, Municipio 3",
      "Building RHO-B001 is in Rho",
      "No building with code NONE-1",
      "No organisation with code ETS-Z",
      "A partner records its own organisation's services",
      "The activity falls outside the days the service ran",
      "Only the organisation running the service records its activities",
      "Only the organisation managing the space books it for its residents",
      "Only the organisation managing the space cancels its bookings",
      "A booking is for today or later",
      'No shared service "x"',
      'No space "x"',
      'No booking "x"',
    ])
      expect(translated(message), message).toBe(true);
  });

  it("puts the space, the hours, the building and its place back into the Italian", () => {
    expect(matched("Sala comune is booked from 18:00 to 20:00 that day")).toEqual([
      "bookedThatDay",
      ["Sala comune", "18:00", "20:00"],
    ]);
    expect(matched("Building ST-0010 is in Milano, Municipio 3")).toEqual([
      "buildingInMunicipio",
      ["ST-0010", "Milano", "3"],
    ]);
    expect(matched("Building RHO-B001 is in Rho")).toEqual(["buildingInTown", ["RHO-B001", "Rho"]]);
    expect(matched('Building ST-0010 already has a space "Sala comune"')).toEqual([
      "duplicateSpace",
      ["ST-0010", "Sala comune"],
    ]);
    // The exact message wins over the pattern of "… is not booked by the residents".
    expect("Only a common space is booked by the residents" in italian.messages).toBe(true);
  });
});
