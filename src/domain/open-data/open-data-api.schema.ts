// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitCategory } from "../units/unit.schema.ts";

/*
 * What the open-data API answers, without login: an index of the tables, each table of counts with
 * small counts withheld (null), and the confiscated units in use. Titles and labels come in Italian
 * and English, so a reuser needs no other source to read them.
 */

const day = z.iso.date();

/** A text in both languages of the site. */
export const BilingualText = z.object({ it: z.string(), en: z.string() });
export type BilingualText = z.infer<typeof BilingualText>;

export const OPEN_DATA_SUBJECTS = ["people", "households", "units"] as const;
/** What a table counts: people (persone), households (nuclei) or housing units (alloggi). */
export const OpenDataSubject = z.enum(OPEN_DATA_SUBJECTS);
export type OpenDataSubject = z.infer<typeof OpenDataSubject>;

/** A count, or a share from 0 to 1 (quota). */
export const OpenDataMeasure = z.enum(["count", "share"]);

export const OpenDataColumn = z.object({ key: z.string(), label: BilingualText, measure: OpenDataMeasure });
export type OpenDataColumn = z.infer<typeof OpenDataColumn>;

export const OpenDataRow = z.object({
  key: z.string(),
  label: BilingualText,
  /** One value per column; null where withheld for confidentiality. */
  cells: z.array(z.number().nullable()),
  /** The row's total, in two-way tables only; null when withheld. */
  total: z.number().nullable().optional(),
});
export type OpenDataRow = z.infer<typeof OpenDataRow>;

/** A figure computed from a table's published counts only (a share); null when they do not allow it. */
export const DerivedFigure = z.object({
  key: z.string(),
  label: BilingualText,
  value: z.number().nullable(),
  note: BilingualText,
});
export type DerivedFigure = z.infer<typeof DerivedFigure>;

export const OpenDataTable = z.object({
  /** Address of the table: `/open-data/tables/{name}` (JSON) and `{name}.csv`. */
  name: z.string(),
  title: BilingualText,
  description: BilingualText,
  asOf: day,
  subject: OpenDataSubject,
  /** The small-cell rule applies: counts of people or households, never 1–9 published. */
  smallCellRule: z.boolean(),
  /** Tables of the same population count the same people or households: they share the grand total. */
  population: z.string(),
  rowHeader: BilingualText,
  columns: z.array(OpenDataColumn),
  /** Whether rows carry a total (two-way tables). */
  rowTotals: z.boolean(),
  rows: z.array(OpenDataRow),
  /** The column totals; in a two-way table its `total` is the grand total. */
  totals: OpenDataRow,
  /** How many values are withheld (null). */
  hiddenCells: z.number().int().min(0),
  notes: z.array(BilingualText),
  derived: z.array(DerivedFigure),
});
export type OpenDataTable = z.infer<typeof OpenDataTable>;

export const OpenDataTableEntry = OpenDataTable.pick({
  name: true,
  title: true,
  description: true,
  subject: true,
  smallCellRule: true,
  hiddenCells: true,
}).extend({ json: z.string(), csv: z.string() });
export type OpenDataTableEntry = z.infer<typeof OpenDataTableEntry>;

export const OpenDataIndex = z.object({
  asOf: day,
  publisher: BilingualText,
  licence: z.object({ name: z.string(), url: z.string() }),
  /** The rule of small counts, as the page and every CSV footnote state it. */
  suppression: BilingualText,
  /** What a withheld value shows in the CSV files (null in JSON). */
  marker: z.string(),
  /** Households that withdrew their consent to processing are not counted. */
  consent: BilingualText,
  tables: z.array(OpenDataTableEntry),
  confiscatedUnits: z.object({ title: BilingualText, json: z.string(), csv: z.string() }),
});
export type OpenDataIndex = z.infer<typeof OpenDataIndex>;

/**
 * A confiscated unit in use (bene confiscato, D.Lgs. 159/2011 art. 48): what the law asks to publish.
 * No street address, nothing about who lives there.
 */
export const ConfiscatedUnit = z.object({
  /** The unit's code in the programme's register. */
  code: z.string(),
  town: z.string(),
  /** Municipio 1–9 in Milano; null elsewhere. */
  municipio: z.number().int().nullable(),
  surfaceM2: z.number(),
  rooms: z.number().int(),
  /** The social use it is destined to: the category of the programme. */
  category: UnitCategory,
  destination: BilingualText,
  /** The partner managing it (concessionario). */
  managingOrganisation: z.string().nullable(),
  /** The partner it is lent to free of charge (comodato), and for how long. */
  comodatoOrganisation: z.string().nullable(),
  comodatoStart: day.nullable(),
  comodatoEnd: day.nullable(),
});
export type ConfiscatedUnit = z.infer<typeof ConfiscatedUnit>;

export const ConfiscatedUnitList = z.object({
  asOf: day,
  title: BilingualText,
  legalBasis: BilingualText,
  /** Why the street address and the household are not published. */
  privacy: BilingualText,
  units: z.array(ConfiscatedUnit),
});
export type ConfiscatedUnitList = z.infer<typeof ConfiscatedUnitList>;
