// SPDX-License-Identifier: EUPL-1.2
import { Fragment, type ReactNode, useState } from "react";
import type { ClaimDetailView, CostLineView } from "../../domain/expenses/expenses-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending, RecordSection } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { BudgetTable } from "./budget-table.tsx";
import { AddLineForm, DocumentForm } from "./claim-line-forms.tsx";
import { PaymentForm, ReimbursementPanel, ReviewForm, SubmitPanel } from "./claim-moves.tsx";
import { claimXlsxHref, documentHref, useClaim, useRemoveDocument, useRemoveLine } from "./expenses-api.ts";
import { ClaimStatusBadge } from "./expenses-form.tsx";
import { useExpenseLabels, useExpenseMessage, useExpensesT } from "./expenses-i18n.ts";
import { EXPENSES_PATH } from "./expenses-paths.ts";

/** One claim (rendiconto): its facts, budget, cost lines and documents, and the moves the account may make. */
export function ClaimDetailPage({ id }: { id: string }) {
  const { t } = useExpensesT();
  const claim = useClaim(id);
  const done = useDone();
  const data = claim.data;
  return (
    <>
      <RecordBreadcrumb
        listHref={EXPENSES_PATH}
        listLabel={t("list.title")}
        current={data?.reference ?? null}
      />
      <PageTitle
        title={data ? t("detail.title", { reference: data.reference }) : t("detail.loadingTitle")}
        lead={data?.title}
      >
        {data ? <ClaimStatusBadge status={data.status} /> : null}
      </PageTitle>
      {done.node}
      {data ? (
        <ClaimView claim={data} say={done.say} />
      ) : (
        <RecordPending query={claim} notFound={t("detail.notFound")} listHref={EXPENSES_PATH} />
      )}
    </>
  );
}

function ClaimView({ claim, say }: { claim: ClaimDetailView; say: (text: string) => void }) {
  const { t } = useExpensesT();
  const canWrite = useCan("expenses:write");
  const canReview = useCan("expenses:review");
  const editable = canWrite && claim.status === "draft";
  return (
    <>
      <RecordSection id="claim-facts-title" title={t("detail.facts")}>
        <ClaimFacts claim={claim} />
        <p className="mt-3">
          <a href={claimXlsxHref(claim.id)} download className="btn btn-outline-primary">
            {t("detail.xlsx")}
          </a>
        </p>
      </RecordSection>
      <RecordSection id="claim-budget-title" title={t("detail.budget")}>
        {claim.budget === null ? (
          <p>{t("detail.noBudget")}</p>
        ) : (
          <BudgetTable
            positions={[claim.budget]}
            caption={t("detail.budgetCaption", { partner: claim.partner.name })}
            showPartner={false}
          />
        )}
      </RecordSection>
      <RecordSection id="claim-lines-title" title={t("detail.lines")}>
        <LinesTable claim={claim} editable={editable} say={say} />
      </RecordSection>
      {editable ? (
        <>
          <AddLineForm key={`line-${claim.version}`} claim={claim} onSaved={say} />
          <SubmitPanel key={`submit-${claim.version}`} claim={claim} onSaved={say} />
        </>
      ) : null}
      {canReview && claim.status === "submitted" ? (
        <ReviewForm key={claim.version} claim={claim} onSaved={say} />
      ) : null}
      {canWrite && (claim.status === "approved" || claim.status === "partly_approved") ? (
        <ReimbursementPanel key={claim.version} claim={claim} onSaved={say} />
      ) : null}
      {canReview && claim.status === "reimbursement_requested" ? (
        <PaymentForm key={claim.version} claim={claim} onSaved={say} />
      ) : null}
    </>
  );
}

