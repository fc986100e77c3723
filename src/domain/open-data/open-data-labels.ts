// SPDX-License-Identifier: EUPL-1.2
import type { ExitDestination } from "../households/exit.ts";
import type { TargetGroup } from "../households/household.schema.ts";
import type { UnitCategory, UnitOrigin } from "../units/unit.schema.ts";
import type { BilingualText } from "./open-data-api.schema.ts";

/*
 * The Italian and English labels of the open data's dimensions: the API sends them with every table,
 * so the page and any reuser read the same words.
 */

const text = (it: string, en: string): BilingualText => ({ it, en });

export const OPEN_DATA_SEXES = ["F", "M", "X"] as const;
export type OpenDataSex = (typeof OPEN_DATA_SEXES)[number];
/** Sex as recorded: X is non-binary, as EU statistics require. */
export const SEX_LABELS: Record<OpenDataSex, BilingualText> = {
  F: text("Donne (F)", "Women (F)"),
  M: text("Uomini (M)", "Men (M)"),
  X: text("Non binarie (X)", "Non-binary (X)"),
};

/** Age bands on the day of the data, in whole years. */
export const OPEN_DATA_AGE_BANDS = ["under_18", "18_24", "25_34", "35_49", "50_64", "65_plus"] as const;
export type OpenDataAgeBand = (typeof OPEN_DATA_AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<OpenDataAgeBand, BilingualText> = {
  under_18: text("0–17 anni", "0–17 years"),
  "18_24": text("18–24 anni", "18–24 years"),
  "25_34": text("25–34 anni", "25–34 years"),
  "35_49": text("35–49 anni", "35–49 years"),
  "50_64": text("50–64 anni", "50–64 years"),
  "65_plus": text("65 anni e oltre", "65 and over"),
};

export const OPEN_DATA_CITIZENSHIPS = ["italian", "other_eu", "non_eu", "unknown"] as const;
export type OpenDataCitizenship = (typeof OPEN_DATA_CITIZENSHIPS)[number];
export const CITIZENSHIP_LABELS: Record<OpenDataCitizenship, BilingualText> = {
  italian: text("Italiana", "Italian"),
  other_eu: text("Altro Paese dell'Unione europea", "Other EU country"),
  non_eu: text("Paese non UE", "Non-EU country"),
  unknown: text("Non indicata", "Not recorded"),
};

export const TARGET_GROUP_LABELS: Record<TargetGroup, BilingualText> = {
  neo_maggiorenni: text("Neo maggiorenni", "Young people leaving care"),
  famiglia: text("Famiglia", "Family"),
  monoparentale: text("Famiglia monoparentale", "Single-parent family"),
  anziano_solo: text("Anziano solo", "Older person living alone"),
  persona_con_disabilita: text("Persona con disabilità", "Person with disabilities"),
  donna_sola: text("Donna sola", "Single woman"),
  uomo_solo: text("Uomo solo", "Single man"),
};

export const CATEGORY_LABELS: Record<UnitCategory, BilingualText> = {
  calmierato: text("Canone calmierato", "Capped rent"),
  calmierato_ridotto: text("Canone calmierato ridotto", "Reduced capped rent"),
  fragilita: text("Fragilità sociale", "Social fragility"),
};

/** Where a unit is: a municipio of Milano, or the hinterland towns together. */
export const OPEN_DATA_AREAS = [
  "municipio_1",
  "municipio_2",
  "municipio_3",
  "municipio_4",
  "municipio_5",
  "municipio_6",
  "municipio_7",
  "municipio_8",
  "municipio_9",
  "hinterland",
] as const;
export type OpenDataArea = (typeof OPEN_DATA_AREAS)[number];
export const AREA_LABELS: Record<OpenDataArea, BilingualText> = {
  ...(Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [
      `municipio_${i + 1}`,
      text(`Milano, Municipio ${i + 1}`, `Milan, Municipio ${i + 1}`),
    ]),
  ) as Record<Exclude<OpenDataArea, "hinterland">, BilingualText>),
  hinterland: text("Altri comuni della Città metropolitana", "Other towns of the metropolitan city"),
};

/** The area of a unit: its municipio in Milano, else the hinterland. */
export const areaOf = (municipio: number | null): OpenDataArea =>
  municipio !== null && municipio >= 1 && municipio <= 9
    ? (`municipio_${municipio}` as OpenDataArea)
    : "hinterland";

export const DESTINATION_LABELS: Record<ExitDestination, BilingualText> = {
  market_rent: text("Affitto sul mercato", "Private rental market"),
  public_housing: text("Edilizia residenziale pubblica", "Public housing"),
  family: text("Presso la famiglia", "With family"),
  other_service: text("Altro servizio", "Another service"),
  abandonment: text("Abbandono del percorso", "Left the path"),
  eviction: text("Sfratto", "Eviction"),
  death: text("Decesso", "Death"),
};

export const FOLLOW_UP_OUTCOMES = ["kept_home", "returned", "not_yet_known"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, BilingualText> = {
  kept_home: text("Abitazione mantenuta", "Kept a home"),
  returned: text("Tornati in condizione di bisogno abitativo", "Back in housing need"),
  not_yet_known: text("Esito non ancora rilevato", "Not yet known"),
};

export const ORIGIN_LABELS: Record<UnitOrigin, BilingualText> = {
  municipal: text("Comunale (Milano)", "Municipal (Milan)"),
  confiscated: text("Bene confiscato", "Confiscated property"),
  hinterland: text("Comunale nell'hinterland", "Municipal, hinterland"),
  partner: text("Ente partner", "Partner organisation"),
  private: text("Privato", "Private owner"),
};

export const STOCK_STATUS_GROUPS = ["renovation", "in_use", "unavailable"] as const;
export type StockStatusGroup = (typeof STOCK_STATUS_GROUPS)[number];
export const STOCK_STATUS_GROUP_LABELS: Record<StockStatusGroup, BilingualText> = {
  renovation: text("Da ristrutturare o in ristrutturazione", "To renovate or being renovated"),
  in_use: text(
    "In uso (disponibili, in assegnazione o locati)",
    "In use (available, being allocated or let)",
  ),
  unavailable: text("Non disponibili", "Unavailable"),
};

/** Status groups of the stock table: occupancy is not shown apart, so the table says nothing about households. */
export function stockStatusGroupOf(status: string): StockStatusGroup {
  if (status === "to_renovate" || status === "renovating") return "renovation";
  return status === "unavailable" ? "unavailable" : "in_use";
}
