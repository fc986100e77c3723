// SPDX-License-Identifier: EUPL-1.2
import type { StatementLine } from "./statement.ts";

/** A tenancy (contratto di locazione / ospitalità) that still owes something, as reconciliation sees it. */
export type OpenTenancy = {
  tenancyId: string;
  /** The tenancy's reference, e.g. LOC-2026-00042: what tenants are asked to write in the causale. */
  reference: string;
  /** The 18-digit pagoPA notice numbers (numeri avviso) of its charges. */
  noticeNumbers: readonly string[];
  /** The signatories' names. */
  payerNames: readonly string[];
  /** Outstanding amount of each unpaid charge (addebito), in cents. */
  openAmountsCents: readonly number[];
  /** What it owes now, in cents. */
  balanceCents: number;
};

/** What ties a bank credit to a tenancy: its reference, its amount, its payer. */
export type Evidence = "reference" | "amount" | "payer";

/** The outcome for one statement line: a tenancy, or null when it stays in the queue for a person. */
export type LineMatch = {
  lineNo: number;
  tenancyId: string | null;
  /** The evidence that holds for the tenancy, in the order reference, amount, payer; empty when unmatched. */
  matchedBy: Evidence[];
  /** Why it was matched, or why it was left in the queue, in plain English. */
  reason: string;
};

// Upper case without accents. Most text is plain ASCII: skip the Unicode work then, as this runs on
// every line of a statement.
const NOT_ASCII = /[\u0080-\uffff]/;
function fold(s: string): string {
  return NOT_ASCII.test(s) ? s.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase() : s.toUpperCase();
}

/** A reference as compared: letters and digits only, upper case ("loc 2026/00042" → "LOC202600042"). */
export const referenceKey = (reference: string) => fold(reference).replace(/[^A-Z0-9]/g, "");

/**
 * A name as compared: upper case, no accents or punctuation, words in alphabetical order, so that
 * "Rossi Mario", "MARIO  ROSSI" and "Mario Rossi" are one name.
 */
export function payerKey(name: string): string {
  const words = fold(name).match(WORD) ?? [];
  return words.length < 2 ? (words[0] ?? "") : words.sort().join(" ");
}

const WORD = /[A-Z0-9]+/g;
const RUN = /[A-Z]+|[0-9]+/g;

const euro = (cents: number) => `${(cents / 100).toFixed(2)} EUR`;
const MAX_LISTED = 5;
const listed = (references: readonly string[]) =>
  references.length > MAX_LISTED
    ? `${references.slice(0, MAX_LISTED).join(", ")} and ${references.length - MAX_LISTED} more`
    : references.join(", ");

type Index = {
  /** Reference key → tenancies (two only when references collide). */
  byReference: Map<string, number[]>;
  /** Notice number and IUV → tenancies. */
  byNotice: Map<string, number[]>;
  byPayer: Map<string, number[]>;
  /** Amounts that agree with each tenancy: balance, each open charge, all open charges. */
  amounts: Set<number>[];
  /** Every prefix of every reference key: a run of the remittance can only continue one of these. */
  referencePrefixes: Set<string>;
};

function add(map: Map<string, number[]>, key: string, tenancy: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [tenancy]);
  else if (list[list.length - 1] !== tenancy) list.push(tenancy);
}

function buildIndex(tenancies: readonly OpenTenancy[]): Index {
  const index: Index = {
    byReference: new Map(),
    byNotice: new Map(),
    byPayer: new Map(),
    amounts: [],
    referencePrefixes: new Set(),
  };
  tenancies.forEach((t, i) => {
    const key = referenceKey(t.reference);
    if (key !== "") {
      add(index.byReference, key, i);
      for (let end = 1; end <= key.length; end++) index.referencePrefixes.add(key.slice(0, end));
    }
    for (const notice of t.noticeNumbers) {
      if (!/^\d{18}$/.test(notice)) continue;
      add(index.byNotice, notice, i);
      // Tenants copy the IUV as often as the notice number; with aux digit 3 it is the same digits.
      if (notice.startsWith("3")) add(index.byNotice, notice.slice(1), i);
    }
    for (const name of t.payerNames) {
      const key = payerKey(name);
      if (key !== "") add(index.byPayer, key, i);
    }
    const open = t.openAmountsCents.reduce((sum, a) => sum + a, 0);
    index.amounts.push(new Set([t.balanceCents, ...t.openAmountsCents, open]));
  });
  return index;
}

/**
 * The tenancies whose reference or notice number the remittance contains. The remittance is cut into
 * runs of letters and runs of digits; a reference matches a sequence of consecutive runs, whatever
 * separates them, so "LOC-2026-00042", "loc 2026/00042" and "Rif. LOC202600042" all name
 * LOC-2026-00042, while "LOC-2026-000421" does not. Notice numbers (18 digits) and IUVs (17) match runs
 * of digits only, as printed in groups ("3010 0000 0000 0042 85").
 */
