// SPDX-License-Identifier: EUPL-1.2
import { asc, eq, inArray, like, ne, not } from "drizzle-orm";
import type { ArrearsCaseView, EconomicReferralView } from "../../domain/arrears/arrears-api.schema.ts";
import type { BankLine } from "../../domain/ledger/ledger-api.schema.ts";
import type { TicketDetail } from "../../domain/maintenance/ticket.schema.ts";
import type { Tenancy, TenancyLedger } from "../../domain/tenancies/tenancy-api.schema.ts";
import type { UnitCategory } from "../../domain/units/unit.schema.ts";
import {
  arrearsCases,
  arrearsPolicyVersions,
  arrearsSteps,
  bankImports,
  bankLines,
  chargeRuns,
  charges,
  economicReferrals,
  ledgerPeriods,
  maintenanceTickets,
  moveInChecklists,
  payments,
  recertifications,
  repaymentInstalments,
  repaymentPlans,
  tasks,
  tenancies,
  tenancyDocuments,
  tenantInformation,
  tenantNotices,
  ticketEvents,
  ticketPhotos,
  writeOffs,
} from "../db/schema.ts";
import { PNG, photoFile } from "../maintenance/maintenance-fixtures.ts";
import { activeTenancy, draftTenancy } from "../tenancies/tenancy-fixtures.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/*
 * The tenancy side of a partner for the cross-partner proof (cross-partner.test.ts): a tenancy in force
 * and a draft, the rent account of the first (charges, a payment, a write-off, statement lines), its
 * arrears case with a step, a task and a repayment plan, an economic referral of its household, its
 * move-in checklist, a document shared with the tenant, and a maintenance ticket with a photo opened
 * by the tenant. Made through the API, as the partner's manager and tenant would, but for the unit
 * marked let-pending by the tenancy fixture.
 */

/** The month the charge-run attacks run: the seeding charges none in it, so a run's charges are its own. */
export const ATTACK_PERIOD = "2026-12";
/** The name of every statement an attacker imports: its rows are the attacker's own, left out of the snapshot. */
export const ATTACK_STATEMENT_PREFIX = "cross-partner-";

export type Housing = {
  /** In force since 1 September 2026, charged September to November, partly paid, partly written off. */
  active: Tenancy;
  /** A draft of a household the partner offered a home. */
  draft: Tenancy;
  /** The name the tenancy in force was signed by, the payer of its transfers. */
  signatory: string;
  /** A document of the tenancy in force, shared with the tenant. */
  documentId: string;
  /** The pagoPA notice numbers of its charges. */
  noticeNumbers: string[];
  /** Lines of the partner's statement: one matched by reference, one waiting in the queue. */
  bankLines: { matched: string; unmatched: string };
  /** Its arrears case (signal, then a meeting, with a repayment plan) and the case's task. */
  caseId: string;
  taskId: string;
  /** A referral of the housed household to financial education. */
  economicReferralId: string;
  /** A ticket the tenant opened on their home, with a photo the manager added. */
  ticket: { id: string; reference: string; version: number; photoId: string };
  /** The tenant of the housed household, signed in to the portal. */
  tenant: TestClient;
};

/** A PDF of a few bytes: enough for the file check. */
export const PDF = new File(["%PDF-1.4\n% documento di prova\n%%EOF\n"], "prova.pdf", {
  type: "application/pdf",
});
export const PHOTO = photoFile(PNG());

/** A statement in the CSV layout of Italian banks (see ledger.test.ts). */
export const statementFile = (name: string, lines: string[]) =>
  new File([`\uFEFFData contabile;Importo;Ordinante;Causale\r\n${lines.join("\r\n")}\r\n`], name, {
    type: "text/csv",
  });

