// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { ContactInput, OfferInput, OwnerInput, SchemeInput } from "../owners/owners.ts";
import { offerTransitionProblem } from "../owners/owners-rules.ts";
import { DEMO_GUARANTEE_SCHEMES, DEMO_OWNERS } from "./demo-owners.ts";
import { DEMO_ORGANISATIONS } from "./demo-programme.ts";

const TODAY = "2026-11-22";

describe("the demo's private owners", () => {
  it("holds valid, plainly fictional owners, contacts and offers, none after the demo's day", () => {
    const codes = new Set(DEMO_ORGANISATIONS.map((o) => o.code));
    for (const owner of DEMO_OWNERS) {
      expect(OwnerInput.safeParse(owner).success, owner.name).toBe(true);
      expect(owner.name).toContain("(demo)");
      for (const contact of owner.contacts) {
        expect(ContactInput.safeParse(contact).success, owner.name).toBe(true);
        expect(contact.contactedOn <= TODAY).toBe(true);
        expect(codes.has(contact.by), contact.by).toBe(true);
      }
      for (const offer of owner.offers) {
        expect(OfferInput.safeParse(offer).success, offer.address).toBe(true);
        expect(offer.address).toContain("Fittizia");
        expect(offer.offeredOn <= TODAY).toBe(true);
        if (offer.status === "offered") expect(offer.decidedOn).toBeNull();
        else {
          expect(offer.decidedOn !== null && offer.decidedOn >= offer.offeredOn).toBe(true);
          // Each demo offer moved once from offered.
          expect(offerTransitionProblem("offered", offer.status)).toBeNull();
          if (offer.status !== "under_review") expect(offer.reason).not.toBe("");
        }
      }
    }
  });

  it("covers every kind of owner, associations among them, and every offer status but accepted", () => {
    expect(new Set(DEMO_OWNERS.map((o) => o.kind))).toEqual(
      new Set(["individual", "company", "association", "agency"]),
    );
    expect(new Set(DEMO_OWNERS.flatMap((o) => o.offers.map((f) => f.status)))).toEqual(
      new Set(["offered", "under_review", "declined", "withdrawn"]),
    );
  });

  it("offers both kinds of guarantee scheme, with valid terms", () => {
    for (const scheme of DEMO_GUARANTEE_SCHEMES)
      expect(SchemeInput.safeParse(scheme).success, scheme.name).toBe(true);
    expect(DEMO_GUARANTEE_SCHEMES.map((s) => s.kind).sort()).toEqual(["damage_cover", "rent_guarantee_fund"]);
  });
});
