// SPDX-License-Identifier: EUPL-1.2
import type {
  ApplicationInput,
  FundingCallInput,
  GuaranteeInput,
  LenderInput,
  LoanOfferInput,
  LoanPaymentInput,
  PledgeInput,
  ReceiptInput,
} from "../funding/funding.ts";

/*
 * The demo's funding register, plainly fictional (every funder, donor and lender ends in "(demo)"):
 * calls for funding at each stage (one awarded to Area B, one rejected, one open and due soon with no
 * application yet), the grant and the partners' equity and co-financing with what has come in, a
 * neighbourhood fundraising campaign running late, two lenders, an accepted loan being repaid whose
 * guarantee ends early in 2027, and an open offer.
 */

export type DemoApplication = ApplicationInput & {
  partnerCode: string;
  outcome: {
    outcome: "awarded" | "rejected";
    decidedOn: string;
    awardedCents: number | null;
    expectedOn: string;
  };
  receipts: ReceiptInput[];
};
export type DemoCall = FundingCallInput & { organisationCode: string; applications: DemoApplication[] };

export const DEMO_CALLS: readonly DemoCall[] = [
  {
    organisationCode: "ETS-B1",
    funder: "Fondazione Comunitaria Immaginaria (demo)",
    title: "Abitare l'autonomia: accompagnamento all'uscita (demo)",
    area: "B",
    deadline: "2026-05-15",
    maxAmountCents: 6_000_000,
    fit: "high",
    url: "https://bandi.example/abitare-autonomia",
    notes: "Copre educatori e piccoli arredi.",
    applications: [
      {
        partnerCode: "ETS-B1",
        requestedCents: 5_500_000,
        submittedOn: "2026-05-10",
        notes: "",
        outcome: {
          outcome: "awarded",
          decidedOn: "2026-07-20",
          awardedCents: 4_800_000,
          expectedOn: "2026-09-30",
        },
        receipts: [{ amountCents: 2_400_000, receivedOn: "2026-09-28", reference: "Prima tranche (demo)" }],
      },
    ],
  },
  {
    organisationCode: "ETS-A",
    funder: "Fondazione Bancaria di Fantasia (demo)",
    title: "Rigenerare case vuote (demo)",
    area: "A",
    deadline: "2026-03-31",
    maxAmountCents: 25_000_000,
    fit: "medium",
    url: "",
    notes: "",
    applications: [
      {
        partnerCode: "ETS-A",
        requestedCents: 20_000_000,
        submittedOn: "2026-03-25",
        notes: "",
        outcome: {
          outcome: "rejected",
          decidedOn: "2026-06-30",
          awardedCents: null,
          expectedOn: "2026-06-30",
        },
        receipts: [],
      },
    ],
  },
  {
    organisationCode: "ETS-A",
    funder: "Regione Immaginaria (demo)",
    title: "Fondo per la rigenerazione dell'edilizia sociale (demo)",
    area: null,
    deadline: "2026-12-09",
    maxAmountCents: 40_000_000,
    fit: "high",
    url: "https://bandi.example/rigenerazione",
    notes: "Cofinanziamento del 20 % richiesto.",
    applications: [],
  },
];

export type DemoPledge = PledgeInput & { partnerCode: string; receipts: ReceiptInput[] };

