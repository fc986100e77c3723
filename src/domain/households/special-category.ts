// SPDX-License-Identifier: EUPL-1.2
import type { Role } from "../auth/roles.ts";

/*
 * Who reads a household's special-category data (GDPR art. 9: health, and the intimate detail of
 * the social report, the plan and the interventions' notes): the Comune's social workers, and the
 * household's team in the partner that manages it. The Comune's data-protection role reads
 * everything, including what withdrawn consent hides; withdrawn consent to special categories
 * hides them from everyone else. Everybody else who may read the household sees it without them.
 */

export type SpecialCategoryAccess = "full" | "restricted";

export type CaseReader = { role: Role; userId: string; organisationId: string };

export type CaseFacts = {
  /** The Area B partner managing the household; null while nobody does. */
  managingPartnerId: string | null;
  /** Accounts on the household's team: named in its active plan, or who accepted its referral. */
  teamUserIds: readonly string[];
  /** The household withdrew its consent to the processing of special categories. */
  specialCategoriesWithdrawn: boolean;
};

export function specialCategoryAccess(reader: CaseReader, facts: CaseFacts): SpecialCategoryAccess {
  if (reader.role === "comune_data_protection") return "full";
  if (facts.specialCategoriesWithdrawn) return "restricted";
  if (reader.role === "comune_social_worker") return "full";
  const onTeam =
    facts.managingPartnerId !== null &&
    reader.organisationId === facts.managingPartnerId &&
    facts.teamUserIds.includes(reader.userId);
  return onTeam ? "full" : "restricted";
}

/**
 * The social report of a referral: the household's readers above, and, while the referral waits
 * for an answer, the managers of the partner it is addressed to (they decide on it).
 */
export function canReadReferralReport(
  reader: CaseReader,
  referral: { partnerId: string; status: "pending" | "accepted" | "returned" },
  facts: CaseFacts,
): boolean {
  if (specialCategoryAccess(reader, facts) === "full") return true;
  return (
    !facts.specialCategoriesWithdrawn &&
    referral.status === "pending" &&
    reader.role === "area_b_manager" &&
    reader.organisationId === referral.partnerId
  );
}
