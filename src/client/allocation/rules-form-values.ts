// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import type { TFunction } from "i18next";
import type { FieldErrors, Resolver, ResolverResult } from "react-hook-form";
import { type PartnerMatch, RulesVersion } from "../../domain/eligibility/rules.schema.ts";
import { RulesDocument } from "../../domain/eligibility/rules-api.schema.ts";
import { NEEDS } from "../../domain/households/household.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import { PRIORITY_FACTS, type PriorityFact } from "../households/household-labels.ts";

// The rules form edits the main figures of a rules document and keeps the rest of it as it is. The
// inputs hold text: points and m² as numbers, the ISEE band in euro (the API counts cents) and the
// affordability share as a percentage (the API keeps a share 0–1). The shared schema checks the
// document built from them, so the form never disagrees with the server.

type Need = (typeof NEEDS)[number];

export type SizeRowValues = {
  size: number;
  minSurfaceM2: string;
  minRooms: string;
  maxRooms: string;
  minBedrooms: string;
  maxBedrooms: string;
};
export const SIZE_FIELDS = ["minSurfaceM2", "minRooms", "maxRooms", "minBedrooms", "maxBedrooms"] as const;
export type SizeField = (typeof SIZE_FIELDS)[number];

export type RulesFormValues = {
  priority: {
    basePoints: string;
    facts: Record<PriorityFact, string>;
    needs: Record<Need, string>;
    waiting: { pointsPerMonth: string; maxPoints: string };
    fitWeight: string;
  };
  affordability: { maxRentSharePercent: string };
  categories: Record<
    UnitCategory,
    { isee: { minEuro: string; maxEuro: string }; partnerMatch: PartnerMatch }
  >;
  sizeStandards: { rows: SizeRowValues[]; extraSurfaceM2PerPerson: string };
  /** The rules of offers: days to answer, reasonable refusals kept, whether an expiry is reasonable. */
  offers: { dueDays: string; reasonableRefusalsKept: string; expiryIsReasonable: "yes" | "no" };
  /** Motivazione: asked only when saving. */
  reason: string;
};

export type RulesIntent = "preview" | "save";
export type RulesFormOutput = { rules: RulesDocument; reason: string };

/** A number as the inputs show it: no thousands separator, the language's decimal mark. */
export function numberText(value: number, language: string): string {
  const text = String(Number(value.toFixed(6)));
  return language === "en" ? text : text.replace(".", ",");
}

const recordOf = <K extends string, V>(keys: readonly K[], value: (k: K) => V) =>
  Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;

export function rulesFormValues(doc: RulesDocument, language: string): RulesFormValues {
  const n = (value: number) => numberText(value, language);
  const { priority } = doc;
  return {
    priority: {
      basePoints: n(priority.basePoints),
      facts: recordOf(PRIORITY_FACTS, (f) => n(priority.facts[f])),
      needs: recordOf(NEEDS, (need) => n(priority.needs[need])),
      waiting: {
        pointsPerMonth: n(priority.waiting.pointsPerMonth),
        maxPoints: n(priority.waiting.maxPoints),
      },
      fitWeight: n(priority.fitWeight),
    },
    affordability: { maxRentSharePercent: n(doc.affordability.maxRentShareOfIncome * 100) },
    categories: recordOf(UNIT_CATEGORIES, (c) => {
      const rule = doc.categories[c];
      return {
        isee: {
          minEuro: n(rule.isee.minCents / 100),
          maxEuro: rule.isee.maxCents === null ? "" : n(rule.isee.maxCents / 100),
        },
        partnerMatch: rule.partnerMatch,
      };
    }),
    sizeStandards: {
      rows: doc.sizeStandards.rows.map((row) => ({
        size: row.size,
        minSurfaceM2: n(row.minSurfaceM2),
        minRooms: n(row.minRooms),
        maxRooms: n(row.maxRooms),
        minBedrooms: n(row.minBedrooms),
        maxBedrooms: n(row.maxBedrooms),
      })),
      extraSurfaceM2PerPerson: n(doc.sizeStandards.extraSurfaceM2PerPerson),
    },
    offers: {
      dueDays: n(doc.offers.dueDays),
      reasonableRefusalsKept: n(doc.offers.reasonableRefusalsKept),
      expiryIsReasonable: doc.offers.expiryIsReasonable ? "yes" : "no",
    },
    reason: "",
  };
}

// Text the schema cannot read stays text, so the schema names the problem beside the field.
const asNumber = (text: string) => (text.trim() === "" ? undefined : parseLocaleNumber(text));
function asCents(text: string, empty: 0 | null) {
  if (text.trim() === "") return empty;
  const euro = parseLocaleNumber(text.replace(/€/g, ""));
  return typeof euro === "number" ? Math.round(euro * 100) : text;
}
function asShare(text: string) {
  const percent = asNumber(text.replace(/%/g, ""));
  // The API applies the share to 0.01 %.
  return typeof percent === "number" ? Math.round(percent * 100) / 10_000 : percent;
}

