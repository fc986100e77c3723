// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { INTERVENTION_TYPES, type InterventionType } from "../../domain/support-plans/intervention.schema.ts";
import {
  type ActionStatus,
  PLAN_DOMAINS,
  type PlanDomain,
  type PlanIntensity,
  TEAM_ROLES,
  type TeamRole,
} from "../../domain/support-plans/support-plan.schema.ts";
import type { Option } from "../components/form-field.tsx";

export const INTENSITIES: readonly PlanIntensity[] = ["low", "medium", "high"];
export const ACTION_STATUSES: readonly ActionStatus[] = ["open", "done", "dropped"];
/** The autonomy scale, 1 (none) to 5 (full). */
export const AUTONOMY_SCORES = [1, 2, 3, 4, 5] as const;

export type SupportPlanLabels = {
  domain: (d: PlanDomain) => string;
  intensity: (i: PlanIntensity) => string;
  teamRole: (r: TeamRole) => string;
  actionStatus: (s: ActionStatus) => string;
  interventionType: (t: InterventionType) => string;
  /** "3 – autonomia parziale". */
  score: (n: number) => string;
  domainOptions: Option[];
  intensityOptions: Option[];
  teamRoleOptions: Option[];
  actionStatusOptions: Option[];
  interventionTypeOptions: Option[];
};

/** Labels of the support-plan enums in the interface language. */
export function useSupportPlanLabels(): SupportPlanLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels change with the language.
  return useMemo(() => {
    const domain = (d: PlanDomain) => t(`plans.enums.domain.${d}`);
    const intensity = (i: PlanIntensity) => t(`plans.enums.intensity.${i}`);
    const teamRole = (r: TeamRole) => t(`plans.enums.teamRole.${r}`);
    const actionStatus = (s: ActionStatus) => t(`plans.enums.actionStatus.${s}`);
    const interventionType = (v: InterventionType) => t(`interventions.enums.type.${v}`);
    return {
      domain,
      intensity,
      teamRole,
      actionStatus,
      interventionType,
      score: (n: number) => t(`plans.enums.score.${n}`, { defaultValue: String(n) }),
      domainOptions: PLAN_DOMAINS.map((value) => ({ value, label: domain(value) })),
      intensityOptions: INTENSITIES.map((value) => ({ value, label: intensity(value) })),
      teamRoleOptions: TEAM_ROLES.map((value) => ({ value, label: teamRole(value) })),
      actionStatusOptions: ACTION_STATUSES.map((value) => ({ value, label: actionStatus(value) })),
      interventionTypeOptions: INTERVENTION_TYPES.map((value) => ({ value, label: interventionType(value) })),
    };
  }, [t, language]);
}
