// SPDX-License-Identifier: EUPL-1.2
import type { FieldIssue } from "../shared/issue.ts";
import type { EconomicReferralKind, ReferralOutcome } from "./arrears-api.schema.ts";

/*
 * Referrals for a household's economic participation (seed 000 §4.2.1): financial education and
 * microcredit, and the two funds for arrears. Each ends with an outcome: a course completed, a loan
 * or a contribution granted (with its amount), a refusal, or the household dropping out.
 */

/** The outcomes a referral may move to from each. */
export const OUTCOME_MOVES: Record<ReferralOutcome, readonly ReferralOutcome[]> = {
  pending: ["granted", "refused", "completed", "dropped"],
  granted: ["completed", "dropped"],
  refused: [],
  completed: [],
  dropped: [],
};

/** What is wrong with recording `change` on a referral; empty when it may be recorded. */
export function outcomeProblems(
  referral: { kind: EconomicReferralKind; outcome: ReferralOutcome; referredOn: string },
  change: { outcome: ReferralOutcome; outcomeOn: string; amountCents: number | null },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!OUTCOME_MOVES[referral.outcome].includes(change.outcome))
    issues.push({
      path: "outcome",
      message:
        OUTCOME_MOVES[referral.outcome].length === 0
          ? `The referral is ${referral.outcome}: its outcome is final`
          : `A ${referral.outcome} referral can become ${OUTCOME_MOVES[referral.outcome].join(", ")}, not ${change.outcome}`,
    });
  if (change.outcomeOn < referral.referredOn)
    issues.push({
      path: "outcomeOn",
      message: `The outcome cannot come before the referral (${referral.referredOn})`,
    });
  if (change.outcomeOn > today)
    issues.push({ path: "outcomeOn", message: "The outcome cannot be in the future" });
  if (change.amountCents !== null && change.outcome !== "granted" && change.outcome !== "completed")
    issues.push({ path: "amountCents", message: "An amount goes with a granted or completed referral" });
  if (change.amountCents !== null && referral.kind === "financial_education")
    issues.push({ path: "amountCents", message: "Financial education has no amount" });
  return issues;
}
