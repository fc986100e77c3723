// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { AMORTISATION_METHODS, RATE_CONVENTIONS } from "../../domain/finance/loan.ts";
import {
  type ApplicationStatus,
  AREAS,
  type Area,
  FITS,
  type Fit,
  GUARANTEE_KINDS,
  LENDER_KINDS,
  type LoanStatus,
  PLEDGE_SOURCES,
  type PledgeSource,
} from "../../domain/funding/funding.ts";
import type { GuaranteeView, SourceTotals } from "../../domain/funding/funding-api.schema.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { type AreaPattern, useAreaMessage } from "../i18n/translate-message.ts";
import en from "./funding.en.json";
import it from "./funding.it.json";

/**
 * The funding register's strings are their own i18n namespace, `funding`, kept in this folder: the
 * menu entry, the pages, and under `messages` and `patterns` the Italian of the funding API's and
 * schemas' English messages.
 */
export const NS = "funding";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useFundingT() {
  return useTranslation(NS);
}

type Value = "text" | "date" | "cents" | "applicationStatus" | "loanStatus";

/**
 * The funding schemas' and API's messages that carry values, matched by pattern; the values are put
 * back translated. The schemas name the field first (`deadline must be a date`): the field is shown
 * beside its message already, so the Italian leaves it out.
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
  { re: /^The .+ was changed by someone else .*reload it and retry$/, key: "stale", names: [] },
  { re: /^No [a-z ]+ "(.+)"$/, key: "notFound", names: [] },
  {
    re: /^submittedOn is after the call's deadline \((\S+)\)$/,
    key: "afterDeadline",
    names: [["date", "date"]],
  },
  {
    re: /^requestedCents is above the most the call grants \((\d+) cents\)$/,
    key: "aboveCallMax",
    names: [["amount", "cents"]],
  },
  { re: /^(\S+) has already applied to this call$/, key: "alreadyApplied", names: [["org", "text"]] },
  {
    re: /^The application's outcome is already recorded \((\S+)\)$/,
    key: "outcomeRecorded",
    names: [["status", "applicationStatus"]],
  },
  {
    re: /^decidedOn cannot come before the application was submitted \((\S+)\)$/,
    key: "beforeApplication",
    names: [["date", "date"]],
  },
  {
    re: /^awardedCents is above what was requested \((\d+) cents\)$/,
    key: "aboveRequested",
    names: [["amount", "cents"]],
  },
  {
    re: /^receivedOn cannot come before the pledge \((\S+)\)$/,
    key: "beforePledge",
    names: [["date", "date"]],
  },
  {
    re: /^amountCents is above what is still outstanding on the pledge \((\d+) cents\)$/,
    key: "aboveOutstanding",
    names: [["amount", "cents"]],
  },
  { re: /^A lender named "(.+)" is already registered$/, key: "lenderTaken", names: [["name", "text"]] },
  { re: /^The offer is already (\S+)$/, key: "offerDecided", names: [["status", "loanStatus"]] },
  {
    re: /^decidedOn cannot come before the offer \((\S+)\)$/,
    key: "beforeOffer",
    names: [["date", "date"]],
  },
  {
    re: /^The offer was valid until (\S+); it cannot be accepted on (\S+)$/,
    key: "offerLapsed",
    names: [
      ["until", "date"],
      ["on", "date"],
    ],
  },
  {
    re: /^A renewal must end after the current expiry \((\S+)\)$/,
    key: "renewalEarlier",
    names: [["date", "date"]],
  },
  {
    re: /^paidOn cannot come before the disbursement \((\S+)\)$/,
    key: "beforeDisbursement",
    names: [["date", "date"]],
  },
  {
    re: /^principalCents is above the principal still owed \((\d+) cents\)$/,
    key: "aboveOwed",
    names: [["amount", "cents"]],
  },
];

/**
 * A message of the funding schemas or API in the interface language: the area's own translations
 * first (`funding:messages`, then `funding:patterns`, which in English too name amounts in euro and
 * dates as the interface writes them), then the shared ones.
 */
export function useFundingMessage() {
  const { t } = useFundingT();
  const format = useFormat();
  const show = useCallback(
    (kind: Value, raw: string) => {
      if (kind === "date") return format.date(raw);
      if (kind === "cents") return format.euro(Number(raw), { cents: true });
      if (kind === "applicationStatus") return t(`statusWords.applications.${raw}`, { defaultValue: raw });
      if (kind === "loanStatus") return t(`statusWords.loans.${raw}`, { defaultValue: raw });
      return raw;
    },
    [t, format],
  );
  return useAreaMessage(NS, PATTERNS, show);
}

type Source = SourceTotals["source"];
type Standing = GuaranteeView["standing"];
type LenderKind = (typeof LENDER_KINDS)[number];
type GuaranteeKind = (typeof GUARANTEE_KINDS)[number];
type Method = (typeof AMORTISATION_METHODS)[number];
type Convention = (typeof RATE_CONVENTIONS)[number];

/** Labels of the register's enums in the interface language, and their options for selects. */
export function useFundingLabels() {
  const { t } = useFundingT();
  return useMemo(() => {
    const source = (s: Source) => t(`sources.${s}`);
    const area = (a: Area | null) => (a === null ? t("areas.any") : t(`areas.${a}`));
    const fitLabel = (f: Fit) => t(`fits.${f}`);
    const lenderKind = (k: LenderKind) => t(`lenderKinds.${k}`);
    const guaranteeKind = (k: GuaranteeKind) => t(`guaranteeKinds.${k}`);
    const method = (m: Method) => t(`methods.${m}`);
    const convention = (c: Convention) => t(`conventions.${c}`);
    return {
      source,
      area,
      fit: fitLabel,
      lenderKind,
      guaranteeKind,
      method,
      convention,
      applicationStatus: (s: ApplicationStatus) => t(`applicationStatuses.${s}`),
      /** An offer still open after its last valid day reads "scaduta". */
      loanStatus: (s: LoanStatus, lapsed: boolean) =>
        lapsed && s === "offered" ? t("loanStatuses.lapsed") : t(`loanStatuses.${s}`),
      standing: (s: Standing, days: number) => t(`standings.${s}`, { count: Math.abs(days) }),
      sourceOptions: PLEDGE_SOURCES.map((value) => ({ value, label: source(value) })),
      areaOptions: AREAS.map((value) => ({ value, label: area(value) })),
      fitOptions: FITS.map((value) => ({ value, label: fitLabel(value) })),
      lenderKindOptions: LENDER_KINDS.map((value) => ({ value, label: lenderKind(value) })),
      guaranteeKindOptions: GUARANTEE_KINDS.map((value) => ({ value, label: guaranteeKind(value) })),
      methodOptions: AMORTISATION_METHODS.map((value) => ({ value, label: method(value) })),
      conventionOptions: RATE_CONVENTIONS.map((value) => ({ value, label: convention(value) })),
    };
  }, [t]);
}

/** Days to a date in words: "oggi", "tra 3 giorni", "3 giorni fa". */
export function useDaysText() {
  const { t } = useFundingT();
  return useCallback(
    (days: number) =>
      days === 0
        ? t("days.today")
        : days > 0
          ? t("days.in", { count: days })
          : t("days.ago", { count: -days }),
    [t],
  );
}

/** Pledge sources as the type the register keeps (not loans). */
export const isPledgeSource = (s: string): s is PledgeSource => PLEDGE_SOURCES.some((p) => p === s);
