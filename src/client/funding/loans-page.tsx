// SPDX-License-Identifier: EUPL-1.2
import "./funding.css";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  GuaranteeInput,
  GuaranteeRenewal,
  LenderInput,
  LoanDecisionInput,
  LoanOfferInput,
  LoanPaymentInput,
} from "../../domain/funding/funding.ts";
import type { GuaranteeView, LenderView, LoanView } from "../../domain/funding/funding-api.schema.ts";
import { daysBetween } from "../../domain/ledger/period.ts";
import { useCan } from "../auth/session.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { centsOf, numberOf } from "../tenancies/money.ts";
import {
  useAddGuarantee,
  useCreateLender,
  useCreateLoan,
  useDecision,
  useLenders,
  useLoans,
  usePayment,
  useRenewGuarantee,
} from "./funding-api.ts";
import { DaysLeft, LoanStatusBadge, StandingBadge } from "./funding-badges.tsx";
import {
  FormCard,
  localToday,
  orNull,
  orUndefined,
  TableScroll,
  useDone,
  useFundingForm,
  useScrollToHash,
} from "./funding-form.tsx";
import { useFundingLabels, useFundingT } from "./funding-i18n.ts";
import { anchorOf, FUNDING_PATH } from "./funding-paths.ts";

/** A percentage typed as `4,5` as the decimal rate the API holds (0.045); other text goes on as it is. */
function rateOf(text: string): number | string | undefined {
  const value = numberOf(text);
  return typeof value === "number" ? Number((value / 100).toPrecision(12)) : value;
}

/** Finanziatori e prestiti: the lender register, the loan offers and what became of them. */
export function LoansPage() {
  const { t } = useFundingT();
  const canWrite = useCan("funding:write");
  const loans = useLoans();
  const lenders = useLenders();
  const items = loans.data?.items;
  const done = useDone();
  useScrollToHash(items !== undefined);
  return (
    <>
      <RecordBreadcrumb listHref={FUNDING_PATH} listLabel={t("summary.title")} current={t("loans.title")} />
      <PageTitle title={t("loans.title")} lead={t("loans.lead")} />
      <section aria-labelledby="loans-list-title" className="mb-5">
        <h2 id="loans-list-title" className="h3">
          {t("loans.offersTitle")}
        </h2>
        <ListStatus query={loans} count={items?.length} empty={<p>{t("loans.empty")}</p>} />
        {items?.map((loan) => (
          <LoanCard key={loan.id} loan={loan} canWrite={canWrite} />
        ))}
        {canWrite ? (
          <FormCard id="loan-new" level={3} title={t("offerForm.title")} lead={t("offerForm.lead")}>
            {done.node}
            <OfferForm
              lenders={lenders.data?.items ?? []}
              onSaved={(saved) => done.say(t("offerForm.done", { lender: saved.lender.name }))}
            />
          </FormCard>
        ) : null}
      </section>
      <Lenders query={lenders} canWrite={canWrite} />
    </>
  );
}

