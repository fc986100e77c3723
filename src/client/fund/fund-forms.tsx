// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { ExpenseDecisionInput, FundEntryInput, type FundEntryKind } from "../../domain/fund/fund.ts";
import type { FundEntryView, FundLedger } from "../../domain/fund/fund-api.schema.ts";
import type { DecisionView } from "../../domain/governance/governance-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { SubmitButton } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday, orNull, orUndefined, useDone } from "../funding/funding-form.tsx";
import { useBody, useOrganisationName } from "../governance/governance-api.ts";
import { bodyHref } from "../governance/governance-paths.ts";
import { Link } from "../router.tsx";
import { centsOf } from "../tenancies/money.ts";
import { useAddContribution, useDecideExpense, useProposeExpense } from "./fund-api.ts";
import { useFundForm } from "./fund-form.tsx";
import { useFundLabels, useFundT } from "./fund-i18n.ts";
import { proposalId, shortText } from "./fund-paths.ts";

// A network's fund moves: a contribution recorded or an expense proposed (the same fields, for the
// caller's organisation), and a proposed expense approved by a decision of the network's body or
// rejected. An approval beyond the balance is the API's 409, shown beside the outcome.

const ENTRY_FIELDS = ["amount", "entryOn", "counterpart", "description"] as const;
type EntryField = (typeof ENTRY_FIELDS)[number];

/** Registra un contributo / Proponi una spesa: the amount in euros, the day, who, what for. */
export function EntryForm({
  kind,
  ledger,
  onSaved,
}: {
  kind: FundEntryKind;
  ledger: FundLedger;
  onSaved: (text: string) => void;
}) {
  const { t } = useFundT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const contribute = useAddContribution(ledger.bodyId);
  const propose = useProposeExpense(ledger.bodyId);
  const write = kind === "contribution" ? contribute : propose;
  const id = `${kind}-new`;
  const form = useFundForm<EntryField, FundEntryInput>({
    id,
    schema: FundEntryInput,
    fields: ENTRY_FIELDS,
    defaults: { amount: "", entryOn: localToday(), counterpart: "", description: "" },
    inputOf: (v) => ({
      amountCents: centsOf(v.amount),
      entryOn: v.entryOn,
      counterpart: v.counterpart,
      description: v.description,
    }),
    labelOf: (f) => t(`entryForm.${kind}.${f}`),
    fieldOf: (path) => (path === "amountCents" ? "amount" : null),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await write.mutateAsync(input);
      onSaved(
        t(`entryForm.${kind}.done`, {
          amount: format.euro(input.amountCents, { cents: true }),
          counterpart: input.counterpart,
          balance: format.euro(saved.balanceCents, { cents: true }),
        }),
      );
    },
  });
  return (
    <FormCard id={id} level={3} title={t(`entryForm.${kind}.title`)} lead={t(`entryForm.${kind}.lead`)}>
      <form noValidate onSubmit={form.submit} aria-labelledby={`${id}-title`}>
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("amount", "col-12 col-md-4", {
            required: true,
            inputMode: "decimal",
            hint: t("entryForm.amountHint"),
          })}
          {form.text("entryOn", "col-12 col-md-4", { required: true, type: "date" })}
          {form.text("counterpart", "col-12 col-md-4", { required: true })}
          {form.area("description", "col-12", { required: true, rows: 2 })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t(`entryForm.${kind}.save`)} />
      </form>
    </FormCard>
  );
}

/** The expenses awaiting a decision, each with the form that approves or rejects it. */
export function ProposedExpenses({ ledger }: { ledger: FundLedger }) {
  const { t } = useFundT();
  const format = useFormat();
  const body = useBody(ledger.bodyId);
  const done = useDone();
  const proposed = ledger.entries.filter((e) => e.kind === "expense" && e.status === "proposed");
  const decisions = body.data?.decisions ?? [];
  return (
    <>
      <p>{t("decide.lead", { balance: format.euro(ledger.balanceCents, { cents: true }) })}</p>
      {done.node}
      {proposed.length === 0 ? (
        <p>{t("decide.none")}</p>
      ) : body.error ? (
        <ErrorAlert error={body.error} onRetry={() => body.refetch()} />
      ) : body.isPending ? (
        <Loading />
      ) : (
        <>
          {decisions.length === 0 ? (
            <p>
              {t("decide.noDecisions")} <Link to={bodyHref(ledger.bodyId)}>{t("network.bodyLink")}</Link>
            </p>
          ) : null}
          {proposed.map((entry) => (
            <DecisionCard
              key={entry.id}
              bodyId={ledger.bodyId}
              entry={entry}
              decisions={decisions}
              onSaved={done.say}
            />
          ))}
        </>
      )}
    </>
  );
}