function referencedTenancies(remittance: string, index: Index): number[] {
  const found: number[] = [];
  const chunks = fold(remittance).match(RUN) ?? [];
  for (let start = 0; start < chunks.length; start++) {
    // References: extend while what is joined is still the beginning of some reference.
    let joined = chunks[start] as string;
    for (let end = start + 1; index.referencePrefixes.has(joined); end++) {
      addAll(found, index.byReference.get(joined));
      const next = chunks[end];
      if (next === undefined) break;
      joined += next;
    }
    // Notice numbers and IUVs: runs of digits only, up to 18 of them.
    joined = "";
    for (let end = start; end < chunks.length; end++) {
      const chunk = chunks[end] as string;
      if (chunk.charCodeAt(0) > 57 || joined.length + chunk.length > 18) break;
      joined += chunk;
      if (joined.length >= 17) addAll(found, index.byNotice.get(joined));
    }
  }
  return found;
}

function addAll(found: number[], tenancies: readonly number[] | undefined): void {
  if (tenancies === undefined) return;
  for (const t of tenancies) if (!found.includes(t)) found.push(t);
}

const amountAgrees = (index: Index, tenancy: number, cents: number) =>
  index.amounts[tenancy]?.has(cents) === true;

const unmatched = (line: StatementLine, reason: string): LineMatch => ({
  lineNo: line.lineNo,
  tenancyId: null,
  matchedBy: [],
  reason,
});

/** A line whose remittance names exactly one tenancy: matched, with whatever else agrees. */
function matchByReference(
  line: StatementLine,
  tenancy: OpenTenancy,
  amount: boolean,
  payer: boolean,
): LineMatch {
  const matchedBy: Evidence[] = ["reference"];
  const notes = [`Reference ${tenancy.reference} in the remittance`];
  if (amount) {
    matchedBy.push("amount");
    notes.push(`amount ${euro(line.amountCents)} agrees`);
  } else {
    notes.push(`amount ${euro(line.amountCents)} does not agree (balance ${euro(tenancy.balanceCents)})`);
  }
  if (payer) matchedBy.push("payer");
  notes.push(payer ? "payer is a signatory" : "payer is not a signatory");
  return { lineNo: line.lineNo, tenancyId: tenancy.tenancyId, matchedBy, reason: notes.join("; ") };
}

function matchLine(line: StatementLine, tenancies: readonly OpenTenancy[], index: Index): LineMatch {
  const referenced = referencedTenancies(line.remittance, index);
  const payer = payerKey(line.payer);
  const payerOf = payer === "" ? [] : (index.byPayer.get(payer) ?? []);
  if (referenced.length > 1) {
    const references = referenced.map((t) => (tenancies[t] as OpenTenancy).reference);
    return unmatched(
      line,
      `Several references in the remittance (${listed(references)}): a person must choose`,
    );
  }
  if (referenced.length === 1) {
    const t = referenced[0] as number;
    return matchByReference(
      line,
      tenancies[t] as OpenTenancy,
      amountAgrees(index, t, line.amountCents),
      payerOf.includes(t),
    );
  }
  if (payer === "") return unmatched(line, "No reference in the remittance and no payer name");
  if (payerOf.length === 0) {
    return unmatched(line, `No reference in the remittance and payer "${line.payer}" signs no open tenancy`);
  }
  if (payerOf.length > 1) {
    const references = payerOf.map((t) => (tenancies[t] as OpenTenancy).reference);
    return unmatched(
      line,
      `No reference in the remittance and payer "${line.payer}" signs ${payerOf.length} open tenancies (${listed(references)})`,
    );
  }
  const t = payerOf[0] as number;
  const { reference, balanceCents, tenancyId } = tenancies[t] as OpenTenancy;
  const amount = euro(line.amountCents);
  if (!amountAgrees(index, t, line.amountCents)) {
    return unmatched(
      line,
      `No reference in the remittance; payer signs ${reference} but amount ${amount} does not agree (balance ${euro(balanceCents)})`,
    );
  }
  return {
    lineNo: line.lineNo,
    tenancyId,
    matchedBy: ["amount", "payer"],
    reason: `No reference in the remittance; payer signs ${reference} and amount ${amount} agrees`,
  };
}

/**
 * Match each statement line to at most one open tenancy, never guessing. A line is matched when its
 * remittance names exactly one tenancy (by reference or notice number; amount and payer are then
 * recorded when they also agree), or, with no reference, when its payer signs exactly one open
 * tenancy and its amount agrees with it: the balance, one open charge, or all open charges. Anything
 * else stays in the queue with the reason. One result per line, in the lines' order.
 */
export function reconcile(lines: readonly StatementLine[], tenancies: readonly OpenTenancy[]): LineMatch[] {
  const index = buildIndex(tenancies);
  return lines.map((line) => matchLine(line, tenancies, index));
}
