// SPDX-License-Identifier: EUPL-1.2

import type { UnitCreate } from "../units/unit.schema.ts";
import { type ContractorInput, vatCheckDigit } from "../works/contractor.ts";
import { standardsFor } from "../works/standards.ts";
import type { CostLineInput, Phase } from "../works/works.ts";

/*
 * The demo's renovation works and contractor register, plainly fictional (names end in "(demo)", the
 * partite IVA are made up with a valid check digit): one contractor in good standing, one whose
 * registration ends within the month, one lapsed; works in progress and slipping, works completed,
 * works planned and not yet awarded.
 */

/** A made-up partita IVA with its check digit, one per `n`. */
export function demoVatNumber(n: number): string {
  const body = String(9_100_000_000 + n * 7919).padStart(10, "0");
  return `${body}${vatCheckDigit(body)}`;
}

const registration = (registeredOn: string, expiresOn: string) => ({
  prefecture: "Prefettura di Milano",
  registeredOn,
  expiresOn,
  renewalRequestedOn: null,
});

export const DEMO_CONTRACTORS: readonly ContractorInput[] = [
  {
    name: "Edilizia Fittizia Lombarda S.r.l. (demo)",
    vatNumber: demoVatNumber(1),
    email: "gare@edilizia-fittizia.example",
    phone: "02 0000 0101 (numero fittizio)",
    whiteList: registration("2026-04-01", "2027-03-31"),
    qualifications: ["OG1 III", "OS28 II", "OS30 II"],
  },
  {
    name: "Impianti Immaginari S.p.A. (demo)",
    vatNumber: demoVatNumber(2),
    email: "ufficio@impianti-immaginari.example",
    phone: "02 0000 0102 (numero fittizio)",
    whiteList: registration("2025-12-11", "2026-12-10"),
    qualifications: ["OS3 II", "OS28 III", "OS30 III"],
  },
  {
    name: "Costruzioni di Fantasia S.n.c. (demo)",
    vatNumber: demoVatNumber(3),
    email: "",
    phone: "",
    whiteList: registration("2025-06-01", "2026-05-31"),
    qualifications: ["OG1 II"],
  },
];

export type DemoWorks = {
  partnerCode: string;
  title: string;
  scope: string;
  targetGroup: "anziano_solo" | "famiglia" | null;
  unitCodes: string[];
  estimateExVatCents: number;
  /** Index in DEMO_CONTRACTORS and the award's day; null while not awarded. */
  award: { contractor: number; on: string } | null;
  status: "planned" | "in_progress" | "completed";
  completedOn: string | null;
  phases: Phase[];
  costs: CostLineInput[];
  standardsTicked: string[];
};

const phase = (
  name: string,
  plannedStart: string,
  plannedEnd: string,
  actualStart: string | null = null,
  actualEnd: string | null = null,
): Phase => ({ name, plannedStart, plannedEnd, actualStart, actualEnd });

/**
 * Three works on the demo's units: two ETS-B1 units being renovated (in progress, its second phase
 * late), one ETS-B2 unit renovated last summer (completed), the last ETS-B1 unit to renovate (planned).
 */
export function demoWorks(units: readonly UnitCreate[]): DemoWorks[] {
  const of = (partner: string, status: string) =>
    units.filter((u) => u.managingPartnerCode === partner && u.status === status).map((u) => u.code);
  const renovating = of("ETS-B1", "renovating").slice(0, 2);
  const renovated = of("ETS-B2", "available").slice(0, 1);
  const toRenovate = of("ETS-B1", "to_renovate").slice(-1);
  return [
    {
      partnerCode: "ETS-B1",
      title: "Ristrutturazione di due alloggi in Municipio 1 e 8 (demo)",
      scope: "Rifacimento impianti elettrico e idraulico, bagni, serramenti; arredo essenziale.",
      targetGroup: "famiglia",
      unitCodes: renovating,
      estimateExVatCents: 9_600_000,
      award: { contractor: 0, on: "2026-08-20" },
      status: "in_progress",
      completedOn: null,
      phases: [
        phase("Demolizioni e rimozioni", "2026-09-01", "2026-09-30", "2026-09-01", "2026-09-28"),
        phase("Impianti", "2026-10-01", "2026-11-15", "2026-10-01"),
        phase("Finiture e arredi", "2026-11-16", "2026-12-20"),
      ],
      costs: [
        {
          description: "Demolizioni e smaltimento (SAL 1)",
          supplier: "Edilizia Fittizia Lombarda S.r.l. (demo)",
          invoiceNumber: "EFL-2026-031",
          invoiceDate: "2026-09-30",
          amountExVatCents: 1_850_000,
          vatCents: 185_000,
          fundingSource: "grant",
        },
        {
          description: "Impianti elettrici e idraulici (SAL 2)",
          supplier: "Edilizia Fittizia Lombarda S.r.l. (demo)",
          invoiceNumber: "EFL-2026-047",
          invoiceDate: "2026-10-31",
          amountExVatCents: 3_200_000,
          vatCents: 320_000,
          fundingSource: "loan",
        },
      ],
      standardsTicked: ["smoke_and_co_detectors", "windows_sealed"],
    },
    {
      partnerCode: "ETS-B2",
      title: "Adeguamento di un bilocale per una persona anziana (demo)",
      scope: "Bagno con doccia a filo pavimento e maniglioni, pavimenti antiscivolo, impianti.",
      targetGroup: "anziano_solo",
      unitCodes: renovated,
      estimateExVatCents: 3_800_000,
      award: { contractor: 1, on: "2026-03-10" },
      status: "completed",
      completedOn: "2026-07-30",
      phases: [
        phase("Impianti e bagno", "2026-04-01", "2026-05-31", "2026-04-02", "2026-06-05"),
        phase("Finiture e arredi", "2026-06-01", "2026-07-15", "2026-06-08", "2026-07-28"),
      ],
      costs: [
        {
          description: "Opere edili e impianti",
          supplier: "Impianti Immaginari S.p.A. (demo)",
          invoiceNumber: "III-2026-112",
          invoiceDate: "2026-06-05",
          amountExVatCents: 2_900_000,
          vatCents: 290_000,
          fundingSource: "grant",
        },
        {
          description: "Arredi e ausili",
          supplier: "Arredi di Prova (demo)",
          invoiceNumber: "ADP-2026-009",
          invoiceDate: "2026-07-28",
          amountExVatCents: 1_050_000,
          vatCents: 231_000,
          fundingSource: "equity",
        },
      ],
      standardsTicked: standardsFor("anziano_solo"),
    },
    {
      partnerCode: "ETS-B1",
      title: "Ristrutturazione di un alloggio in Municipio 3 (demo)",
      scope: "Ristrutturazione completa; progetto in preparazione.",
      targetGroup: null,
      unitCodes: toRenovate,
      estimateExVatCents: 4_500_000,
      award: null,
      status: "planned",
      completedOn: null,
      phases: [
        phase("Progettazione", "2027-01-10", "2027-02-28"),
        phase("Lavori", "2027-03-01", "2027-06-30"),
      ],
      costs: [],
      standardsTicked: [],
    },
  ];
}
