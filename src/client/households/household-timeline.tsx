// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES } from "../../domain/households/consent.schema.ts";
import { DOCUMENT_KINDS } from "../../domain/households/document.schema.ts";
import { EXIT_DESTINATIONS, FOLLOW_UP_SITUATIONS } from "../../domain/households/exit.ts";
import { REFERRAL_STATUSES, type TimelineEntry } from "../../domain/households/household-api.schema.ts";
import { HOUSEHOLD_STATUSES } from "../../domain/households/household-status.ts";
import { INTERVENTION_TYPES } from "../../domain/support-plans/intervention.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { useSupportPlanLabels } from "../support-plans/support-plan-labels.ts";
import { useHouseholdCareLabels } from "./household-care-labels.ts";
import { useHouseholdLabels } from "./household-labels.ts";
import { referredPartnerOf } from "./household-messages.ts";
import { useHouseholdTimeline } from "./households-api.ts";

/** Entries dated by the day (a plan's start, a review, an intervention, an exit, a follow-up): no time. */
const DAY_KINDS: readonly TimelineEntry["kind"][] = ["plan", "review", "intervention", "exit", "follow_up"];

const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.some((x) => x === v);

/** What happened, in one line: the entry's kind with its values in words. */
function useHeadline() {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const planLabels = useSupportPlanLabels();
  const care = useHouseholdCareLabels();
  const status = (s: string) => (isOneOf(HOUSEHOLD_STATUSES, s) ? labels.status(s) : s);
  return (entry: TimelineEntry): string => {
    const { to, from } = entry;
    switch (entry.kind) {
      case "status":
        return from === null
          ? t("households.timeline.initial", { status: status(to) })
          : t("households.timeline.status", { from: status(from), to: status(to) });
      case "referral":
        return t(`households.timeline.referral.${isOneOf(REFERRAL_STATUSES, to) ? to : "pending"}`);
      case "plan":
        return t(`households.timeline.plan.${to}`, { defaultValue: t("households.timeline.plan.default") });
      case "review":
        return t("households.timeline.review");
      case "intervention":
        return t("households.timeline.intervention", {
          type: isOneOf(INTERVENTION_TYPES, to) ? planLabels.interventionType(to) : to,
        });
      case "exit": {
        const destination = isOneOf(EXIT_DESTINATIONS, to) ? care.destination(to) : to;
        if (from === "planned") return t("households.timeline.exitPlanned", { destination });
        if (from === "unplanned") return t("households.timeline.exitUnplanned", { destination });
        return t("households.timeline.exit", { destination });
      }
      case "follow_up": {
        const situation = isOneOf(FOLLOW_UP_SITUATIONS, to) ? care.situation(to) : to;
        // `from` says when: "12 months" after the exit.
        const months = /^(\d+)/.exec(from ?? "")?.[1];
        return months === undefined
          ? t("households.timeline.followUp", { situation })
          : t("households.timeline.followUpAt", { months: Number(months), situation });
      }
      case "document":
        return t("households.timeline.document", {
          kind: isOneOf(DOCUMENT_KINDS, to) ? care.documentKind(to) : to,
        });
      case "consent": {
        const purpose = isOneOf(CONSENT_PURPOSES, from) ? care.purpose(from) : (from ?? "");
        return to === "withdrawn"
          ? t("households.timeline.consentWithdrawn", { purpose })
          : t("households.timeline.consentGiven", { purpose });
      }
    }
  };
}

function TimelineNote({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  if (entry.note === "") return null;
  if (entry.kind === "referral") {
    const what = isOneOf(REFERRAL_STATUSES, entry.to) ? entry.to : "pending";
    const partner = referredPartnerOf(entry.note);
    return (
      <p className="mb-1 notes">
        {what === "pending" && partner !== null
          ? t("households.timeline.referredTo", { partner })
          : t(`households.timeline.referralNote.${what}`, { note: entry.note })}
      </p>
    );
  }
  return <p className="mb-1 fst-italic notes">{t("households.timeline.note", { note: entry.note })}</p>;
}

/** Cronologia: everything that happened to the household, oldest first, with who did it. */
export function HouseholdTimeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const format = useFormat();
  const headline = useHeadline();
  const timeline = useHouseholdTimeline(id);
  const items = timeline.data?.items;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="h4">
        {t("households.timeline.title")}
      </h2>
      <p className="small text-secondary">{t("households.timeline.intro")}</p>
      {timeline.error ? <ErrorAlert error={timeline.error} onRetry={() => timeline.refetch()} /> : null}
      {timeline.isPending ? <Loading /> : null}
      {items && items.length === 0 ? <p>{t("households.timeline.empty")}</p> : null}
      {items && items.length > 0 ? (
        <ol className="timeline" aria-labelledby="timeline-title">
          {items.map((entry, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; their order is their identity.
            <li key={i} className={`timeline-entry timeline-${entry.kind}`}>
              {DAY_KINDS.includes(entry.kind) ? (
                <time dateTime={entry.at.slice(0, 10)}>{format.date(entry.at.slice(0, 10))}</time>
              ) : (
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              )}
              <p className="mb-1">{headline(entry)}</p>
              <TimelineNote entry={entry} />
              <p className="mb-0 small">
                {entry.actor
                  ? t("households.timeline.by", {
                      name: entry.actor.name,
                      role: labels.role(entry.actor.role),
                    })
                  : t("households.timeline.system")}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