function ClaimFacts({ claim }: { claim: ClaimDetailView }) {
  const { t } = useExpensesT();
  const labels = useExpenseLabels();
  const format = useFormat();
  const money = (cents: number) => format.euro(cents, { cents: true });
  const when = (iso: string | null, who: { name: string } | null) =>
    iso === null
      ? null
      : who
        ? t("detail.onBy", { date: format.dateTime(iso), name: who.name })
        : format.dateTime(iso);
  const facts: [string, ReactNode][] = [
    [t("detail.partner"), `${claim.partner.name} (${claim.partner.code})`],
    [t("list.line"), labels.line(claim.line)],
    [t("detail.source"), labels.source(claim.fundingSource)],
    [
      t("detail.period"),
      t("list.periodRange", { from: format.date(claim.periodFrom), to: format.date(claim.periodTo) }),
    ],
    [t("detail.total"), money(claim.totalCents)],
  ];
  const optional: [string, ReactNode | null][] = [
    [t("detail.submitted"), when(claim.submittedAt, claim.submittedBy)],
    [t("detail.decided"), when(claim.decidedAt, claim.decidedBy)],
    [t("detail.approved"), claim.approvedCents === null ? null : money(claim.approvedCents)],
    [t("detail.decisionNote"), claim.decisionNote === "" ? null : claim.decisionNote],
    [t("detail.reimbursement"), when(claim.reimbursementRequestedAt, null)],
    [
      t("detail.paid"),
      claim.paidOn === null
        ? null
        : t("detail.paidOn", { amount: money(claim.paidCents ?? 0), date: format.date(claim.paidOn) }),
    ],
  ];
  return (
    <dl className="expense-facts">
      {[...facts, ...optional.filter(([, v]) => v !== null)].map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function LinesTable({
  claim,
  editable,
  say,
}: {
  claim: ClaimDetailView;
  editable: boolean;
  say: (text: string) => void;
}) {
  const { t } = useExpensesT();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const removeLine = useRemoveLine(claim.id);
  const message = useExpenseMessage();
  const money = (cents: number | null) => (cents === null ? "—" : format.euro(cents, { cents: true }));
  if (claim.lines.length === 0) return <p>{t("detail.noLines")}</p>;
  const caption = t("detail.linesCaption", { count: claim.lines.length });
  const columns = editable ? 6 : 5;
  return (
    <>
      {removeLine.error ? (
        <div className="alert alert-danger" role="alert">
          {message(removeLine.error.message)}
        </div>
      ) : null}
      <TableScroll label={caption}>
        <table className="table expense-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("detail.line")}</th>
              <th scope="col">{t("detail.incurredOn")}</th>
              <th scope="col" className="text-end">
                {t("detail.amount")}
              </th>
              <th scope="col" className="text-end">
                {t("detail.approved")}
              </th>
              <th scope="col">{t("detail.documents")}</th>
              {editable ? <th scope="col">{t("detail.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {claim.lines.map((l) => {
              const panelId = `voce-${l.position}-giustificativo`;
              const isOpen = open === l.id;
              return (
                <Fragment key={l.id}>
                  <tr>
                    <th scope="row">
                      {t("detail.lineName", { n: l.position, description: l.description })}
                      {l.supplier ? <div className="small fw-normal">{l.supplier}</div> : null}
                    </th>
                    <td className="text-nowrap">{format.date(l.incurredOn)}</td>
                    <td className="text-end text-nowrap">{money(l.amountCents)}</td>
                    <td className="text-end">
                      <span className="text-nowrap">{money(l.approvedCents)}</span>
                      {l.rejectionReason ? (
                        <div className="small text-start">
                          {t("detail.reason", { reason: l.rejectionReason })}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <DocumentList claim={claim} line={l} editable={editable} say={say} />
                    </td>
                    {editable ? (
                      <td>
                        <div className="d-flex flex-column gap-2">
                          <button
                            type="button"
                            className="btn btn-sm btn-outline-primary"
                            aria-expanded={isOpen}
                            aria-controls={panelId}
                            onClick={() => setOpen(isOpen ? null : l.id)}
                          >
                            {t("detail.addDocument", { n: l.position })}
                          </button>
                          <button
                            type="button"
                            className="btn btn-sm btn-outline-danger"
                            disabled={removeLine.isPending}
                            onClick={() =>
                              removeLine.mutate(
                                { lineId: l.id },
                                { onSuccess: () => say(t("detail.lineRemoved", { n: l.position })) },
                              )
                            }
                          >
                            {t("detail.removeLine", { n: l.position })}
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                  {editable ? (
                    <tr id={panelId} className="expense-line-panel" hidden={!isOpen}>
                      <td colSpan={columns}>
                        {isOpen ? <DocumentForm claim={claim} line={l} onSaved={say} /> : null}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("detail.total")}</th>
              <td />
              <td className="text-end text-nowrap">{money(claim.totalCents)}</td>
              <td className="text-end text-nowrap">{money(claim.approvedCents)}</td>
              <td />
              {editable ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}

function DocumentList({
  claim,
  line,
  editable,
  say,
}: {
  claim: ClaimDetailView;
  line: CostLineView;
  editable: boolean;
  say: (text: string) => void;
}) {
  const { t } = useExpensesT();
  const labels = useExpenseLabels();
  const format = useFormat();
  const remove = useRemoveDocument(claim.id);
  if (line.documents.length === 0) return <>{t("detail.noDocuments")}</>;
  return (
    <ul>
      {line.documents.map((d) => {
        const name = t("detail.documentName", { kind: labels.documentKind(d.kind), number: d.number });
        return (
          <li key={d.id}>
            <a href={documentHref(claim.id, d.id)} download={d.fileName}>
              {name}
            </a>
            <div className="small">
              {t("detail.documentFacts", { issuer: d.issuer, date: format.date(d.issuedOn) })}
              {d.inUse ? null : ` · ${t("detail.released")}`}
            </div>
            {editable ? (
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { documentId: d.id },
                    { onSuccess: () => say(t("detail.documentRemoved", { name })) },
                  )
                }
              >
                {t("detail.removeDocument")}
                <span className="visually-hidden"> {name}</span>
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
