// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { reviewProblems, reviewStatus } from "../../domain/expenses/eligibility.ts";
import { PaymentInput, ReviewInput, VersionInput } from "../../domain/expenses/expenses.ts";
import type { ClaimDetailView } from "../../domain/expenses/expenses-api.schema.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday } from "../funding/funding-form.tsx";
import { centsOf, euroInput } from "../tenancies/money.ts";
import { useRecordPayment, useRequestReimbursement, useReviewClaim, useSubmitClaim } from "./expenses-api.ts";
import { useExpenseForm } from "./expenses-form.tsx";
import { useExpenseLabels, useExpenseMessage, useExpensesT } from "./expenses-i18n.ts";

// The moves of a claim past its drafting: submit (the partner), review line by line (the Comune),
// request the reimbursement (the partner), record the payment (the Comune). Each sends the version
// the page read; what the API refuses is listed above the form, on its field where it has one.

type Say = (text: string) => void;

/** Invia il rendiconto: what would stop it now, listed, and the button; the API checks again. */
export function SubmitPanel({ claim, onSaved }: { claim: ClaimDetailView; onSaved: Say }) {
  const { t } = useExpensesT();
  const message = useExpenseMessage();
  const submit = useSubmitClaim(claim.id);
  const form = useExpenseForm<never, VersionInput>({
    id: "claim-submit",
    schema: VersionInput,
    fields: [],
    defaults: {},
    inputOf: () => ({ version: claim.version }),
    labelOf: () => "",
    save: async (input) => {
      await submit.mutateAsync(input);
      onSaved(t("submit.done"));
    },
  });
  return (
    <FormCard id="claim-submit" title={t("submit.title")} lead={t("submit.lead")}>
      {claim.checks.length > 0 ? (
        <div className="alert alert-warning">
          <p className="mb-1">{t("submit.missing")}</p>
          <ul className="mb-0">
            {claim.checks.map((c) => (
              <li key={`${c.path}-${c.message}`}>{message(c.message)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("submit.ready")}</p>
      )}
      <form noValidate onSubmit={form.submit} aria-labelledby="claim-submit-title">
        {form.problems}
        <SubmitButton submitting={form.isSubmitting} label={t("submit.save")} />
      </form>
    </FormCard>
  );
}

/**
 * Istruttoria: the amount approved of each cost line (in full unless changed) and, for any cut, the
 * reason; a note, required to reject. The domain's review rules run in the browser too.
 */
export function ReviewForm({ claim, onSaved }: { claim: ClaimDetailView; onSaved: Say }) {
  const { t } = useExpensesT();
  const { t: common } = useTranslation();
  const labels = useExpenseLabels();
  const format = useFormat();
  const { i18n } = useTranslation();
  const review = useReviewClaim(claim.id);
  const lines = claim.lines;
  const fields = [...lines.flatMap((_, i) => [`approved${i}`, `reason${i}`]), "decisionNote"];
  const schema = ReviewInput.superRefine((input, ctx) => {
    for (const p of reviewProblems(lines, input))
      ctx.addIssue({ code: "custom", path: p.path.split("."), message: p.message });
  });
  const form = useExpenseForm<string, ReviewInput>({
    id: "claim-review",
    schema,
    fields,
    defaults: Object.fromEntries([
      ...lines.flatMap((l, i) => [
        [`approved${i}`, euroInput(l.amountCents, i18n.language)],
        [`reason${i}`, ""],
      ]),
      ["decisionNote", ""],
    ]),
    inputOf: (v) => ({
      version: claim.version,
      decisionNote: v.decisionNote,
      lines: lines.map((l, i) => ({
        lineId: l.id,
        approvedCents: centsOf(v[`approved${i}`] ?? ""),
        rejectionReason: v[`reason${i}`] ?? "",
      })),
    }),
    labelOf: (f) => {
      const match = /^(approved|reason)(\d+)$/.exec(f);
      if (match === null) return t("review.decisionNote");
      const n = lines[Number(match[2])]?.position ?? 0;
      return match[1] === "approved" ? t("review.approved", { n }) : t("review.reason", { n });
    },
    fieldOf: (path) => {
      const match = /^lines\.(\d+)\.(approvedCents|rejectionReason)$/.exec(path);
      if (match) return `${match[2] === "approvedCents" ? "approved" : "reason"}${match[1]}`;
      return path === "decisionNote" ? path : null;
    },
    save: async (input) => {
      await review.mutateAsync(input);
      onSaved(t("review.done", { status: labels.status(reviewStatus(lines, input.lines)).toLowerCase() }));
    },
  });
  return (
    <FormCard id="claim-review" title={t("review.title")} lead={t("review.lead")}>
      <form noValidate onSubmit={form.submit} aria-labelledby="claim-review-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        {lines.map((l, i) => (
          <FieldSet
            key={l.id}
            legend={t("review.lineLegend", {
              n: l.position,
              description: l.description,
              amount: format.euro(l.amountCents, { cents: true }),
            })}
          >
            <div className="row">
              {form.text(`approved${i}`, "col-12 col-md-4", { required: true, inputMode: "decimal" })}
              {form.text(`reason${i}`, "col-12 col-md-8", { hint: t("review.reasonHint") })}
            </div>
          </FieldSet>
        ))}
        {form.area("decisionNote", "col-12", { rows: 2, hint: t("review.noteHint") })}
        <SubmitButton submitting={form.isSubmitting} label={t("review.save")} />
      </form>
    </FormCard>
  );
}

