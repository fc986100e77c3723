// SPDX-License-Identifier: EUPL-1.2
import { chargesForMonth } from "../src/domain/ledger/proration.ts";
import { noticeNumber } from "../src/domain/pagopa/notice.ts";
import { toCsv } from "../src/domain/shared/csv.ts";
import { seededRandom } from "../src/domain/shared/random.ts";

/** The seed of every synthetic rent roll and statement: the same seed gives the same tenancies and lines. */
export const BANK_BENCH_SEED = 20261122;

/** The month the tenancies are charged for and the statement's lines are booked in. */
export const BENCH_PERIOD = "2026-11";
/** The segregation code of the bench's notice numbers. */
export const BENCH_SEGREGATION_CODE = "01";

export type PartnerCode = "ETS-B1" | "ETS-B2";

export type SyntheticCharge = {
  kind: "rent" | "service";
  amountCents: number;
  dueOn: string;
  daysCharged: number;
  daysInMonth: number;
  noticeNumber: string;
};

/** A tenancy in force with its unit, household, signatories and the month's charges (all fictional). */
export type SyntheticTenancy = {
  /** 1-based, also the number in the reference. */
  n: number;
  unitId: string;
  householdId: string;
  tenancyId: string;
  /** LOC-2026-00042. */
  reference: string;
  partnerCode: PartnerCode;
  signatories: { name: string; role: "holder" | "co_holder" }[];
  startOn: string;
  rentCents: number;
  serviceChargeCents: number;
  charges: SyntheticCharge[];
};

// Given names and family names of the tenants, and disjoint ones for payers who sign no tenancy: a
// payer of the noise can never share a word, so never a name, with a signatory.
const GIVEN = [
  "Giulia",
  "Marco",
  "Chiara",
  "Luca",
  "Francesca",
  "Matteo",
  "Sara",
  "Davide",
  "Elena",
  "Andrea",
  "Martina",
  "Simone",
  "Alessia",
  "Federico",
  "Valentina",
  "Niccolò",
  "Noè",
  "Ilaria",
  "Tommaso",
  "Beatrice",
  "Samir",
  "Amina",
  "Youssef",
  "Fatima",
  "Ionut",
  "Oksana",
  "Wei",
  "Lin",
  "Kofi",
  "Ama",
] as const;
const FAMILY = [
  "Esempio",
  "Prova",
  "Fittizi",
  "Inventato",
  "Immaginari",
  "Campione",
  "Modello",
  "Figurato",
  "Ipotetico",
  "Simulato",
  "Dimostrativo",
  "Provvisorio",
  "Dell'Esempio",
  "D'Inventato",
  "Finzioni",
  "Fantasia",
  "Chimera",
  "Miraggio",
  "Abbozzo",
  "Bozzetto",
  "Schizzo",
  "Sagoma",
  "Fantoccio",
  "Manichino",
  "Controfigura",
  "Comparsa",
  "Sostituto",
  "Supplente",
  "Omonimo",
  "Pseudonimo",
] as const;
const OTHER_GIVEN = ["Ettore", "Ilario", "Ornella", "Tiziana", "Rodolfo", "Gemma", "Brunella", "Cesare"];
const OTHER_FAMILY = ["Sconosciuto", "Estraneo", "Ignoto", "Forestiero", "Passante", "Viandante"];
const COMPANIES = [
  "Fittizia Impianti & Figli Srl",
  "Cooperativa Immaginaria Servizi",
  "Studio Inventato Associati",
  "Condominio Via Fittizia 12",
  "Assicurazioni Chimeriche Spa",
  "Ente Immaginario Rimborsi",
];
const NOISE_REMITTANCES = [
  "Rimborso spese",
  "Giroconto",
  "Fattura n. 2026/118",
  "Deposito cauzionale",
  "Versamento contanti",
  "Storno commissioni",
  "BONIFICO A VOSTRO FAVORE; saldo lavori",
  "Quota condominiale ottobre",
  "",
];
const MONTHLY_REMITTANCES = ["Canone novembre", "Affitto novembre 2026", "Pagamento mensile", "", "Canone"];
const STREETS = ["Via Fittizia dei Glicini", "Viale Immaginario dei Platani", "Via Inventata del Ciliegio"];

