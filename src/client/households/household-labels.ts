// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../domain/auth/roles.ts";
import {
  ACCESSIBILITY_NEEDS,
  HOUSING_SITUATIONS,
  type NEEDS,
  RELATIONSHIPS,
  SEXES,
  TARGET_GROUPS,
  type TargetGroup,
} from "../../domain/households/household.schema.ts";
import {
  REFERRAL_STATUSES,
  type ReferralStatus,
  URGENCIES,
  type Urgency,
} from "../../domain/households/household-api.schema.ts";
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from "../../domain/households/household-status.ts";
import type { Option } from "../components/form-field.tsx";

export const PRIORITY_FACTS = [
  "knownToSocialServices",
  "completedPreviousPath",
  "prospectOfAutonomy",
  "ableToCoPay",
  "difficultyAccessingPublicHousing",
] as const;
export type PriorityFact = (typeof PRIORITY_FACTS)[number];

type Need = (typeof NEEDS)[number];
type HousingSituation = (typeof HOUSING_SITUATIONS)[number];
type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];
type Sex = (typeof SEXES)[number];
type Relationship = (typeof RELATIONSHIPS)[number];

export type HouseholdLabels = {
  status: (s: HouseholdStatus) => string;
  targetGroup: (g: TargetGroup) => string;
  need: (n: Need) => string;
  housingSituation: (s: HousingSituation) => string;
  accessibilityNeed: (a: AccessibilityNeed) => string;
  sex: (s: Sex) => string;
  relationship: (r: Relationship) => string;
  priority: (p: PriorityFact) => string;
  referralStatus: (s: ReferralStatus) => string;
  urgency: (u: Urgency) => string;
  /** A role as the audit register names it; the code itself when unknown. */
  role: (r: Role | string) => string;
  statusOptions: Option[];
  targetGroupOptions: Option[];
  housingSituationOptions: Option[];
  accessibilityOptions: Option[];
  sexOptions: Option[];
  relationshipOptions: Option[];
  referralStatusOptions: Option[];
  urgencyOptions: Option[];
};

/** Labels of the household and referral enums in the interface language. */
export function useHouseholdLabels(): HouseholdLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels change with the language.
  return useMemo(() => {
    const status = (s: HouseholdStatus) => t(`households.enums.status.${s}`);
    const targetGroup = (g: TargetGroup) => t(`households.enums.targetGroup.${g}`);
    const housingSituation = (s: HousingSituation) => t(`households.enums.housingSituation.${s}`);
    const accessibilityNeed = (a: AccessibilityNeed) => t(`households.enums.accessibilityNeed.${a}`);
    const sex = (s: Sex) => t(`households.enums.sex.${s}`);
    const relationship = (r: Relationship) => t(`households.enums.relationship.${r}`);
    const referralStatus = (s: ReferralStatus) => t(`referrals.enums.status.${s}`);
    const urgency = (u: Urgency) => t(`referrals.enums.urgency.${u}`);
    return {
      status,
      targetGroup,
      need: (n: Need) => t(`households.enums.need.${n}`),
      housingSituation,
      accessibilityNeed,
      sex,
      relationship,
      priority: (p: PriorityFact) => t(`households.enums.priority.${p}`),
      referralStatus,
      urgency,
      role: (r: string) => t(`audit.roles.${r}`, { defaultValue: r }),
      statusOptions: HOUSEHOLD_STATUSES.map((value) => ({ value, label: status(value) })),
      targetGroupOptions: TARGET_GROUPS.map((value) => ({ value, label: targetGroup(value) })),
      housingSituationOptions: HOUSING_SITUATIONS.map((value) => ({ value, label: housingSituation(value) })),
      accessibilityOptions: ACCESSIBILITY_NEEDS.map((value) => ({ value, label: accessibilityNeed(value) })),
      sexOptions: SEXES.map((value) => ({ value, label: sex(value) })),
      relationshipOptions: RELATIONSHIPS.map((value) => ({ value, label: relationship(value) })),
      referralStatusOptions: REFERRAL_STATUSES.map((value) => ({ value, label: referralStatus(value) })),
      urgencyOptions: URGENCIES.map((value) => ({ value, label: urgency(value) })),
    };
  }, [t, language]);
}