function Lenders({ query, canWrite }: { query: ReturnType<typeof useLenders>; canWrite: boolean }) {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const done = useDone();
  const items = query.data?.items;
  return (
    <section aria-labelledby="lenders-title" className="mb-5">
      <h2 id="lenders-title" className="h3">
        {t("lenders.title")}
      </h2>
      <ListStatus query={query} count={items?.length} empty={<p>{t("lenders.empty")}</p>} />
      {items && items.length > 0 ? (
        <TableScroll label={t("lenders.caption", { count: items.length })}>
          <table className="table funding-table">
            <caption>{t("lenders.caption", { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("lenders.name")}</th>
                <th scope="col">{t("lenders.kind")}</th>
                <th scope="col">{t("lenders.contact")}</th>
                <th scope="col">{t("lenders.organisation")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  <td>{labels.lenderKind(l.kind)}</td>
                  <td>{l.contact || "—"}</td>
                  <td>{l.organisationCode}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {canWrite ? (
        <FormCard id="lender-new" level={3} title={t("lenderForm.title")}>
          {done.node}
          <LenderForm onSaved={(saved) => done.say(t("lenderForm.done", { name: saved.name }))} />
        </FormCard>
      ) : null}
    </section>
  );
}

/** One loan: its terms and status, its guarantees and payments, and the moves it allows. */
function LoanCard({ loan, canWrite }: { loan: LoanView; canWrite: boolean }) {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const format = useFormat();
  const done = useDone();
  const money = (cents: number) => format.euro(cents, { cents: true });
  const titleId = `${anchorOf.loan(loan.id)}-title`;
  const open = loan.status === "offered";
  const facts: [string, ReactNode][] = [
    [t("loans.partner"), loan.partnerCode],
    [t("loans.principal"), money(loan.principalCents)],
    [t("loans.rate"), format.percent(loan.annualRate, 3)],
    [t("loans.years"), t("loans.yearsValue", { count: loan.years })],
    [t("loans.method"), labels.method(loan.method)],
    [t("loans.grace"), t("loans.graceValue", { count: loan.graceMonths })],
    [t("loans.convention"), labels.convention(loan.convention)],
    [t("loans.instalment"), money(loan.instalmentCents)],
    [t("loans.offeredOn"), format.date(loan.offeredOn)],
    [
      t("loans.validUntil"),
      <>
        {format.date(loan.validUntil)}
        {open ? (
          <div>
            <DaysLeft days={daysBetween(localToday(), loan.validUntil)} warn={loan.lapsed} />
          </div>
        ) : null}
      </>,
    ],
  ];
  if (loan.decidedOn) facts.push([t("loans.decidedOn"), format.date(loan.decidedOn)]);
  if (loan.disbursedOn) facts.push([t("loans.disbursedOn"), format.date(loan.disbursedOn)]);
  if (loan.status === "accepted")
    facts.push(
      [t("loans.principalPaid"), money(loan.principalPaidCents)],
      [t("loans.interestPaid"), money(loan.interestPaidCents)],
      [t("loans.outstanding"), money(loan.outstandingCents)],
    );
  facts.push([t("loans.guaranteed"), money(loan.guaranteedCents)]);
  return (
    <section
      id={anchorOf.loan(loan.id)}
      tabIndex={-1}
      className="card shadow-sm mb-4"
      aria-labelledby={titleId}
    >
      <div className="card-body">
        <div className="d-flex flex-wrap align-items-center gap-2 mb-2">
          <h3 id={titleId} className="h4 mb-0">
            {t("loans.cardTitle", { lender: loan.lender.name, purpose: loan.purpose })}
          </h3>
          <LoanStatusBadge status={loan.status} lapsed={loan.lapsed} />
        </div>
        <dl className="funding-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <Guarantees loan={loan} canWrite={canWrite && loan.status !== "declined"} onDone={done.say} />
        <Payments loan={loan} />
        {canWrite ? (
          <>
            {done.node}
            {open ? (
              <details className="funding-details">
                <summary>{t("decision.title")}</summary>
                <DecisionForm
                  key={loan.version}
                  loan={loan}
                  onSaved={(accepted) =>
                    done.say(t(accepted ? "decision.doneAccepted" : "decision.doneDeclined"))
                  }
                />
              </details>
            ) : null}
            {loan.status !== "declined" ? (
              <details className="funding-details">
                <summary>{t("guarantee.title")}</summary>
                <GuaranteeForm loan={loan} onSaved={(issuer) => done.say(t("guarantee.done", { issuer }))} />
              </details>
            ) : null}
            {loan.status === "accepted" ? (
              <details className="funding-details">
                <summary>{t("payment.title")}</summary>
                <PaymentForm loan={loan} onSaved={() => done.say(t("payment.done"))} />
              </details>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

function Guarantees({
  loan,
  canWrite,
  onDone,
}: {
  loan: LoanView;
  canWrite: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const format = useFormat();
  if (loan.guarantees.length === 0) return <p>{t("loans.noGuarantees")}</p>;
  return (
    <TableScroll label={t("loans.guaranteesCaption", { lender: loan.lender.name, purpose: loan.purpose })}>
      <table className="table table-sm funding-table">
        <caption>{t("loans.guaranteesCaption", { lender: loan.lender.name, purpose: loan.purpose })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("guarantee.issuer")}</th>
            <th scope="col">{t("guarantee.kind")}</th>
            <th scope="col" className="text-end">
              {t("loans.amountColumn")}
            </th>
            <th scope="col">{t("guarantee.issuedOn")}</th>
            <th scope="col">{t("guarantee.expiresOn")}</th>
            <th scope="col">{t("guarantee.reference")}</th>
            {canWrite ? <th scope="col">{t("guarantee.renewal")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {loan.guarantees.map((g) => (
            <tr key={g.id} id={anchorOf.guarantee(g.id)} tabIndex={-1}>
              <th scope="row">{g.issuer}</th>
              <td>{labels.guaranteeKind(g.kind)}</td>
              <td className="text-end text-nowrap">{format.euro(g.amountCents, { cents: true })}</td>
              <td className="text-nowrap">{format.date(g.issuedOn)}</td>
              <td>
                <div className="text-nowrap">{format.date(g.expiresOn)}</div>
                <StandingBadge guarantee={g} />
              </td>
              <td>{g.reference || "—"}</td>
              {canWrite ? (
                <td>
                  <details className="funding-details">
                    <summary>
                      {t("renewal.open")}
                      <span className="visually-hidden"> {t("renewal.ofIssuer", { issuer: g.issuer })}</span>
                    </summary>
                    <RenewalForm
                      key={g.version}
                      guarantee={g}
                      onSaved={(expiresOn) =>
                        onDone(t("renewal.done", { issuer: g.issuer, date: format.date(expiresOn) }))
                      }
                    />
                  </details>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Payments({ loan }: { loan: LoanView }) {
  const { t } = useFundingT();
  const format = useFormat();
  if (loan.status !== "accepted") return null;
  if (loan.payments.length === 0) return <p>{t("loans.noPayments")}</p>;
  const money = (cents: number) => format.euro(cents, { cents: true });
  return (
    <TableScroll label={t("loans.paymentsCaption", { lender: loan.lender.name, purpose: loan.purpose })}>
      <table className="table table-sm funding-table">
        <caption>{t("loans.paymentsCaption", { lender: loan.lender.name, purpose: loan.purpose })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("payment.paidOn")}</th>
            <th scope="col" className="text-end">
              {t("loans.principalColumn")}
            </th>
            <th scope="col" className="text-end">
              {t("loans.interestColumn")}
            </th>
            <th scope="col">{t("payment.reference")}</th>
          </tr>
        </thead>
        <tbody>
          {loan.payments.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="text-nowrap">
                {format.date(p.paidOn)}
              </th>
              <td className="text-end text-nowrap">{money(p.principalCents)}</td>
              <td className="text-end text-nowrap">{money(p.interestCents)}</td>
              <td>{p.reference || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const LENDER_FIELDS = ["name", "kind", "contact"] as const;
type LenderField = (typeof LENDER_FIELDS)[number];

function LenderForm({ onSaved }: { onSaved: (saved: LenderView) => void }) {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const create = useCreateLender();
  const form = useFundingForm<LenderField, LenderInput>({
    id: "lender-new",
    schema: LenderInput,
    fields: LENDER_FIELDS,
    defaults: { name: "", kind: "", contact: "" },
    inputOf: (v) => ({ name: v.name, kind: orUndefined(v.kind), contact: v.contact }),
    labelOf: (f) => t(`lenderForm.${f}`),
    resetAfterSave: true,
    save: async (input) => onSaved(await create.mutateAsync(input)),
  });
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      <div className="row">
        {form.text("name", "col-12 col-md-5", { required: true })}
        {form.select("kind", "col-12 col-md-3", labels.lenderKindOptions, {
          required: true,
          empty: t("lenderForm.chooseKind"),
        })}
        {form.text("contact", "col-12 col-md-4", { hint: t("lenderForm.contactHint") })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("lenderForm.save")} />
    </form>
  );
}

const OFFER_FIELDS = [
  "lenderId",
  "purpose",
  "principal",
  "rate",
  "years",
  "method",
  "graceMonths",
  "convention",
  "offeredOn",
  "validUntil",
] as const;
type OfferField = (typeof OFFER_FIELDS)[number];
const OFFER_PATHS: Record<string, OfferField> = { principalCents: "principal", annualRate: "rate" };

/** Nuova offerta: a lender's loan offer on the plan's loan terms, the rate typed as a percentage. */
function OfferForm({
  lenders,
  onSaved,
}: {
  lenders: readonly LenderView[];
  onSaved: (saved: LoanView) => void;
}) {
  const { t } = useFundingT();
  const { t: common } = useTranslation();
  const labels = useFundingLabels();
  const create = useCreateLoan();
  const form = useFundingForm<OfferField, LoanOfferInput>({
    id: "loan-new",
    schema: LoanOfferInput,
    fields: OFFER_FIELDS,
    defaults: {
      lenderId: "",
      purpose: "",
      principal: "",
      rate: "",
      years: "",
      method: "french",
      graceMonths: "0",
      convention: "nominal",
      offeredOn: localToday(),
      validUntil: "",
    },
    inputOf: (v) => ({
      lenderId: orUndefined(v.lenderId),
      purpose: v.purpose,
      principalCents: centsOf(v.principal),
      annualRate: rateOf(v.rate),
      years: numberOf(v.years),
      method: orUndefined(v.method),
      graceMonths: numberOf(v.graceMonths) ?? 0,
      convention: orUndefined(v.convention),
      offeredOn: v.offeredOn,
      validUntil: v.validUntil,
    }),
    labelOf: (f) => t(`offerForm.${f}`),
    fieldOf: (path) => OFFER_PATHS[path] ?? null,
    resetAfterSave: true,
    save: async (input) => onSaved(await create.mutateAsync(input)),
  });
  return (
    <form noValidate onSubmit={form.submit}>
      <p className="small">{common("form.requiredNote")}</p>
      {lenders.length === 0 ? <p>{t("offerForm.noLenders")}</p> : null}
      {form.problems}
      <FieldSet legend={t("offerForm.offer")}>
        <div className="row">
          {form.select(
            "lenderId",
            "col-12 col-md-6",
            lenders.map((l) => ({ value: l.id, label: `${l.name} (${labels.lenderKind(l.kind)})` })),
            { required: true, empty: t("offerForm.chooseLender") },
          )}
          {form.text("purpose", "col-12 col-md-6", { required: true })}
          {form.text("offeredOn", "col-12 col-md-6", { required: true, type: "date" })}
          {form.text("validUntil", "col-12 col-md-6", {
            required: true,
            type: "date",
            hint: t("offerForm.validUntilHint"),
          })}
        </div>
      </FieldSet>
      <FieldSet legend={t("offerForm.terms")}>
        <div className="row">
          {form.text("principal", "col-12 col-md-4", { required: true, inputMode: "decimal" })}
          {form.text("rate", "col-12 col-md-4", {
            required: true,
            inputMode: "decimal",
            hint: t("offerForm.rateHint"),
          })}
          {form.text("years", "col-12 col-md-4", {
            required: true,
            inputMode: "numeric",
            hint: t("offerForm.yearsHint"),
          })}
          {form.select("method", "col-12 col-md-4", labels.methodOptions, { required: true })}
          {form.text("graceMonths", "col-12 col-md-4", { inputMode: "numeric" })}
          {form.select("convention", "col-12 col-md-4", labels.conventionOptions, { required: true })}
        </div>
      </FieldSet>
      <SubmitButton submitting={form.isSubmitting} label={t("offerForm.save")} />
    </form>
  );
}

const DECISION_FIELDS = ["decision", "decidedOn", "disbursedOn"] as const;
type DecisionField = (typeof DECISION_FIELDS)[number];

/** Accept (with the disbursement date) or decline an offer. */
function DecisionForm({ loan, onSaved }: { loan: LoanView; onSaved: (accepted: boolean) => void }) {
  const { t } = useFundingT();
  const decide = useDecision(loan.id);
  const form = useFundingForm<DecisionField, LoanDecisionInput>({
    id: `${anchorOf.loan(loan.id)}-decision`,
    schema: LoanDecisionInput,
    fields: DECISION_FIELDS,
    defaults: { decision: "", decidedOn: localToday(), disbursedOn: "" },
    inputOf: (v) => ({
      decision: orUndefined(v.decision),
      decidedOn: v.decidedOn,
      disbursedOn: orNull(v.disbursedOn),
      version: loan.version,
    }),
    labelOf: (f) => t(`decision.${f}`),
    save: async (input) => {
      await decide.mutateAsync(input);
      onSaved(input.decision === "accepted");
    },
  });
  const decisions = (["accepted", "declined"] as const).map((value) => ({
    value,
    label: t(`decision.decisions.${value}`),
  }));
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      <div className="row">
        {form.select("decision", "col-12 col-md-4", decisions, {
          required: true,
          empty: t("decision.choose"),
        })}
        {form.text("decidedOn", "col-12 col-md-4", { required: true, type: "date" })}
        {form.text("disbursedOn", "col-12 col-md-4", { type: "date", hint: t("decision.disbursedOnHint") })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("decision.save")} />
    </form>
  );
}

const GUARANTEE_FIELDS = ["issuer", "kind", "amount", "issuedOn", "expiresOn", "reference"] as const;
type GuaranteeField = (typeof GUARANTEE_FIELDS)[number];

/** Nuova fideiussione behind a loan. */
function GuaranteeForm({ loan, onSaved }: { loan: LoanView; onSaved: (issuer: string) => void }) {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const add = useAddGuarantee(loan.id);
  const form = useFundingForm<GuaranteeField, GuaranteeInput>({
    id: `${anchorOf.loan(loan.id)}-guarantee`,
    schema: GuaranteeInput,
    fields: GUARANTEE_FIELDS,
    defaults: { issuer: "", kind: "", amount: "", issuedOn: localToday(), expiresOn: "", reference: "" },
    inputOf: (v) => ({
      issuer: v.issuer,
      kind: orUndefined(v.kind),
      amountCents: centsOf(v.amount),
      issuedOn: v.issuedOn,
      expiresOn: v.expiresOn,
      reference: v.reference,
    }),
    labelOf: (f) => t(`guarantee.${f}`),
    fieldOf: (path) => (path === "amountCents" ? "amount" : null),
    resetAfterSave: true,
    save: async (input) => {
      await add.mutateAsync(input);
      onSaved(input.issuer);
    },
  });
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      <div className="row">
        {form.text("issuer", "col-12 col-md-6", { required: true })}
        {form.select("kind", "col-12 col-md-6", labels.guaranteeKindOptions, {
          required: true,
          empty: t("guarantee.chooseKind"),
        })}
        {form.text("amount", "col-12 col-md-4", { required: true, inputMode: "decimal" })}
        {form.text("issuedOn", "col-12 col-md-4", { required: true, type: "date" })}
        {form.text("expiresOn", "col-12 col-md-4", { required: true, type: "date" })}
        {form.text("reference", "col-12")}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("guarantee.save")} />
    </form>
  );
}

/** Rinnovo: a guarantee's new expiry. */
function RenewalForm({
  guarantee,
  onSaved,
}: {
  guarantee: GuaranteeView;
  onSaved: (expiresOn: string) => void;
}) {
  const { t } = useFundingT();
  const renew = useRenewGuarantee(guarantee.id);
  const form = useFundingForm<"expiresOn", GuaranteeRenewal>({
    id: `${anchorOf.guarantee(guarantee.id)}-renewal`,
    schema: GuaranteeRenewal,
    fields: ["expiresOn"],
    defaults: { expiresOn: "" },
    inputOf: (v) => ({ expiresOn: v.expiresOn, version: guarantee.version }),
    labelOf: () => t("renewal.expiresOn"),
    save: async (input) => {
      await renew.mutateAsync(input);
      onSaved(input.expiresOn);
    },
  });
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      {form.text("expiresOn", "", { required: true, type: "date" })}
      <SubmitButton submitting={form.isSubmitting} label={t("renewal.save")} />
    </form>
  );
}

const PAYMENT_FIELDS = ["paidOn", "principal", "interest", "reference"] as const;
type PaymentField = (typeof PAYMENT_FIELDS)[number];
const PAYMENT_PATHS: Record<string, PaymentField> = {
  principalCents: "principal",
  interestCents: "interest",
};

/** Pagamento: an instalment actually paid, split into principal and interest. */
function PaymentForm({ loan, onSaved }: { loan: LoanView; onSaved: () => void }) {
  const { t } = useFundingT();
  const pay = usePayment(loan.id);
  const form = useFundingForm<PaymentField, LoanPaymentInput>({
    id: `${anchorOf.loan(loan.id)}-payment`,
    schema: LoanPaymentInput,
    fields: PAYMENT_FIELDS,
    defaults: { paidOn: localToday(), principal: "", interest: "", reference: "" },
    inputOf: (v) => ({
      paidOn: v.paidOn,
      principalCents: centsOf(v.principal) ?? 0,
      interestCents: centsOf(v.interest) ?? 0,
      reference: v.reference,
    }),
    labelOf: (f) => t(`payment.${f}`),
    fieldOf: (path) => PAYMENT_PATHS[path] ?? null,
    resetAfterSave: true,
    save: async (input) => {
      await pay.mutateAsync(input);
      onSaved();
    },
  });
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      <div className="row">
        {form.text("paidOn", "col-12 col-md-3", { required: true, type: "date" })}
        {form.text("principal", "col-12 col-md-3", { inputMode: "decimal" })}
        {form.text("interest", "col-12 col-md-3", { inputMode: "decimal", hint: t("payment.interestHint") })}
        {form.text("reference", "col-12 col-md-3")}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("payment.save")} />
    </form>
  );
}
