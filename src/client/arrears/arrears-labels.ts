// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import type { StepBlockView } from "../../domain/arrears/arrears-api.schema.ts";
import type { ArrearsStage } from "../../domain/arrears/arrears-policy.ts";
import type { AgeingBucket, WarningKind } from "../../domain/ledger/account.ts";
import { useFormat } from "../format.ts";
import en from "../i18n/en.json";
import { useMessage } from "../i18n/translate-message.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import it from "../i18n/it.json";

// The arrears API speaks English; the translations of its messages (and of the shared schemas' ones
// this area uses) live under `arrears.messages` and join the `messages` namespace that
// `translate-message.ts` reads, so `useMessage` shows them in the interface language.
for (const [language, resources] of [
  ["it", it],
  ["en", en],
] as const) {
  const messages = (resources as { arrears?: { messages?: Record<string, string> } }).arrears?.messages;
  if (messages) i18next.addResourceBundle(language, "messages", messages, true, false);
}

/**
 * The arrears API's messages that carry a value (a number, a date, a reference), matched by pattern
 * and translated under `arrears:patterns` with the values put back; every other message goes to
 * `useMessage`.
 */
const PATTERNS: readonly { re: RegExp; key: string; names: readonly string[] }[] = [
  { re: /^A plan has from 1 to (\d+) instalments$/, key: "planRange", names: ["max"] },
  {
    re: /^Each instalment must be at least (\S+) EUR: at most (\d+) instalments? for this total$/,
    key: "minInstalment",
    names: ["min", "most"],
  },
  { re: /^The plan cannot exceed the balance owed \((\S+) EUR\)$/, key: "aboveBalance", names: ["balance"] },
  {
    re: /^(\S+) is taken from (\d+) days overdue; the oldest unpaid charge is (\d+) days overdue$/,
    key: "tooEarly",
    names: ["stage", "fromDays", "days"],
  },
  {
    re: /^The case is at (\S+): it moves forward, not back to (\S+)$/,
    key: "stagePassed",
    names: ["current", "stage"],
  },
  {
    re: /^Legal action comes only after (.+) (?:was|were) recorded$/,
    key: "missingSteps",
    names: ["stages"],
  },
  {
    re: /^ISEE (.+) EUR is above the fund's ceiling of (.+) EUR$/,
    key: "iseeAbove",
    names: ["isee", "max"],
  },
  {
    re: /^Nothing is overdue on tenancy (\S+) and no early warning is raised$/,
    key: "nothingToOpen",
    names: ["reference"],
  },
  { re: /^Tenancy (\S+) already has an open arrears case$/, key: "alreadyOpen", names: ["reference"] },
  {
    re: /^Household (\S+) has no educator to signal: name one in its support plan's team$/,
    key: "noEducator",
    names: ["reference"],
  },
  {
    re: /^The outcome cannot come before the referral \((\S+)\)$/,
    key: "outcomeBeforeReferral",
    names: ["date"],
  },
  { re: /^The task is (\S+), not open$/, key: "taskNotOpen", names: ["status"] },
  // The policy's fields: the form shows the field's name beside the message, so the path is dropped.
  { re: /^(?:stages|repaymentPlan|funds)\.\S+ must be a whole number of days$/, key: "wholeDays", names: [] },
  { re: /^(?:stages|repaymentPlan|funds)\.\S+ cannot be negative$/, key: "notNegative", names: [] },
  { re: /^(?:stages|repaymentPlan|funds)\.\S+: at most (\d+) days$/, key: "atMostDays", names: ["max"] },
  { re: /^(?:stages|repaymentPlan|funds)\.\S+ must be a whole number$/, key: "wholeNumber", names: [] },
  {
    re: /^(?:stages|repaymentPlan|funds)\.\S+ must be from (\d+) to (\d+)$/,
    key: "fromTo",
    names: ["min", "max"],
  },
  {
    re: /^(?:stages|repaymentPlan|funds)\.\S+ must be (?:an amount in cents|a whole number of cents)$/,
    key: "amountCents",
    names: [],
  },
  { re: /^(?:stages|repaymentPlan|funds)\.\S+ is too large$/, key: "tooLarge", names: [] },
  { re: /^(?:stages|repaymentPlan|funds)\.\S+ must be greater than 0$/, key: "positive", names: [] },
  {
    re: /^stages\.\S+ cannot be below (\S+)'s \((\d+) days\): stages go in order$/,
    key: "stagesInOrder",
    names: ["stage", "days"],
  },
  { re: /^stages\.signal\.fromDaysOverdue must be at least 1 day$/, key: "atLeastOneDay", names: [] },
  { re: /^stages\.legal\.requiresStages: each stage once$/, key: "eachOnce", names: [] },
];

/** `useMessage`, knowing the arrears API's messages with values too. */
export function useArrearsMessage() {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const stage = (s: string) => t(`arrears:stages.${s}`, { defaultValue: s });
  return (text: string) => {
    for (const { re, key, names } of PATTERNS) {
      const match = re.exec(text);
      if (match === null) continue;
      const values: Record<string, string> = {};
      for (const [i, name] of names.entries()) {
        const raw = match[i + 1] ?? "";
        if (name === "stage" || name === "current") values[name] = stage(raw);
        else if (name === "stages") values[name] = raw.split(" and ").map(stage).join(", ");
        else if (name === "date") values[name] = format.date(raw);
        else if (name === "status") values[name] = t(`arrears:taskStatus.${raw}`, { defaultValue: raw });
        else values[name] = raw;
      }
      return t(`arrears:patterns.${key}`, { ...values, defaultValue: text });
    }
    return message(text);
  };
}

/** The labels of the arrears area's codes, in the interface language. */
export function useArrearsLabels() {
  const { t } = useTranslation();
  const format = useFormat();
  const stage = (s: ArrearsStage | string) => t(`arrears:stages.${s}`, { defaultValue: s });
  return {
    stage,
    bucket: (b: AgeingBucket) => t(`arrears:buckets.${b}`),
    warning: (w: WarningKind | string) => t(`arrears:warnings.${w}`, { defaultValue: w }),
    referralKind: (k: string) => t(`arrears:referralKinds.${k}`, { defaultValue: k }),
    outcome: (o: string) => t(`arrears:outcomes.${o}`, { defaultValue: o }),
    taskKind: (k: string) => t(`arrears:taskKinds.${k}`, { defaultValue: k }),
    taskStatus: (s: string) => t(`arrears:taskStatus.${s}`, { defaultValue: s }),
    instalmentStatus: (s: string) => t(`arrears:instalmentStatus.${s}`, { defaultValue: s }),
    planStatus: (s: string) => t(`arrears:planStatus.${s}`, { defaultValue: s }),
    category: (c: string) => t(`enums.categoryShort.${c}`, { defaultValue: c }),
    /** Why a step or a fund is not possible now, from the block's code and values. */
    block: (b: StepBlockView) =>
      t(`arrears:blocks.${b.code}`, {
        defaultValue: b.message,
        current: b.current ? stage(b.current) : "",
        fromDays: b.fromDays ?? 0,
        days: b.days ?? 0,
        stages: (b.stages ?? []).map(stage).join(", "),
        max: b.maxIseeCents === undefined ? "" : format.euro(b.maxIseeCents),
      }),
  };
}