async function created<T>(what: string, res: Response, status = 201): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`housing fixture: ${what} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * The tenancies of partner `code` and what hangs from them. `rentCents` and `signatory` differ between
 * partners, so that a statement line about another partner's tenancy cannot match one's own.
 */
export async function housingOf(
  ctx: TestContext,
  options: {
    code: string;
    category: Exclude<UnitCategory, "fragilita">;
    manager: TestClient;
    rentCents: number;
    signatory: string;
  },
): Promise<Housing> {
  const { code, category, manager, rentCents, signatory } = options;
  const unit = { category };
  const terms = {
    contractType: category,
    rentCents,
    serviceChargeCents: 5_000,
    signatories: [{ name: signatory, role: "holder" }],
  };
  const active = await activeTenancy(ctx, manager, { partnerCode: code, unit, terms });
  const draft = await draftTenancy(ctx, manager, { partnerCode: code, unit });
  const base = `/tenancies/${active.id}`;
  for (const period of ["2026-09", "2026-10", "2026-11"])
    await created("charge run", await manager.post("/ledger/charge-runs", { period }));
  await created(
    "payment",
    await manager.post("/payments", {
      tenancyId: active.id,
      amountCents: 10_000,
      paidOn: "2026-09-10",
      method: "bank_transfer",
    }),
  );
  await created(
    "write-off",
    await manager.post(`${base}/write-offs`, {
      amountCents: 1_000,
      writtenOn: "2026-11-20",
      reason: "Stralcio di prova",
    }),
  );
  const statement = statementFile(`estratto-${code}.csv`, [
    `10/11/2026;100,00;${signatory};Canone novembre ${active.reference}`,
    `11/11/2026;77,00;Sconosciuto ${code};Rimborso`,
  ]);
  await created("statement", await manager.upload("/ledger/bank-imports", statement));
  const lineOf = async (status: string) => {
    const list = await created<{ items: BankLine[] }>(
      "bank lines",
      await manager.get(`/ledger/bank-lines?status=${status}`),
      200,
    );
    return list.items[0]?.id as string;
  };
  const form = new FormData();
  form.set("kind", "contract");
  form.set("title", "Contratto di prova");
  form.set("sharedWithTenant", "true");
  form.set("file", PDF);
  const withDocument = await created<Tenancy>(
    "tenancy document",
    await manager.request("POST", `${base}/documents`, form),
  );
  await created(
    "move-in checklist",
    await manager.request("PUT", `${base}/move-in`, {
      checklist: { keys: [{ label: "Porta d'ingresso", count: 2 }] },
      completedOn: null,
    }),
    200,
  );
  const opened = await created<ArrearsCaseView>(
    "arrears case",
    await manager.post("/arrears/cases", { tenancyId: active.id }),
  );
  await created("meeting", await manager.post(`/arrears/cases/${opened.id}/steps`, { stage: "meeting" }));
  await created(
    "repayment plan",
    await manager.post(`/arrears/cases/${opened.id}/repayment-plan`, {
      instalments: 6,
      firstDueOn: "2026-12-05",
    }),
  );
  const referral = await created<EconomicReferralView>(
    "economic referral",
    await manager.post(`/households/${active.household.id}/economic-referrals`, {
      kind: "financial_education",
    }),
  );
  const tenant = await ctx.loginAs("tenant", code, active.household.id);
  const ticket = await created<TicketDetail>(
    "portal ticket",
    await tenant.post("/portal/tickets", {
      category: "plumbing",
      urgency: "urgent",
      description: "Il sifone del lavello della cucina perde acqua (segnalazione di prova).",
    }),
  );
  const photo = await created<{ id: string }>(
    "ticket photo",
    await manager.upload(`/maintenance/tickets/${ticket.id}/photos`, PHOTO),
  );
  const ledger = await created<TenancyLedger>("ledger", await manager.get(`${base}/ledger`), 200);
  const reread = async (id: string) =>
    created<Tenancy>("tenancy", await manager.get(`/tenancies/${id}`), 200);
  const caseView = await created<ArrearsCaseView>(
    "arrears case",
    await manager.get(`/arrears/cases/${opened.id}`),
    200,
  );
  const ticketNow = await created<TicketDetail>(
    "ticket",
    await manager.get(`/maintenance/tickets/${ticket.id}`),
    200,
  );
  return {
    active: await reread(active.id),
    draft: await reread(draft.id),
    signatory,
    documentId: withDocument.documents[0]?.id as string,
    noticeNumbers: ledger.entries.flatMap((e) => (e.noticeNumber === null ? [] : [e.noticeNumber])),
    bankLines: { matched: await lineOf("matched"), unmatched: await lineOf("unmatched") },
    caseId: opened.id,
    taskId: caseView.tasks[0]?.id as string,
    economicReferralId: referral.id,
    ticket: { id: ticket.id, reference: ticket.reference, version: ticketNow.version, photoId: photo.id },
    tenant,
  };
}

/**
 * The rows of the tenancy areas, read as the owner (past every policy), but for what the attacks may
 * add to the attacker's own records: the charges and runs of ATTACK_PERIOD and the statements named
 * ATTACK_STATEMENT_PREFIX (their judges check that those touch nothing of another partner's).
 */
export async function housingSnapshot(ctx: TestContext) {
  const db = ctx.db;
  const attackImports = db
    .select({ id: bankImports.id })
    .from(bankImports)
    .where(like(bankImports.fileName, `${ATTACK_STATEMENT_PREFIX}%`));
  return {
    tenancies: await db.select().from(tenancies).orderBy(asc(tenancies.reference)),
    tenancyDocuments: await db.select().from(tenancyDocuments).orderBy(asc(tenancyDocuments.id)),
    recertifications: await db.select().from(recertifications).orderBy(asc(recertifications.id)),
    periods: await db
      .select()
      .from(ledgerPeriods)
      .where(ne(ledgerPeriods.period, ATTACK_PERIOD))
      .orderBy(asc(ledgerPeriods.period)),
    chargeRuns: await db
      .select()
      .from(chargeRuns)
      .where(ne(chargeRuns.period, ATTACK_PERIOD))
      .orderBy(asc(chargeRuns.id)),
    charges: await db
      .select()
      .from(charges)
      .where(ne(charges.period, ATTACK_PERIOD))
      .orderBy(asc(charges.noticeNumber)),
    bankImports: await db
      .select()
      .from(bankImports)
      .where(not(like(bankImports.fileName, `${ATTACK_STATEMENT_PREFIX}%`)))
      .orderBy(asc(bankImports.id)),
    bankLines: await db
      .select()
      .from(bankLines)
      .where(not(inArray(bankLines.importId, attackImports)))
      .orderBy(asc(bankLines.id)),
    payments: await db.select().from(payments).orderBy(asc(payments.id)),
    writeOffs: await db.select().from(writeOffs).orderBy(asc(writeOffs.id)),
    arrearsPolicies: await db.select().from(arrearsPolicyVersions).orderBy(asc(arrearsPolicyVersions.id)),
    arrearsCases: await db.select().from(arrearsCases).orderBy(asc(arrearsCases.id)),
    arrearsSteps: await db.select().from(arrearsSteps).orderBy(asc(arrearsSteps.id)),
    tasks: await db.select().from(tasks).orderBy(asc(tasks.id)),
    repaymentPlans: await db.select().from(repaymentPlans).orderBy(asc(repaymentPlans.id)),
    instalments: await db.select().from(repaymentInstalments).orderBy(asc(repaymentInstalments.id)),
    economicReferrals: await db.select().from(economicReferrals).orderBy(asc(economicReferrals.id)),
    tickets: await db.select().from(maintenanceTickets).orderBy(asc(maintenanceTickets.id)),
    ticketEvents: await db.select().from(ticketEvents).orderBy(asc(ticketEvents.id)),
    ticketPhotos: await db.select().from(ticketPhotos).orderBy(asc(ticketPhotos.id)),
    moveIn: await db.select().from(moveInChecklists).orderBy(asc(moveInChecklists.tenancyId)),
    notices: await db.select().from(tenantNotices).orderBy(asc(tenantNotices.id)),
    tenantInformation: await db.select().from(tenantInformation),
  };
}

/** The charges a run added, by tenancy: what a charge-run attack is judged by. */
export async function chargesOfRun(ctx: TestContext, runId: string) {
  return ctx.db.select({ tenancyId: charges.tenancyId }).from(charges).where(eq(charges.runId, runId));
}

/** The charges of ATTACK_PERIOD on these tenancies. */
export async function attackPeriodCharges(ctx: TestContext, tenancyIds: string[]) {
  const rows = await ctx.db
    .select({ tenancyId: charges.tenancyId, period: charges.period })
    .from(charges)
    .where(inArray(charges.tenancyId, tenancyIds));
  return rows.filter((r) => r.period === ATTACK_PERIOD).length;
}

/** The lines an imported statement wrote: whose queue they are in and which tenancy they went to. */
export async function linesOfImport(ctx: TestContext, importId: string) {
  return ctx.db
    .select({ organisationId: bankLines.organisationId, tenancyId: bankLines.tenancyId })
    .from(bankLines)
    .where(eq(bankLines.importId, importId));
}
