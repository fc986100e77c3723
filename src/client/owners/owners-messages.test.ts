// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  ContactInput,
  OfferAcceptance,
  OfferDecision,
  OfferInput,
  OwnerInput,
  OwnerUpdate,
  SchemeInput,
  UptakeInput,
} from "../../domain/owners/owners.ts";
import { offerTransitionProblem, uptakeProblems } from "../../domain/owners/owners-rules.ts";
import shared from "../i18n/it.json";
import en from "./owners.en.json";
import italian from "./owners.it.json";
import { OWNERS_PATTERNS } from "./owners-messages.ts";

const keysOf = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

const patternOf = (message: string) => OWNERS_PATTERNS.find((p) => p.re.test(message));

/**
 * Whether the Italian interface has words for an English message of the API or the schemas: the
 * area's own, or the shared ones the unit's fields of an offer and of an acceptance speak.
 */
const translated = (message: string) => {
  if (message in italian.messages) return true;
  const pattern = patternOf(message);
  if (pattern) return pattern.key in italian.patterns;
  return message in shared.messages;
};

const issuesOf = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.message);

describe("the owners' pages' strings", () => {
  it("has the same keys in Italian and English (English keeps the API's own messages)", () => {
    const english = keysOf(en).filter((k) => !k.startsWith("messages."));
    const italianKeys = keysOf(italian).filter((k) => !k.startsWith("messages."));
    expect(english).toEqual(italianKeys);
  });

  it("says in Italian every rule the schemas can break", () => {
    const messages = [
      ...issuesOf(OwnerInput.safeParse({ kind: "x", name: "", contact: 3, town: "", municipio: 12 })),
      ...issuesOf(
        OwnerInput.safeParse({
          kind: "agency",
          name: "A",
          contact: "x".repeat(301),
          town: "Rho",
          municipio: 2,
        }),
      ),
      ...issuesOf(OwnerInput.safeParse({ kind: "agency", name: "x".repeat(201), town: "Milano", notes: 1 })),
      ...issuesOf(OwnerUpdate.safeParse({ version: 0, town: "x".repeat(81) })),
      ...issuesOf(ContactInput.safeParse({ contactedOn: "x", channel: "fax", outcome: "maybe", note: 3 })),
      ...issuesOf(
        OfferInput.safeParse({
          address: "",
          town: "Milano",
          municipio: null,
          surfaceM2: 0,
          rooms: 0,
          askedRentCents: -1.5,
          offeredOn: "",
        }),
      ),
      ...issuesOf(OfferInput.safeParse({ town: "Milano", municipio: 1, askedRentCents: 2_000_000_000 })),
      ...issuesOf(OfferInput.safeParse({ surfaceM2: "x", rooms: "y", askedRentCents: -1 })),
      ...issuesOf(OfferDecision.safeParse({ status: "declined", decidedOn: "2026-01-01", version: 1 })),
      ...issuesOf(OfferDecision.safeParse({ status: "accepted" })),
      ...issuesOf(
        OfferAcceptance.safeParse({
          code: "no spaces",
          managingPartnerCode: "",
          floor: 1.5,
          bedrooms: -1,
          energyClass: "Z",
          condition: "x",
          category: "y",
        }),
      ),
      ...issuesOf(OfferAcceptance.safeParse({})),
      ...issuesOf(
        SchemeInput.safeParse({ name: "", kind: "x", terms: "short", maxCoverCents: 0, maxMonths: 200 }),
      ),
      ...issuesOf(SchemeInput.safeParse({ maxMonths: 1.5 })),
      ...issuesOf(UptakeInput.safeParse({ schemeId: "x", from: "x", to: "y", coverCents: 0 })),
      ...issuesOf(
        UptakeInput.safeParse({
          schemeId: "6f1c1d2e-0000-4000-8000-000000000001",
          from: "2026-02-01",
          to: "2026-01-01",
          coverCents: 1,
        }),
      ),
    ];
    expect(messages.length).toBeGreaterThan(40);
    for (const message of messages) expect(translated(message), message).toBe(true);
  });

  it("says in Italian what the API refuses", () => {
    const problems = uptakeProblems({ maxCoverCents: 100, maxMonths: 1, active: false }, "declined", {
      from: "2026-01-01",
      to: "2026-03-01",
      coverCents: 200,
    });
    expect(problems).toHaveLength(4);
    for (const message of [
      ...problems.map((p) => p.message),
      offerTransitionProblem("accepted", "declined") ?? "",
      offerTransitionProblem("offered", "accepted") ?? "",
      offerTransitionProblem("declined", "under_review") ?? "",
      offerTransitionProblem("withdrawn", "accepted") ?? "",
      "The owner was changed meanwhile: reload it and try again",
      "The offer was changed meanwhile: reload it and try again",
      "contactedOn cannot be after today (2026-11-22)",
      "decidedOn cannot be before the home was offered (2026-10-01)",
      'A scheme named "Copertura danni (demo)" already exists',
      "The home already has a guarantee of Fondo di garanzia affitti (demo)",
      'No guarantee scheme "6f1c1d2e-0000-4000-8000-000000000001"',
      'No owner "x"',
      'No owner offer "x"',
      "The guarantee breaks the scheme's terms",
      "The owner has invalid fields",
      "The home cannot enter the stock as it is",
      "Bedrooms cannot exceed rooms",
      "A wheelchair-adapted unit must be step-free",
    ])
      expect(translated(message), message).toBe(true);
    // The units service's refusals of an acceptance carry a value: the shared messages translate them
    // by their own patterns.
    for (const key of [
      "A unit with code {{code}} already exists",
      'Unknown partner "{{code}}"',
      "Partner {{partner}} does not manage the category {{category}}",
    ])
      expect(key in shared.messages, key).toBe(true);
  });

  it("puts the values back into the Italian: dates, amounts in cents, statuses", () => {
    const names = (message: string) => {
      const pattern = patternOf(message);
      const match = pattern?.re.exec(message);
      return pattern?.names.map(([name, kind], i) => [name, kind, match?.[i + 1]]);
    };
    expect(names("coverCents 600001 is more than the scheme's most, 600000")).toEqual([
      ["cover", "cents", "600001"],
      ["most", "cents", "600000"],
    ]);
    expect(names("An offer offered cannot become accepted")).toEqual([
      ["from", "status", "offered"],
      ["to", "status", "accepted"],
    ]);
    expect(names("offeredOn cannot be after today (2026-11-22)")).toEqual([["date", "date", "2026-11-22"]]);
    expect(names("reason is required when withdrawn")).toEqual([["status", "status", "withdrawn"]]);
    expect(names('A scheme named "Fondo (demo)" already exists')).toEqual([["name", "text", "Fondo (demo)"]]);
    // A stale owner's change and a stale offer's say the same.
    expect(patternOf("The owner was changed meanwhile: reload it and try again")?.key).toBe("stale");
    expect(patternOf("The offer was changed meanwhile: reload it and try again")?.key).toBe("stale");
  });
});