/** Richiedi il rimborso of an approved or partly approved claim. */
export function ReimbursementPanel({ claim, onSaved }: { claim: ClaimDetailView; onSaved: Say }) {
  const { t } = useExpensesT();
  const format = useFormat();
  const request = useRequestReimbursement(claim.id);
  const form = useExpenseForm<never, VersionInput>({
    id: "claim-reimbursement",
    schema: VersionInput,
    fields: [],
    defaults: {},
    inputOf: () => ({ version: claim.version }),
    labelOf: () => "",
    save: async (input) => {
      await request.mutateAsync(input);
      onSaved(t("reimbursement.done"));
    },
  });
  return (
    <FormCard
      id="claim-reimbursement"
      title={t("reimbursement.title")}
      lead={t("reimbursement.lead", { amount: format.euro(claim.approvedCents ?? 0, { cents: true }) })}
    >
      <form noValidate onSubmit={form.submit} aria-labelledby="claim-reimbursement-title">
        {form.problems}
        <SubmitButton submitting={form.isSubmitting} label={t("reimbursement.save")} />
      </form>
    </FormCard>
  );
}

const PAYMENT_FIELDS = ["paidOn", "amount"] as const;
type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** Registra il pagamento: the day and the amount, at most the approved total. */
export function PaymentForm({ claim, onSaved }: { claim: ClaimDetailView; onSaved: Say }) {
  const { t } = useExpensesT();
  const { i18n } = useTranslation();
  const format = useFormat();
  const pay = useRecordPayment(claim.id);
  const approved = claim.approvedCents ?? 0;
  const form = useExpenseForm<PaymentField, PaymentInput>({
    id: "claim-payment",
    schema: PaymentInput,
    fields: PAYMENT_FIELDS,
    defaults: { paidOn: localToday(), amount: euroInput(approved, i18n.language) },
    inputOf: (v) => ({ version: claim.version, paidOn: v.paidOn, paidCents: centsOf(v.amount) }),
    labelOf: (f) => t(`payment.${f}`),
    fieldOf: (path) => (path === "paidCents" ? "amount" : null),
    save: async (input) => {
      await pay.mutateAsync(input);
      onSaved(t("payment.done", { amount: format.euro(input.paidCents, { cents: true }) }));
    },
  });
  return (
    <FormCard
      id="claim-payment"
      title={t("payment.title")}
      lead={t("payment.lead", { amount: format.euro(approved, { cents: true }) })}
    >
      <form noValidate onSubmit={form.submit} aria-labelledby="claim-payment-title">
        {form.problems}
        <div className="row">
          {form.text("paidOn", "col-12 col-md-6", { required: true, type: "date" })}
          {form.text("amount", "col-12 col-md-6", { required: true, inputMode: "decimal" })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("payment.save")} />
      </form>
    </FormCard>
  );
}