/** The document the form describes: its figures over `base`, which keeps everything else. */
export function rulesDocumentOf(values: RulesFormValues, base: RulesDocument): unknown {
  const p = values.priority;
  return {
    ...base,
    priority: {
      ...base.priority,
      basePoints: asNumber(p.basePoints),
      facts: recordOf(PRIORITY_FACTS, (f) => asNumber(p.facts[f])),
      needs: recordOf(NEEDS, (need) => asNumber(p.needs[need])),
      waiting: {
        pointsPerMonth: asNumber(p.waiting.pointsPerMonth),
        maxPoints: asNumber(p.waiting.maxPoints),
      },
      fitWeight: asNumber(p.fitWeight),
    },
    affordability: {
      ...base.affordability,
      maxRentShareOfIncome: asShare(values.affordability.maxRentSharePercent),
    },
    categories: recordOf(UNIT_CATEGORIES, (c) => {
      const form = values.categories[c];
      return {
        ...base.categories[c],
        isee: { minCents: asCents(form.isee.minEuro, 0), maxCents: asCents(form.isee.maxEuro, null) },
        partnerMatch: form.partnerMatch,
      };
    }),
    sizeStandards: {
      rows: values.sizeStandards.rows.map((row, i) => ({
        size: i + 1,
        ...recordOf(SIZE_FIELDS, (f) => asNumber(row[f])),
      })),
      extraSurfaceM2PerPerson: asNumber(values.sizeStandards.extraSurfaceM2PerPerson),
    },
    offers: {
      ...base.offers,
      dueDays: asNumber(values.offers.dueDays),
      reasonableRefusalsKept: asNumber(values.offers.reasonableRefusalsKept),
      expiryIsReasonable: values.offers.expiryIsReasonable === "yes",
    },
  };
}

const FORM_PATHS = [
  /^priority\.(basePoints|fitWeight)$/,
  new RegExp(`^priority\\.facts\\.(${PRIORITY_FACTS.join("|")})$`),
  new RegExp(`^priority\\.needs\\.(${NEEDS.join("|")})$`),
  /^priority\.waiting\.(pointsPerMonth|maxPoints)$/,
  /^affordability\.maxRentSharePercent$/,
  new RegExp(`^categories\\.(${UNIT_CATEGORIES.join("|")})\\.(isee\\.(minEuro|maxEuro)|partnerMatch)$`),
  new RegExp(`^sizeStandards\\.rows\\.\\d+\\.(${SIZE_FIELDS.join("|")})$`),
  /^sizeStandards\.extraSurfaceM2PerPerson$/,
  /^offers\.(dueDays|reasonableRefusalsKept|expiryIsReasonable)$/,
  /^reason$/,
];

/**
 * The form field of a path in the rules document or the request (`rules.categories.x.isee.maxCents`
 * → `categories.x.isee.maxEuro`); null when the form has no field for it.
 */
export function formPathOf(path: string): string | null {
  const inForm = path
    .replace(/^rules\./, "")
    .replace(/\.isee\.minCents$/, ".isee.minEuro")
    .replace(/\.isee\.maxCents$/, ".isee.maxEuro")
    .replace(/^affordability\.maxRentShareOfIncome$/, "affordability.maxRentSharePercent");
  return FORM_PATHS.some((re) => re.test(inForm)) ? inForm : null;
}

/** The id of a field's control: `priority.facts.ableToCoPay` → `rules-priority-facts-ableToCoPay`. */
export const rulesFieldId = (path: string) => `rules-${path.replaceAll(".", "-")}`;

/**
 * The shared schema over the document the form describes, and the reason when saving. Problems the
 * form has no field for go to `root.<n>`, so the summary still lists them.
 */
export const rulesResolver =
  (base: RulesDocument, intent: () => RulesIntent): Resolver<RulesFormValues, unknown, RulesFormOutput> =>
  async (values, _context, options): Promise<ResolverResult<RulesFormValues, RulesFormOutput>> => {
    const flat: FieldErrors = {};
    const add = (path: string, message: string) => {
      const field = formPathOf(path) ?? `root.${Object.keys(flat).length}`;
      flat[field] ??= { type: "schema", message };
    };
    const parsed = RulesDocument.safeParse(rulesDocumentOf(values, base));
    if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.join("."), issue.message);
    const reason = RulesVersion.shape.reason.safeParse(values.reason);
    if (intent() === "save" && !reason.success) add("reason", reason.error.issues[0]?.message ?? "");
    if (!parsed.success || Object.keys(flat).length > 0)
      return { values: {}, errors: toNestErrors(flat, options) };
    return { values: { rules: parsed.data, reason: reason.success ? reason.data : "" }, errors: {} };
  };

type MessagePattern = { re: RegExp; key: string };

// The schema's English messages name the field; beside the field its label says that already.
const MESSAGE_PATTERNS: readonly MessagePattern[] = [
  { re: /maxRentShareOfIncome must be (at most 1|a number from 0 to 1)/, key: "percentRange" },
  { re: /must be (a number|an amount in cents|a whole number)/, key: "number" },
  { re: /cannot be negative/, key: "negative" },
  { re: /must be greater than 0/, key: "positive" },
  { re: /: at most (?<max>[\d.]+) points$/, key: "atMost" },
  { re: /must be at most (?<max>[\d.]+)/, key: "atMost" },
  { re: /must be from (?<min>\d+) to (?<max>\d+)/, key: "range" },
  {
    re: /max must be at least .* min$|maxRooms must be at least|maxBedrooms must be at least/,
    key: "maxBelowMin",
  },
  { re: /minBedrooms cannot exceed maxRooms/, key: "bedroomsOverRooms" },
  { re: /minSurfaceM2 cannot be below the row/, key: "surfaceBelowPrevious" },
  { re: /^reason is required/, key: "reasonRequired" },
  { re: /^reason: at most/, key: "reasonTooLong" },
  { re: /^Another version was saved at the same moment/, key: "conflict" },
];

/** A message of the rules schema or API in the interface language; `fallback` for any other. */
export function rulesMessage(t: TFunction, english: string, fallback: (m: string) => string): string {
  for (const { re, key } of MESSAGE_PATTERNS) {
    const match = re.exec(english);
    if (match) return t(`allocation.rules.errors.${key}`, { ...match.groups });
  }
  return fallback(english);
}
