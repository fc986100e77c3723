// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type {
  AllocationRunExplanation,
  AllocationRunSummary,
  RunPhase,
} from "../../domain/allocation/run.schema.ts";
import type { DesignationProposalUnit } from "../../domain/designation/designation-api.schema.ts";
import { PARTNER_MATCHES, type PartnerMatch } from "../../domain/eligibility/rules.schema.ts";
import type { EquityDimension } from "../../domain/equity/equity-report.ts";
import { NEEDS, SEXES, TARGET_GROUPS } from "../../domain/households/household.schema.ts";
import { type DeclinedBy, OFFER_STATUSES, type OfferStatus } from "../../domain/offers/offer.schema.ts";
import type { Option } from "../components/form-field.tsx";
import { PRIORITY_FACTS } from "../households/household-labels.ts";

type Explanation = AllocationRunExplanation;
export type PairRule = Explanation["checks"][number]["rule"];
export type PriorityComponent = Explanation["priority"]["components"][number];
export type Violation = AllocationRunSummary["violations"][number];
export type DesignationAction = DesignationProposalUnit["action"];

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => values.some((x) => x === v);

export type AllocationLabels = {
  runStatus: (s: AllocationRunSummary["status"]) => string;
  offerStatus: (s: OfferStatus) => string;
  declinedBy: (d: DeclinedBy) => string;
  partnerMatch: (m: PartnerMatch) => string;
  rule: (r: PairRule) => string;
  outcome: (o: Explanation["outcome"]) => string;
  violationReason: (r: Violation["reason"]) => string;
  /** A part of a priority score: the fact, need or target group in words. */
  component: (c: PriorityComponent, waitingMonths: number) => string;
  /** A group of a dimension of the equity report ("F", "18_24", "non_eu", …) in words. */
  equityGroup: (dimension: EquityDimension, group: string) => string;
  runPhase: (p: RunPhase) => string;
  designationAction: (a: DesignationAction) => string;
  offerStatusOptions: Option[];
  partnerMatchOptions: Option[];
};

/** Labels of the allocation enums (runs, explanations, offers) in the interface language. */
export function useAllocationLabels(): AllocationLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels change with the language.
  return useMemo(() => {
    const offerStatus = (s: OfferStatus) => t(`allocation.enums.offerStatus.${s}`);
    const partnerMatch = (m: PartnerMatch) => t(`allocation.enums.partnerMatch.${m}`);
    const component = (c: PriorityComponent, waitingMonths: number) => {
      switch (c.kind) {
        case "base":
          return t("allocation.explain.components.base");
        case "waiting":
          return t("allocation.explain.components.waiting", { count: waitingMonths });
        case "tie_breaker":
          return t("allocation.explain.components.tieBreaker");
        case "fact":
          return isOneOf(PRIORITY_FACTS, c.name) ? t(`households.enums.priority.${c.name}`) : c.name;
        case "need":
          return isOneOf(NEEDS, c.name) ? t(`households.enums.need.${c.name}`) : c.name;
        case "target_group":
          return isOneOf(TARGET_GROUPS, c.name) ? t(`households.enums.targetGroup.${c.name}`) : c.name;
      }
    };
    const equityGroup = (dimension: EquityDimension, group: string) => {
      switch (dimension) {
        case "gender":
          return isOneOf(SEXES, group)
            ? t(`households.enums.sex.${group}`)
            : t("allocation.equity.groups.unknownSex");
        case "householdType":
          return isOneOf(TARGET_GROUPS, group) ? t(`households.enums.targetGroup.${group}`) : group;
        case "ageBand":
        case "citizenship":
        case "disability":
          return t(`allocation.equity.groups.${dimension}.${group}`, { defaultValue: group });
      }
    };
    return {
      runStatus: (s) => t(`allocation.enums.runStatus.${s}`),
      equityGroup,
      runPhase: (p) => t(`allocation.enums.runPhase.${p}`),
      designationAction: (a) => t(`allocation.enums.designationAction.${a}`),
      offerStatus,
      declinedBy: (d) => t(`allocation.enums.declinedBy.${d}`),
      partnerMatch,
      rule: (r) => t(`allocation.enums.rule.${r}`),
      outcome: (o) => t(`allocation.enums.outcome.${o}`),
      violationReason: (r) => t(`allocation.enums.violationReason.${r}`),
      component,
      offerStatusOptions: OFFER_STATUSES.map((value) => ({ value, label: offerStatus(value) })),
      partnerMatchOptions: PARTNER_MATCHES.map((value) => ({ value, label: partnerMatch(value) })),
    };
  }, [t, language]);
}
