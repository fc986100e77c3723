// SPDX-License-Identifier: EUPL-1.2
import { PLEDGE_SOURCES, type PledgeSource } from "../../domain/funding/funding.ts";
import type { FundingWarning } from "../../domain/funding/funding-api.schema.ts";

/** Finanziamenti e raccolta fondi: the totals by source and the warnings of the day. */
export const FUNDING_PATH = "/finanziamenti";
/** Bandi: the calls for funding, their applications and outcomes. */
export const CALLS_PATH = "/finanziamenti/bandi";
/** Impegni e incassi: the pledges by source and the money received. */
export const PLEDGES_PATH = "/finanziamenti/impegni";
/** Finanziatori e prestiti: the lenders, the loan offers, their guarantees and payments. */
export const LOANS_PATH = "/finanziamenti/prestiti";

/** The element ids a warning's link points at, one per kind of record on its page. */
export const anchorOf = {
  call: (id: string) => `bando-${id}`,
  pledge: (id: string) => `impegno-${id}`,
  loan: (id: string) => `prestito-${id}`,
  guarantee: (id: string) => `fideiussione-${id}`,
};

/** Where a warning of the day is dealt with: its page and the record on it. */
export function warningHref(warning: FundingWarning): string {
  switch (warning.kind) {
    case "guarantee_expiring":
    case "guarantee_expired":
      return `${LOANS_PATH}#${anchorOf.guarantee(warning.subjectId)}`;
    case "offer_lapsing":
      return `${LOANS_PATH}#${anchorOf.loan(warning.subjectId)}`;
    case "call_deadline":
      return `${CALLS_PATH}#${anchorOf.call(warning.subjectId)}`;
    case "pledge_overdue":
      return `${PLEDGES_PATH}#${anchorOf.pledge(warning.subjectId)}`;
  }
}

/** The pledges' source filter as kept in the address (`/finanziamenti/impegni?source=grant`). */
export const sourceFromSearch = (search: URLSearchParams): PledgeSource | undefined =>
  PLEDGE_SOURCES.find((s) => s === search.get("source"));