function DecisionCard({
  bodyId,
  entry,
  decisions,
  onSaved,
}: {
  bodyId: string;
  entry: FundEntryView;
  decisions: readonly DecisionView[];
  onSaved: (text: string) => void;
}) {
  const { t } = useFundT();
  const format = useFormat();
  const organisation = useOrganisationName();
  const id = proposalId(entry.id);
  return (
    <FormCard
      id={id}
      level={3}
      title={t("decide.cardTitle", {
        counterpart: entry.counterpart,
        amount: format.euro(entry.amountCents, { cents: true }),
      })}
      lead={t("decide.cardLead", {
        organisation: organisation(entry.organisationCode),
        date: format.date(entry.entryOn),
        description: entry.description,
      })}
    >
      <DecisionForm bodyId={bodyId} entry={entry} decisions={decisions} onSaved={onSaved} />
    </FormCard>
  );
}

const DECISION_FIELDS = ["outcome", "decisionId"] as const;
type DecisionField = (typeof DECISION_FIELDS)[number];

// The API's own words when an approval names no decision, so its translation serves both.
const DECISION_REQUIRED = "An expense is approved by a decision of the network";
/** The shared schema, and what the API also checks: an approval names a decision. */
const ExpenseDecisionChoice = ExpenseDecisionInput.refine(
  (v) => v.outcome !== "approved" || v.decisionId !== null,
  { path: ["decisionId"], error: DECISION_REQUIRED },
);

/** Esito: approve with one of the body's decisions, or reject. */
function DecisionForm({
  bodyId,
  entry,
  decisions,
  onSaved,
}: {
  bodyId: string;
  entry: FundEntryView;
  decisions: readonly DecisionView[];
  onSaved: (text: string) => void;
}) {
  const { t } = useFundT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const labels = useFundLabels();
  const decide = useDecideExpense(bodyId, entry.id);
  const id = proposalId(entry.id);
  const form = useFundForm<DecisionField, ExpenseDecisionInput>({
    id,
    schema: ExpenseDecisionChoice,
    fields: DECISION_FIELDS,
    defaults: { outcome: "", decisionId: "" },
    inputOf: (v) => ({
      outcome: orUndefined(v.outcome),
      decisionId: v.outcome === "rejected" ? null : orNull(v.decisionId),
    }),
    labelOf: (f) => t(`decide.${f}`),
    save: async (input) => {
      const saved = await decide.mutateAsync(input);
      const amount = format.euro(entry.amountCents, { cents: true });
      const after = saved.entries.find((e) => e.id === entry.id);
      onSaved(
        input.outcome === "approved"
          ? t("decide.approved", {
              amount,
              counterpart: entry.counterpart,
              number: after?.decisionNumber ?? "",
              balance: format.euro(saved.balanceCents, { cents: true }),
            })
          : t("decide.rejected", { amount, counterpart: entry.counterpart }),
      );
    },
  });
  const choices = decisions.map((d) => ({
    value: d.id,
    label: t("decide.decisionOption", {
      number: d.number,
      date: format.date(d.date),
      text: shortText(d.text),
    }),
  }));
  return (
    <form noValidate onSubmit={form.submit} aria-label={t("decide.form", { counterpart: entry.counterpart })}>
      <p className="small">{common("form.requiredNote")}</p>
      {form.problems}
      <div className="row">
        {form.select("outcome", "col-12 col-md-4", labels.outcomeOptions, {
          required: true,
          empty: t("decide.choose"),
        })}
        {form.select("decisionId", "col-12 col-md-8", choices, {
          empty: t("decide.noDecision"),
          hint: t("decide.decisionIdHint"),
        })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("decide.save")} />
    </form>
  );
}
