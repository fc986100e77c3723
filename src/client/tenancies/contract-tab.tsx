// SPDX-License-Identifier: EUPL-1.2
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type Tenancy, TenancyEnd } from "../../domain/tenancies/tenancy-api.schema.ts";
import { FactsCard } from "../allocation/facts-list.tsx";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { householdHref } from "../households/household-href.ts";
import { localToday } from "../households/referral-form-values.ts";
import { Link } from "../router.tsx";
import { tenancyKeys, useActivateTenancy, useEndTenancy } from "./tenancies-api.ts";
import { useTenanciesT, useTenancyLabels, useTenancyMessage } from "./tenancies-i18n.ts";
import { TermsForm } from "./terms-form.tsx";

/** The rent's basis in words: the unit's cap, the co-payment's share of income, or a free loan. */
export function useRentBasisText() {
  const { t } = useTenanciesT();
  const format = useFormat();
  return (basis: Record<string, unknown> | null): string => {
    if (basis === null) return "—";
    const cents = (key: string) => format.euro(Number(basis[key] ?? 0), { cents: true });
    switch (basis.rule) {
      case "cap":
        return t("contract.basisCap", {
          cap: cents("capMonthlyCents"),
          surface: format.number(Number(basis.surfaceM2 ?? 0)),
          rate: basis.category === "calmierato" ? 75 : 55,
        });
      case "co_payment":
        return t("contract.basisCoPayment", {
          share: format.number(Number(basis.sharePercent ?? 0)),
          income: cents("annualIncomeCents"),
          amount: cents("coPaymentCents"),
          ceiling: cents("ceilingCents"),
        });
      case "free_loan":
        return t("contract.basisFreeLoan");
      default:
        return "—";
    }
  };
}

function Facts({ tenancy: x }: { tenancy: Tenancy }) {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const labels = useTenancyLabels();
  const format = useFormat();
  const basisText = useRentBasisText();
  const canReadHouseholds = useCan("households:read");
  const canReadUnits = useCan("units:read");
  const date = (d: string | null) => (d ? format.date(d) : "—");
  // A draft's figures mean nothing until its terms are filled in.
  const money = (cents: number) =>
    x.contractType === null ? t("contract.notSet") : format.euro(cents, { cents: true });
  return (
    <div className="row g-4">
      <div className="col-12 col-lg-6">
        <FactsCard
          id="contract-facts"
          title={t("contract.factsTitle")}
          facts={[
            { key: "reference", label: t("fields.reference"), value: x.reference },
            {
              key: "type",
              label: t("fields.contractType"),
              value: x.contractType ? labels.contractType(x.contractType) : t("contract.notSet"),
            },
            {
              key: "unit",
              label: t("fields.unit"),
              value: (
                <>
                  {canReadUnits ? <Link to={`/alloggi/${x.unit.id}`}>{x.unit.code}</Link> : x.unit.code} ·{" "}
                  {common(`enums.categoryShort.${x.unit.category}`, { defaultValue: x.unit.category })} ·{" "}
                  {format.squareMetres(x.unitSurfaceM2)}
                </>
              ),
            },
            {
              key: "household",
              label: t("fields.household"),
              value:
                canReadHouseholds && x.household.id ? (
                  <Link to={householdHref(x.household.id)}>{x.household.reference}</Link>
                ) : (
                  x.household.reference || "—"
                ),
            },
            { key: "partner", label: t("fields.partner"), value: x.partnerCode ?? "—" },
            { key: "start", label: t("fields.startOn"), value: date(x.startOn) },
            {
              key: "end",
              label: t("fields.endOn"),
              value: x.endOn ? date(x.endOn) : t("contract.openEnded"),
            },
            {
              key: "renewal",
              label: t("fields.renewalMonths"),
              value: t("contract.months", { count: x.renewalMonths }),
            },
            {
              key: "notice",
              label: t("fields.noticeMonths"),
              value: t("contract.months", { count: x.noticeMonths }),
            },
            ...(x.activatedAt
              ? [
                  {
                    key: "activated",
                    label: t("contract.activatedAt"),
                    value: format.dateTime(x.activatedAt),
                  },
                ]
              : []),
            ...(x.endedOn
              ? [
                  {
                    key: "ended",
                    label: t("contract.endedOn"),
                    value: `${format.date(x.endedOn)}${x.endReason ? ` — ${x.endReason}` : ""}`,
                  },
                ]
              : []),
            ...(x.cancelReason
              ? [{ key: "cancelled", label: t("contract.cancelReason"), value: x.cancelReason }]
              : []),
          ]}
        />
      </div>
      <div className="col-12 col-lg-6">
        <FactsCard
          id="contract-money"
          title={t("contract.moneyTitle")}
          facts={[
            { key: "rent", label: t("fields.rent"), value: money(x.rentCents) },
            {
              key: "cap",
              label: t("contract.cap"),
              value:
                x.capMonthlyCents === null
                  ? t("contract.noCap")
                  : t("contract.capValue", { cap: format.euro(x.capMonthlyCents, { cents: true }) }),
            },
            { key: "basis", label: t("contract.basis"), value: basisText(x.rentBasis) },
            {
              key: "service",
              label: t("fields.serviceCharge"),
              value: money(x.serviceChargeCents),
            },
            {
              key: "deposit",
              label: t("fields.deposit"),
              value: money(x.depositCents),
            },
          ]}
        />
      </div>
    </div>
  );
}

