// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { Role } from "../auth/roles.ts";
import { type CaseFacts, canReadReferralReport, specialCategoryAccess } from "./special-category.ts";

const PARTNER = "11111111-1111-4111-8111-111111111111";
const OTHER_PARTNER = "22222222-2222-4222-8222-222222222222";
const COMUNE = "33333333-3333-4333-8333-333333333333";
const ON_TEAM = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const OFF_TEAM = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  managingPartnerId: PARTNER,
  teamUserIds: [ON_TEAM],
  specialCategoriesWithdrawn: false,
  ...over,
});
const reader = (role: Role, userId: string, organisationId: string) => ({ role, userId, organisationId });

describe("specialCategoryAccess", () => {
  it.each([
    ["educator on the team", reader("area_b_educator", ON_TEAM, PARTNER), facts(), "full"],
    ["manager on the team", reader("area_b_manager", ON_TEAM, PARTNER), facts(), "full"],
    [
      "educator of the partner, not on the team",
      reader("area_b_educator", OFF_TEAM, PARTNER),
      facts(),
      "restricted",
    ],
    [
      "manager of the partner, not on the team",
      reader("area_b_manager", OFF_TEAM, PARTNER),
      facts(),
      "restricted",
    ],
    [
      "team member id, but of another partner",
      reader("area_b_educator", ON_TEAM, OTHER_PARTNER),
      facts(),
      "restricted",
    ],
    [
      "team, household without a partner",
      reader("area_b_educator", ON_TEAM, PARTNER),
      facts({ managingPartnerId: null }),
      "restricted",
    ],
    ["Comune social worker", reader("comune_social_worker", OFF_TEAM, COMUNE), facts(), "full"],
    ["Comune admin", reader("comune_admin", OFF_TEAM, COMUNE), facts(), "restricted"],
    ["Comune housing officer", reader("comune_housing_officer", OFF_TEAM, COMUNE), facts(), "restricted"],
    ["auditor", reader("auditor", OFF_TEAM, COMUNE), facts(), "restricted"],
    ["data protection", reader("comune_data_protection", OFF_TEAM, COMUNE), facts(), "full"],
    [
      "team, consent withdrawn",
      reader("area_b_educator", ON_TEAM, PARTNER),
      facts({ specialCategoriesWithdrawn: true }),
      "restricted",
    ],
    [
      "social worker, consent withdrawn",
      reader("comune_social_worker", OFF_TEAM, COMUNE),
      facts({ specialCategoriesWithdrawn: true }),
      "restricted",
    ],
    [
      "data protection, consent withdrawn",
      reader("comune_data_protection", OFF_TEAM, COMUNE),
      facts({ specialCategoriesWithdrawn: true }),
      "full",
    ],
  ] as const)("%s → %s", (_case, who, of, expected) => {
    expect(specialCategoryAccess(who, of)).toBe(expected);
  });
});

describe("canReadReferralReport", () => {
  const pending = { partnerId: OTHER_PARTNER, status: "pending" } as const;
  it.each([
    [
      "manager of the addressed partner, pending",
      reader("area_b_manager", OFF_TEAM, OTHER_PARTNER),
      pending,
      facts(),
      true,
    ],
    [
      "educator of the addressed partner, pending",
      reader("area_b_educator", OFF_TEAM, OTHER_PARTNER),
      pending,
      facts(),
      false,
    ],
    [
      "manager of the addressed partner, returned",
      reader("area_b_manager", OFF_TEAM, OTHER_PARTNER),
      { ...pending, status: "returned" },
      facts(),
      false,
    ],
    [
      "manager of another partner, pending",
      reader("area_b_manager", OFF_TEAM, PARTNER),
      pending,
      facts(),
      false,
    ],
    [
      "manager of the addressed partner, consent withdrawn",
      reader("area_b_manager", OFF_TEAM, OTHER_PARTNER),
      pending,
      facts({ specialCategoriesWithdrawn: true }),
      false,
    ],
    [
      "the team, accepted",
      reader("area_b_educator", ON_TEAM, PARTNER),
      { partnerId: PARTNER, status: "accepted" },
      facts(),
      true,
    ],
  ] as const)("%s → %s", (_case, who, referral, of, expected) => {
    expect(canReadReferralReport(who, referral, of)).toBe(expected);
  });
});