/** A name's key: its words without accents, upper case, sorted (what tells two spellings of a name apart). */
const nameKey = (name: string) =>
  (
    name
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toUpperCase()
      .match(/[A-Z0-9]+/g) ?? []
  )
    .sort()
    .join(" ");

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** Deterministic UUIDs, readable in the database: `b0000001-…` units, `b1…` households, `b2…` tenancies. */
export const benchUuid = (kind: 0 | 1 | 2, n: number) => `b${kind}000000-0000-4000-8000-${pad(n, 12)}`;

/**
 * `count` tenancies in force for ETS-B1 (references LOC-2026-00001…) and `otherCount` for ETS-B2 (the
 * references after them), each charged for `BENCH_PERIOD` as a charge run would (whole month, or
 * prorated for the 5 % that start in it), with valid pagoPA notice numbers. Every signatory's name is
 * unique (whatever the word order or accents), so a payer name alone points at one tenancy at most.
 */
export function syntheticTenancies(
  count: number,
  otherCount: number,
  seed = BANK_BENCH_SEED,
): SyntheticTenancy[] {
  if (count + otherCount > 99_999) throw new RangeError("At most 99,999 tenancies (five-digit references)");
  const random = seededRandom(seed);
  const taken = new Set<string>();
  const freshName = () => {
    for (;;) {
      const first = random.pick(FAMILY);
      const second = random.pick(FAMILY);
      if (first === second) continue;
      const name = `${random.pick(GIVEN)} ${first} ${second}`;
      const key = nameKey(name);
      if (!taken.has(key)) {
        taken.add(key);
        return name;
      }
    }
  };
  let notice = 0;
  const tenancies: SyntheticTenancy[] = [];
  for (let n = 1; n <= count + otherCount; n++) {
    const signatories: SyntheticTenancy["signatories"] = [{ name: freshName(), role: "holder" }];
    if (random.next() < 0.15) signatories.push({ name: freshName(), role: "co_holder" });
    // Most started on the first of a month since 2024; 5 % start during the charged month.
    const startOn =
      random.next() < 0.05
        ? `${BENCH_PERIOD}-${pad(random.int(2, 15), 2)}`
        : `${random.int(2024, 2026)}-${pad(random.int(1, 10), 2)}-01`;
    const rentCents = random.int(180, 650) * 100 + random.pick([0, 0, 0, 50, 25]);
    const serviceChargeCents = random.int(25, 140) * 100;
    const charges = chargesForMonth(
      { startOn, lastDay: null, rentCents, serviceChargeCents },
      BENCH_PERIOD,
    ).map((c) => ({ ...c, noticeNumber: noticeNumber(BENCH_SEGREGATION_CODE, ++notice) }));
    tenancies.push({
      n,
      unitId: benchUuid(0, n),
      householdId: benchUuid(1, n),
      tenancyId: benchUuid(2, n),
      reference: `LOC-2026-${pad(n, 5)}`,
      partnerCode: n <= count ? "ETS-B1" : "ETS-B2",
      signatories,
      startOn,
      rentCents,
      serviceChargeCents,
      charges,
    });
  }
  return tenancies;
}

/** Where a line comes from, and so whether it should be matched. */
export type LineKind =
  | "reference"
  | "notice"
  | "payer"
  | "unknown payer"
  | "wrong amount"
  | "other partner"
  | "two references";

export const LINE_KINDS: readonly LineKind[] = [
  "reference",
  "notice",
  "payer",
  "unknown payer",
  "wrong amount",
  "other partner",
  "two references",
];

/** Share of each kind of line, in %: 70 quote a reference, 10 only a payer, 20 are noise. */
const KIND_WEIGHTS: readonly [LineKind, number][] = [
  ["reference", 63],
  ["notice", 7],
  ["payer", 10],
  ["unknown payer", 8],
  ["wrong amount", 7],
  ["other partner", 3],
  ["two references", 2],
];

/** A credit of the synthetic statement, with what the generator knows it should match. */
export type SyntheticLine = {
  bookedOn: string;
  amountCents: number;
  payer: string;
  remittance: string;
  kind: LineKind;
  /** The reference of the tenancy the line must match, or null when it must stay in the queue. */
  expected: string | null;
};

function weighted<T>(roll: number, weights: readonly [T, number][]): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let left = roll * total;
  for (const [value, w] of weights) {
    left -= w;
    if (left < 0) return value;
  }
  return (weights.at(-1) as [T, number])[0];
}