function Signatories({ tenancy: x }: { tenancy: Tenancy }) {
  const { t } = useTenanciesT();
  const labels = useTenancyLabels();
  const format = useFormat();
  return (
    <section className="mt-5" aria-labelledby="signatories-title">
      <h2 id="signatories-title" className="h4">
        {t("terms.signatories")}
      </h2>
      {x.signatories.length === 0 ? (
        <p>{t("contract.noSignatories")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t("contract.signatoriesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("terms.signatory.name")}</th>
                <th scope="col">{t("terms.signatory.role")}</th>
                <th scope="col">{t("terms.signatory.fiscalCode")}</th>
                <th scope="col">{t("terms.signatory.signedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {x.signatories.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: signatories have no id; their order is theirs.
                <tr key={i}>
                  <th scope="row">{s.name}</th>
                  <td>{labels.role(s.role)}</td>
                  <td className="font-monospace">{s.fiscalCode ?? "—"}</td>
                  <td className="text-nowrap">{s.signedOn ? format.date(s.signedOn) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Attiva: put the signed draft in force, as saved; what stops it is said beside the button. */
function Activation({
  tenancy: x,
  routeId,
  onDone,
}: {
  tenancy: Tenancy;
  routeId: string;
  onDone: (text: string) => void;
}) {
  const { t } = useTenanciesT();
  const message = useTenancyMessage();
  const activate = useActivateTenancy(routeId);
  const ready = x.contractType !== null && x.startOn !== null && x.signatories.length > 0;
  const failure = activate.error;
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="activate-title">
      <div className="card-body">
        <h3 id="activate-title" className="h5">
          {t("contract.activateTitle")}
        </h3>
        <p id="activate-hint" className="small">
          {ready ? t("contract.activateHint") : t("contract.activateNotReady")}
        </p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={activate.isPending}
          aria-describedby={failure ? "activate-hint activate-error" : "activate-hint"}
          onClick={() =>
            activate.mutate(x.version, {
              onSuccess: (after) => onDone(t("contract.activated", { reference: after.reference })),
            })
          }
        >
          {activate.isPending ? t("common.sending") : t("contract.activate")}
        </button>
        {failure ? (
          <div id="activate-error" className="alert alert-danger mt-3 mb-0" role="alert">
            {isApiError(failure)
              ? failure.errors.map((e) => message(e.message)).join(" ") || message(failure.detail)
              : t("common.unexpected")}
          </div>
        ) : null}
      </div>
    </section>
  );
}

type EndValues = { endedOn: string; reason: string };
const END_FIELDS = ["endedOn", "reason"] as const;
type EndField = (typeof END_FIELDS)[number];
const endFieldOf = (path: string): EndField | null => END_FIELDS.find((f) => f === path) ?? null;

/** Termina: end a tenancy in force on a day, with the reason; the unit starts being vacated. */
function EndForm({
  tenancy: x,
  routeId,
  onDone,
  onConflict,
}: {
  tenancy: Tenancy;
  routeId: string;
  onDone: (text: string) => void;
  onConflict: () => void;
}) {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const message = useTenancyMessage();
  const format = useFormat();
  const end = useEndTenancy(routeId);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<EndValues, unknown, TenancyEnd>({
    resolver: schemaResolver<EndValues, TenancyEnd>(
      TenancyEnd,
      (v) => ({ version: x.version, endedOn: v.endedOn, reason: v.reason }),
      (path) => endFieldOf(path) ?? "root",
    ),
    defaultValues: { endedOn: localToday(), reason: "" },
  });
  const names: Record<EndField, string> = { endedOn: t("end.endedOn"), reason: t("end.reason") };
  const summary = useErrorSummary<EndField>({
    errors,
    setFocus,
    fieldOf: endFieldOf,
    fieldId: (n) => `end-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const after = await end.mutateAsync(input);
        onDone(t("end.done", { date: format.date(after.endedOn ?? input.endedOn) }));
      } catch (e) {
        if (isApiError(e, 409) && e.errors.some((i) => i.path === "version" || i.path === "status")) {
          onConflict();
          return;
        }
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(END_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="end-title" className="card shadow-sm mt-4">
      <div className="card-body">
        <h3 id="end-title" className="h5">
          {t("end.title")}
        </h3>
        <p className="small">
          {t("end.intro")} {common("form.requiredNote")}
        </p>
        {end.error && !isApiError(end.error) ? <ErrorAlert error={end.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="end-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id="end-endedOn"
            label={names.endedOn}
            className="col-12 col-md-4"
            type="date"
            required
            error={summary.errorOf("endedOn")}
            registration={register("endedOn")}
          />
        </div>
        <TextAreaField
          id="end-reason"
          label={names.reason}
          rows={2}
          required
          error={summary.errorOf("reason")}
          registration={register("reason")}
        />
        <SubmitButton submitting={isSubmitting} label={t("end.submit")} />
      </div>
    </form>
  );
}

/** Contratto: the tenancy's terms and signatories; the draft's form and activation, or the end. */
export function ContractTab({ tenancy: x, routeId }: { tenancy: Tenancy; routeId: string }) {
  const { t } = useTenanciesT();
  const queryClient = useQueryClient();
  const canWrite = useCan("tenancies:write");
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const done = (text: string) => {
    setConflict(false);
    setNotice(text);
  };
  const reload = async () => {
    setConflict(false);
    await queryClient.invalidateQueries({ queryKey: tenancyKeys.detail(routeId) });
  };
  return (
    <section aria-labelledby="contract-title">
      <h2 id="contract-title" className="visually-hidden">
        {t("tabs.contratto")}
      </h2>
      <div aria-live="polite">
        {notice ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {notice}
          </div>
        ) : null}
      </div>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <p>{t("contract.conflict")}</p>
          <button type="button" className="btn btn-primary btn-sm" onClick={reload}>
            {t("contract.reload")}
          </button>
        </div>
      ) : null}
      <Facts tenancy={x} />
      <Signatories tenancy={x} />
      {canWrite && x.status === "draft" ? (
        <>
          <TermsForm
            key={x.version}
            tenancy={x}
            routeId={routeId}
            onSaved={() => done(t("terms.saved"))}
            onConflict={() => setConflict(true)}
          />
          <Activation tenancy={x} routeId={routeId} onDone={done} />
        </>
      ) : null}
      {canWrite && x.status === "active" ? (
        <EndForm
          key={x.version}
          tenancy={x}
          routeId={routeId}
          onDone={done}
          onConflict={() => setConflict(true)}
        />
      ) : null}
    </section>
  );
}
