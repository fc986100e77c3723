// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import { Fragment, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  ConsentGrant,
  type ConsentPurpose,
  type ConsentRecord,
  ConsentWithdrawal,
} from "../../domain/households/consent.schema.ts";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import { isApiError } from "../api.ts";
import { useCan, useMe } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { showServerErrors } from "../components/server-errors.ts";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { navigate } from "../router.tsx";
import { useConsents, useGiveConsent, useWithdrawConsent } from "./household-care-api.ts";
import { useHouseholdCareLabels } from "./household-care-labels.ts";
import { localToday } from "./referral-form-values.ts";

type GrantValues = z.input<typeof ConsentGrant>;
type WithdrawValues = z.input<typeof ConsentWithdrawal>;

/** What withdrawing a purpose changes, said before the person confirms. */
const WITHDRAW_EFFECT: Record<ConsentPurpose, string> = {
  processing: "consents.effects.processing",
  special_categories: "consents.effects.special_categories",
  follow_up_contact: "consents.effects.follow_up_contact",
};

function WithdrawForm({
  householdId,
  consent,
  onDone,
  onCancel,
}: {
  householdId: string;
  consent: ConsentRecord;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const message = useMessage();
  const withdraw = useWithdrawConsent(householdId);
  const { data: me } = useMe();
  const id = `withdraw-${consent.id}`;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<WithdrawValues, unknown, z.output<typeof ConsentWithdrawal>>({
    resolver: zodResolver(ConsentWithdrawal),
    defaultValues: { withdrawnOn: localToday(), note: "" },
  });
  useEffect(() => setFocus("withdrawnOn"), [setFocus]);
  const submit = handleSubmit(
    async (values) => {
      try {
        await withdraw.mutateAsync({ id: consent.id, ...values });
        // Without consent to processing the record is hidden from all but the data-protection role.
        if (consent.purpose === "processing" && me?.role !== "comune_data_protection") {
          navigate("/nuclei");
          return;
        }
        onDone();
      } catch (e) {
        if (!isApiError(e)) return;
        const issue = e.errors.find((i) => i.path === "withdrawnOn" || i.path === "note");
        if (issue && (issue.path === "withdrawnOn" || issue.path === "note")) {
          setError(issue.path, { type: "server", message: issue.message });
          setFocus(issue.path);
        }
      }
    },
    (invalid) => setFocus(invalid.withdrawnOn ? "withdrawnOn" : "note"),
  );
  const failure = withdraw.error;
  const loose = isApiError(failure) && failure.errors.length === 0 ? failure : null;
  return (
    <form className="inline-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h6">
        {t("consents.withdrawTitle", { purpose: labels.purpose(consent.purpose) })}
      </h3>
      <div className="alert alert-warning" role="note">
        {t(WITHDRAW_EFFECT[consent.purpose])}
      </div>
      {loose ? <ErrorAlert error={loose} /> : null}
      <div className="row">
        <TextField
          id={`${id}-date`}
          label={t("consents.fields.withdrawnOn")}
          className="col-12 col-md-4"
          type="date"
          required
          error={errors.withdrawnOn?.message ? message(errors.withdrawnOn.message) : undefined}
          registration={register("withdrawnOn")}
        />
        <TextAreaField
          id={`${id}-note`}
          label={t("consents.fields.note")}
          className="col-12 col-md-8"
          rows={2}
          error={errors.note?.message ? message(errors.note.message) : undefined}
          registration={register("note")}
        />
      </div>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <button type="submit" className="btn btn-danger btn-sm" disabled={isSubmitting}>
          {t("consents.confirmWithdraw")}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}

function GrantForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const message = useMessage();
  const give = useGiveConsent(householdId);
  const [done, setDone] = useState<ConsentPurpose | null>(null);
  const empty = () => ({ purpose: "", givenOn: localToday(), note: "" }) as unknown as GrantValues;
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<GrantValues, unknown, z.output<typeof ConsentGrant>>({
    resolver: zodResolver(ConsentGrant),
    defaultValues: empty(),
  });
  const FIELDS = ["purpose", "givenOn", "note"] as const;
  type Name = (typeof FIELDS)[number];
  const isName = (p: string): p is Name => FIELDS.some((f) => f === p);
  const errorOf = (name: Name) => {
    const text = errors[name]?.message;
    if (typeof text !== "string") return undefined;
    if (name === "purpose" && !getValues("purpose")) return t("referrals.form.choose");
    return message(text);
  };
  const submit = handleSubmit(
    async (values) => {
      setDone(null);
      try {
        await give.mutateAsync(values);
        reset(empty());
        setDone(values.purpose);
      } catch (e) {
        showServerErrors(e, isName, setError, setFocus);
      }
    },
    (invalid) => {
      const first = FIELDS.find((f) => invalid[f]);
      if (first) setFocus(first);
    },
  );
  const failure = give.error;
  const loose = isApiError(failure) && !failure.errors.some((i) => isName(i.path)) ? failure : null;
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="consent-form-title">
      <div className="card-body">
        <h3 id="consent-form-title" className="h5">
          {t("consents.give")}
        </h3>
        <form noValidate onSubmit={submit}>
          <div aria-live="polite">
            {done ? (
              <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
                {t("consents.given", { purpose: labels.purpose(done) })}
              </div>
            ) : null}
          </div>
          {loose ? <ErrorAlert error={loose} /> : null}
          <div className="row">
            <SelectField
              id="consent-purpose"
              label={t("consents.fields.purpose")}
              className="col-12 col-md-6"
              required
              empty={t("referrals.form.chooseOption")}
              options={labels.purposeOptions}
              error={errorOf("purpose")}
              registration={register("purpose", { setValueAs: (v) => (v === "" ? undefined : v) })}
            />
            <TextField
              id="consent-givenOn"
              label={t("consents.fields.givenOn")}
              className="col-12 col-md-6"
              type="date"
              required
              error={errorOf("givenOn")}
              registration={register("givenOn")}
            />
            <TextAreaField
              id="consent-note"
              label={t("consents.fields.note")}
              className="col-12"
              rows={2}
              error={errorOf("note")}
              registration={register("note")}
            />
          </div>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? t("form.saving") : t("consents.submit")}
          </button>
        </form>
      </div>
    </section>
  );
}