/** The ways tenants write a reference in the causale. */
function spellReference(reference: string, roll: number): string {
  const [, year, number] = reference.split("-") as [string, string, string];
  if (roll < 0.3) return reference;
  if (roll < 0.5) return `loc ${year} ${number}`;
  if (roll < 0.7) return `Rif. LOC${year}${number}`;
  if (roll < 0.8) return `LOC/${year}/${number}`;
  if (roll < 0.9) return `Loc.${year}.${number}`;
  return `LOC ${year}-${number}`;
}

/** A notice number as tenants copy it: whole, in groups of four as printed, or the IUV alone. */
function spellNotice(notice: string, roll: number): string {
  if (roll < 0.4) return notice;
  if (roll < 0.8) return (notice.match(/.{1,4}/g) ?? []).join(" ");
  return notice.slice(1);
}

/** A name as banks write it: as given, surname first, all capitals, or capitals without accents. */
function spellName(name: string, roll: number): string {
  const words = name.split(" ");
  const surnameFirst = [...words.slice(1), words[0]].join(" ");
  if (roll < 0.4) return name;
  if (roll < 0.7) return surnameFirst.toUpperCase();
  if (roll < 0.85) return surnameFirst;
  return name.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/**
 * `count` credit lines booked from the 1st to the 21st of `BENCH_PERIOD` against the ETS-B1 tenancies
 * (about 70 % quoting a reference or a notice number, spelt in several ways; 10 % quoting nothing but
 * paid by a signatory with the exact amount of a charge, of both charges or of the balance) and 20 %
 * noise that must stay in the queue: payers who sign no tenancy, signatories paying an amount that
 * agrees with nothing, references of another partner's tenancies (out of the importer's scope), and
 * two references in one causale.
 */
export function syntheticStatement(
  tenancies: readonly SyntheticTenancy[],
  count: number,
  seed = BANK_BENCH_SEED + 1,
): SyntheticLine[] {
  const random = seededRandom(seed);
  const own = tenancies.filter((t) => t.partnerCode === "ETS-B1");
  const other = tenancies.filter((t) => t.partnerCode !== "ETS-B1");
  if (own.length < 2) throw new RangeError("The statement needs at least two ETS-B1 tenancies");
  const lines: SyntheticLine[] = [];
  for (let i = 0; i < count; i++) {
    const bookedOn = `${BENCH_PERIOD}-${pad(1 + Math.floor((i * 21) / count), 2)}`;
    let kind = weighted(random.next(), KIND_WEIGHTS);
    if (kind === "other partner" && other.length === 0) kind = "unknown payer";
    const t = random.pick(own);
    const holder = (t.signatories[0] as { name: string }).name;
    const signatory = random.pick(t.signatories).name;
    const amounts = [...t.charges.map((c) => c.amountCents), sum(t.charges.map((c) => c.amountCents))];
    const due = sum(t.charges.map((c) => c.amountCents));
    const line = (amountCents: number, payer: string, remittance: string, expected: string | null) =>
      lines.push({ bookedOn, amountCents, payer, remittance, kind, expected });
    switch (kind) {
      case "reference": {
        const roll = random.next();
        const amount = roll < 0.6 ? due : roll < 0.75 ? t.rentCents : random.int(1000, due);
        const payer = random.next() < 0.85 ? spellName(signatory, random.next()) : random.pick(COMPANIES);
        const quoted = spellReference(t.reference, random.next());
        const remittance = random.pick([
          `Canone novembre ${quoted}`,
          quoted,
          `BONIFICO A VOSTRO FAVORE; ${quoted} affitto`,
          `${quoted} - saldo`,
        ]);
        line(amount, payer, remittance, t.reference);
        break;
      }
      case "notice": {
        const charge = random.pick(t.charges);
        line(
          charge.amountCents,
          spellName(signatory, random.next()),
          `Avviso pagoPA ${spellNotice(charge.noticeNumber, random.next())}`,
          t.reference,
        );
        break;
      }
      case "payer":
        line(
          random.pick(amounts),
          spellName(signatory, random.next()),
          random.pick(MONTHLY_REMITTANCES),
          t.reference,
        );
        break;
      case "unknown payer": {
        const payer =
          random.next() < 0.4
            ? random.pick(COMPANIES)
            : random.next() < 0.9
              ? `${random.pick(OTHER_GIVEN)} ${random.pick(OTHER_FAMILY)}`
              : "";
        line(random.int(500, 150_000), payer, random.pick(NOISE_REMITTANCES), null);
        break;
      }
      case "wrong amount": {
        let amount = due + random.int(-5000, 5000);
        while (amount <= 0 || amounts.includes(amount)) amount += 137;
        line(amount, spellName(holder, random.next()), random.pick(MONTHLY_REMITTANCES), null);
        break;
      }
      case "other partner": {
        const o = random.pick(other);
        const oDue = sum(o.charges.map((c) => c.amountCents));
        line(
          oDue,
          spellName((o.signatories[0] as { name: string }).name, random.next()),
          `Canone novembre ${spellReference(o.reference, random.next())}`,
          null,
        );
        break;
      }
      case "two references": {
        let u = random.pick(own);
        while (u === t) u = random.pick(own);
        line(
          due + sum(u.charges.map((c) => c.amountCents)),
          spellName(holder, random.next()),
          `Canoni ${t.reference} e ${spellReference(u.reference, random.next())}`,
          null,
        );
        break;
      }
    }
  }
  return lines;
}

/** Cents the Italian way: 1.234,56. */
function italianAmount(cents: number): string {
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${whole},${pad(cents % 100, 2)}`;
}

const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The statement as an Italian bank's CSV: `;`, decimal comma, dd/mm/yyyy, UTF-8 BOM, CRLF. */
export function statementCsvBytes(lines: readonly SyntheticLine[]): Uint8Array {
  const rows = [
    ["Data contabile", "Importo", "Ordinante", "Causale"],
    ...lines.map((l) => [italianDate(l.bookedOn), italianAmount(l.amountCents), l.payer, l.remittance]),
  ];
  return new TextEncoder().encode(toCsv(rows, ";", true));
}

/** The file line of the `index`-th credit (0-based) in the CSV: the header is line 1. */
export const csvLineNo = (index: number) => index + 2;
/** The entry number of the `index`-th credit (0-based) in the camt.053: entries count from 1. */
export const camtLineNo = (index: number) => index + 1;

const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The same lines as an ISO 20022 camt.053.001.02 statement: one booked entry with one transaction each. */
export function statementCamtBytes(lines: readonly SyntheticLine[]): Uint8Array {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    "<!-- Synthetic statement: every name, account and reference is fictional. -->\n",
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n<BkToCstmrStmt>\n',
    "<GrpHdr><MsgId>BENCH-2026-11-21</MsgId><CreDtTm>2026-11-22T06:00:00</CreDtTm></GrpHdr>\n",
    "<Stmt><Id>IT60X0542811101000000123456-2026-11</Id><CreDtTm>2026-11-22T06:00:00</CreDtTm>",
    "<Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id><Ccy>EUR</Ccy></Acct>\n",
  ];
  lines.forEach((l, i) => {
    const amount = `${Math.floor(l.amountCents / 100)}.${pad(l.amountCents % 100, 2)}`;
    const payer = l.payer === "" ? "" : `<RltdPties><Dbtr><Nm>${xmlEscape(l.payer)}</Nm></Dbtr></RltdPties>`;
    const remittance =
      l.remittance === "" ? "" : `<RmtInf><Ustrd>${xmlEscape(l.remittance)}</Ustrd></RmtInf>`;
    parts.push(
      `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>`,
      `<BookgDt><Dt>${l.bookedOn}</Dt></BookgDt><ValDt><Dt>${l.bookedOn}</Dt></ValDt>`,
      `<AcctSvcrRef>BENCH${pad(i + 1, 11)}</AcctSvcrRef><NtryDtls><TxDtls>`,
      `<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>`,
      `<AmtDtls><TxAmt><Amt Ccy="EUR">${amount}</Amt></TxAmt></AmtDtls>${payer}${remittance}`,
      "</TxDtls></NtryDtls></Ntry>\n",
    );
  });
  parts.push("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
  return new TextEncoder().encode(parts.join(""));
}

/** A fictional address for the unit of `t`. */
export function addressOf(t: SyntheticTenancy): string {
  return `${STREETS[t.n % STREETS.length]} ${1 + (t.n % 180)}, interno ${t.n}`;
}
