// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  AREA_LINES,
  type AreaLine,
  CLAIM_STATUSES,
  type ClaimStatus,
  EXPENSE_DOCUMENT_KINDS,
  EXPENSE_SOURCES,
  type ExpenseDocumentKind,
  type ExpenseSource,
} from "../../domain/expenses/expenses.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { type AreaPattern, useAreaMessage } from "../i18n/translate-message.ts";
import en from "./expenses.en.json";
import it from "./expenses.it.json";

/**
 * The expense claims' strings are their own i18n namespace, `expenses`, kept in this folder: the menu
 * entry, the pages, and under `messages` and `patterns` the Italian of the expenses API's and
 * schemas' English messages.
 */
export const NS = "expenses";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useExpensesT() {
  return useTranslation(NS);
}

type Value = "skip" | "text" | "date" | "cents" | "status" | "source" | "rule";

/**
 * The expenses schemas' and API's messages that carry values, matched by pattern; the values are put
 * back translated. A message names its field first: the field is shown beside it, so the Italian
 * leaves it out.
 */
const PATTERNS: readonly AreaPattern<Value>[] = [
  { re: /^\S+ must be a date \(YYYY-MM-DD\)$/, key: "mustBeDate", names: [] },
  { re: /^\S+ must be an amount in cents$/, key: "amountCents", names: [] },
  { re: /^\S+ must be a whole number of cents$/, key: "wholeCents", names: [] },
  { re: /^\S+ cannot be negative$/, key: "notNegative", names: [] },
  { re: /^\S+ is too large$/, key: "tooLarge", names: [] },
  { re: /^\S+ must be above 0$/, key: "aboveZero", names: [] },
  { re: /^\S+ is required$/, key: "required", names: [] },
  { re: /^\S+ needs at least (\d+) characters$/, key: "atLeast", names: [["min", "text"]] },
  { re: /^\S+: at most (\d+) characters$/, key: "atMost", names: [["max", "text"]] },
  { re: /^\S+ must be one of /, key: "chooseOne", names: [] },
  { re: /^The (claim|budget) was changed by someone else .*reload it and retry$/, key: "stale", names: [] },
  { re: /^No (expense claim|cost line|document) "(.+)"/, key: "notFound", names: [] },
  {
    re: /^(\S+) (\d{4}-\d{2}-\d{2}) is outside the project \((\S+) to (\S+)\)$/,
    key: "outsideProject",
    names: [
      ["field", "skip"],
      ["date", "date"],
      ["start", "date"],
      ["end", "date"],
    ],
  },
  {
    re: /^(\S+) (\d{4}-\d{2}-\d{2}) is outside the claim's period \((\S+) to (\S+)\)$/,
    key: "outsidePeriod",
    names: [
      ["field", "skip"],
      ["date", "date"],
      ["from", "date"],
      ["to", "date"],
    ],
  },
  { re: /^\S+ cannot be after today \((\S+)\)$/, key: "future", names: [["date", "date"]] },
  { re: /^Cost line (\d+) needs an invoice or a timesheet$/, key: "needsInvoice", names: [["n", "text"]] },
  { re: /^Cost line (\d+) needs a proof of payment$/, key: "needsProof", names: [["n", "text"]] },
  {
    re: /^No budget is set for line (\S+) and source (\S+):/,
    key: "noBudget",
    names: [
      ["line", "text"],
      ["source", "source"],
    ],
  },
  {
    re: /^The claim's total \((\d+) cents\) plus what is already submitted or approved \((\d+) cents\) exceeds the budget \((\d+) cents\) by (\d+) cents$/,
    key: "overBudget",
    names: [
      ["total", "cents"],
      ["committed", "cents"],
      ["budget", "cents"],
      ["over", "cents"],
    ],
  },
  {
    re: /^The claim is (\S+): (.+)$/,
    key: "claimState",
    names: [
      ["status", "status"],
      ["rule", "rule"],
    ],
  },
  {
    re: /^approvedCents is above the line's amount \((\d+) cents\)$/,
    key: "aboveLine",
    names: [["amount", "cents"]],
  },
  { re: /^Cost line (\d+) is decided twice$/, key: "decidedTwice", names: [["n", "text"]] },
  {
    re: /^Decide every cost line: cost line (\d+) has no decision$/,
    key: "undecided",
    names: [["n", "text"]],
  },
  {
    re: /^paidCents is above the approved total \((\d+) cents\)$/,
    key: "abovePaid",
    names: [["amount", "cents"]],
  },
  {
    re: /^paidOn cannot come before the claim was approved \((\S+)\)$/,
    key: "paidBeforeDecision",
    names: [["date", "date"]],
  },
  {
    re: /^amountCents is below what claims already hold against the budget \((\d+) cents\)$/,
    key: "belowCommitted",
    names: [["amount", "cents"]],
  },
  {
    re: /^This document is already on this claim \(cost line (\d+)\)$/,
    key: "onThisClaim",
    names: [["n", "text"]],
  },
];

/**
 * A message of the expenses schemas or API in the interface language: the area's own translations
 * first (`expenses:messages`, then `expenses:patterns`, which in English too write amounts in euro
 * and dates as the interface does), then the shared ones.
 */
export function useExpenseMessage() {
  const { t } = useExpensesT();
  const format = useFormat();
  const show = useCallback(
    (kind: Value, raw: string, own: Record<string, string> | undefined) => {
      if (kind === "date") return format.date(raw);
      if (kind === "cents") return format.euro(Number(raw), { cents: true });
      if (kind === "status") return t(`statusWords.${raw}`, { defaultValue: raw });
      if (kind === "source") return t(`sources.${raw}`, { defaultValue: raw });
      if (kind === "rule") return own?.[raw] ?? raw;
      return raw;
    },
    [t, format],
  );
  return useAreaMessage(NS, PATTERNS, show);
}

/** Labels of the area's enums in the interface language, and their options for selects. */
export function useExpenseLabels() {
  const { t } = useExpensesT();
  return useMemo(() => {
    const status = (s: ClaimStatus) => t(`statuses.${s}`);
    const source = (s: ExpenseSource) => t(`sources.${s}`);
    // "A.1" as a key would be read as a path: the bundles key it "A1".
    const line = (l: AreaLine) => t(`lines.${l.replace(".", "")}`);
    const documentKind = (k: ExpenseDocumentKind) => t(`documentKinds.${k}`);
    return {
      status,
      source,
      line,
      documentKind,
      statusOptions: CLAIM_STATUSES.map((value) => ({ value, label: status(value) })),
      sourceOptions: EXPENSE_SOURCES.map((value) => ({ value, label: source(value) })),
      lineOptions: AREA_LINES.map((value) => ({ value, label: line(value) })),
      documentKindOptions: EXPENSE_DOCUMENT_KINDS.map((value) => ({ value, label: documentKind(value) })),
    };
  }, [t]);
}