/** Consensi: what the household agreed to and when; give and withdraw, with a confirmation. */
export function ConsentsTab({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const format = useFormat();
  const canWrite = useCan("consents:write");
  const consents = useConsents(household.id);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const items = consents.data?.items;
  const closeAndFocus = (consentId: string) => {
    setWithdrawing(null);
    requestAnimationFrame(() => document.getElementById(`withdraw-button-${consentId}`)?.focus());
  };
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title" className="h4">
        {t("consents.title")}
      </h2>
      <p className="small text-secondary">{t("consents.intro")}</p>
      <div aria-live="polite">
        {announce ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {announce}
          </div>
        ) : null}
      </div>
      {consents.error ? <ErrorAlert error={consents.error} onRetry={() => consents.refetch()} /> : null}
      {consents.isPending ? <Loading /> : null}
      {items && items.length === 0 ? <p>{t("consents.empty")}</p> : null}
      {items && items.length > 0 ? (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t("consents.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("consents.fields.purpose")}</th>
                <th scope="col">{t("consents.fields.givenOn")}</th>
                <th scope="col">{t("consents.fields.status")}</th>
                <th scope="col">{t("consents.fields.note")}</th>
                {canWrite ? <th scope="col">{t("referrals.fields.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <Fragment key={c.id}>
                  <tr>
                    <th scope="row">{labels.purpose(c.purpose)}</th>
                    <td>
                      {format.date(c.givenOn)}
                      {c.recordedBy ? (
                        <div className="small">{t("consents.recordedBy", { name: c.recordedBy })}</div>
                      ) : null}
                    </td>
                    <td>
                      {c.withdrawnOn === null ? (
                        <span className="badge consent-given">{t("consents.inForce")}</span>
                      ) : (
                        <>
                          <span className="badge consent-withdrawn">{t("consents.withdrawn")}</span>
                          <div className="small">
                            {t("consents.withdrawnOn", { date: format.date(c.withdrawnOn) })}
                            {c.withdrawnRecordedBy ? ` · ${c.withdrawnRecordedBy}` : ""}
                          </div>
                        </>
                      )}
                    </td>
                    <td className="notes">{c.note || "—"}</td>
                    {canWrite ? (
                      <td>
                        {c.withdrawnOn === null ? (
                          <button
                            id={`withdraw-button-${c.id}`}
                            type="button"
                            className="btn btn-outline-danger btn-sm"
                            aria-expanded={withdrawing === c.id}
                            onClick={() => {
                              setAnnounce("");
                              setWithdrawing(withdrawing === c.id ? null : c.id);
                            }}
                          >
                            {t("consents.withdraw", { purpose: labels.purpose(c.purpose) })}
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                  {withdrawing === c.id ? (
                    <tr>
                      <td colSpan={canWrite ? 5 : 4}>
                        <WithdrawForm
                          householdId={household.id}
                          consent={c}
                          onCancel={() => closeAndFocus(c.id)}
                          onDone={() => {
                            setWithdrawing(null);
                            setAnnounce(t("consents.withdrawnDone", { purpose: labels.purpose(c.purpose) }));
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canWrite ? <GrantForm householdId={household.id} /> : null}
    </section>
  );
}