export const DEMO_PLEDGES: readonly DemoPledge[] = [
  {
    partnerCode: "ETS-A",
    source: "grant",
    donor: "Fondo perduto dell'Avviso (demo)",
    area: "A",
    amountCents: 250_000_000,
    pledgedOn: "2026-01-15",
    expectedOn: "2027-01-31",
    notes: "Tre tranche sullo stato di avanzamento.",
    receipts: [
      { amountCents: 100_000_000, receivedOn: "2026-02-27", reference: "Anticipo (demo)" },
      { amountCents: 75_000_000, receivedOn: "2026-09-30", reference: "SAL 1 (demo)" },
    ],
  },
  {
    partnerCode: "ETS-A",
    source: "equity",
    donor: "Capitale proprio ETS-A (demo)",
    area: "A",
    amountCents: 30_000_000,
    pledgedOn: "2026-01-15",
    expectedOn: "2026-03-31",
    notes: "",
    receipts: [{ amountCents: 30_000_000, receivedOn: "2026-03-20", reference: "Delibera CdA (demo)" }],
  },
  {
    partnerCode: "ETS-B1",
    source: "equity",
    donor: "Capitale proprio ETS-B1 (demo)",
    area: "B",
    amountCents: 5_000_000,
    pledgedOn: "2026-02-01",
    expectedOn: "2026-06-30",
    notes: "",
    receipts: [{ amountCents: 5_000_000, receivedOn: "2026-06-15", reference: "" }],
  },
  {
    partnerCode: "ETS-B1",
    source: "fundraising",
    donor: "Campagna «Una casa per ripartire» (demo)",
    area: "B",
    amountCents: 3_000_000,
    pledgedOn: "2026-03-01",
    expectedOn: "2026-10-31",
    notes: "Raccolta di quartiere e crowdfunding.",
    receipts: [{ amountCents: 1_850_000, receivedOn: "2026-07-31", reference: "Piattaforma (demo)" }],
  },
  {
    partnerCode: "ETS-A",
    source: "co_financing_a",
    donor: "Cofinanziamento Area A (demo)",
    area: "A",
    amountCents: 6_000_000,
    pledgedOn: "2026-01-15",
    expectedOn: "2027-12-31",
    notes: "Il 2 % dell'investimento in ristrutturazioni, entro 5 anni.",
    receipts: [{ amountCents: 2_000_000, receivedOn: "2026-06-30", reference: "" }],
  },
  {
    partnerCode: "ETS-B1",
    source: "co_financing_b",
    donor: "Cofinanziamento Area B, primo anno (demo)",
    area: "B",
    amountCents: 1_500_000,
    pledgedOn: "2026-01-15",
    expectedOn: "2026-12-31",
    notes: "",
    receipts: [{ amountCents: 800_000, receivedOn: "2026-07-15", reference: "" }],
  },
];

export const DEMO_LENDERS: readonly LenderInput[] = [
  {
    name: "Banca Etica Immaginaria (demo)",
    kind: "ethical_finance",
    contact: "impieghi@banca-etica.example",
  },
  { name: "Fondazione Social Lending di Fantasia (demo)", kind: "foundation", contact: "" },
];

export type DemoLoan = Omit<LoanOfferInput, "lenderId"> & {
  lender: number;
  partnerCode: string;
  decision: { decidedOn: string; disbursedOn: string } | null;
  guarantees: GuaranteeInput[];
  payments: LoanPaymentInput[];
};

const monthEnds = ["2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"];

export const DEMO_LOANS: readonly DemoLoan[] = [
  {
    lender: 0,
    partnerCode: "ETS-A",
    purpose: "Ristrutturazione del primo lotto (demo)",
    principalCents: 120_000_000,
    annualRate: 0.035,
    years: 15,
    method: "french",
    graceMonths: 12,
    convention: "nominal",
    offeredOn: "2026-03-01",
    validUntil: "2026-05-31",
    decision: { decidedOn: "2026-04-20", disbursedOn: "2026-05-29" },
    guarantees: [
      {
        issuer: "Confidi Immaginario (demo)",
        kind: "confidi",
        amountCents: 60_000_000,
        issuedOn: "2026-05-15",
        expiresOn: "2027-01-15",
        reference: "FID-0001 (demo)",
      },
    ],
    // Interest only during the grace year: 3.5 % of 1.2 M EUR a year, monthly.
    payments: monthEnds.map((paidOn) => ({
      paidOn,
      principalCents: 0,
      interestCents: 350_000,
      reference: "Rata di preammortamento (demo)",
    })),
  },
  {
    lender: 1,
    partnerCode: "ETS-B1",
    purpose: "Arredi e piccoli lavori negli alloggi di fragilità (demo)",
    principalCents: 8_000_000,
    annualRate: 0.02,
    years: 7,
    method: "italian",
    graceMonths: 0,
    convention: "nominal",
    offeredOn: "2026-11-02",
    validUntil: "2026-12-18",
    decision: null,
    guarantees: [],
    payments: [],
  },
];
