// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import { InterventionInput } from "../../domain/support-plans/intervention.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { localToday } from "../households/referral-form-values.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { useSupportPlanLabels } from "./support-plan-labels.ts";
import { useAddIntervention, useInterventions } from "./support-plans-api.ts";

const PAGE = 20;
const FIELDS = ["date", "minutes", "type", "staffName", "note"] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (path: string): path is FieldName => FIELDS.some((f) => f === path);

type Values = z.input<typeof InterventionInput>;
type Output = z.output<typeof InterventionInput>;

const emptyIntervention = () =>
  ({ date: localToday(), minutes: "", type: "", staffName: "", note: "" }) as unknown as Values;

function InterventionForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const message = useMessage();
  const add = useAddIntervention(householdId);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Output>({
    resolver: zodResolver(InterventionInput),
    defaultValues: emptyIntervention(),
  });

  const errorOf = (name: FieldName) => {
    const text = errors[name]?.message;
    if (typeof text !== "string") return undefined;
    const value: unknown = getValues(name);
    if (value === "" || value === undefined) {
      if (name === "type") return t("referrals.form.choose");
      if (name === "minutes") return t("interventions.minutesRequired");
    }
    return message(text);
  };
  const field = (name: FieldName, label: string) => ({
    id: `intervention-${name}`,
    label,
    error: errorOf(name),
  });

  const submit = handleSubmit(
    async (values) => {
      setDone(false);
      try {
        await add.mutateAsync(values);
        reset(emptyIntervention());
        setDone(true);
      } catch (e) {
        if (!isApiError(e)) return;
        const first = e.errors.find((i) => isField(i.path));
        for (const issue of e.errors) {
          if (isField(issue.path)) setError(issue.path, { type: "server", message: issue.message });
        }
        if (first && isField(first.path)) setFocus(first.path);
      }
    },
    (invalid) => {
      const first = FIELDS.find((f) => invalid[f]);
      if (first) setFocus(first);
    },
  );
  const failure = add.error;
  const loose = isApiError(failure) && !failure.errors.some((i) => isField(i.path)) ? failure : null;
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="intervention-form-title">
      <div className="card-body">
        <h3 id="intervention-form-title" className="h5">
          {t("interventions.add")}
        </h3>
        <form noValidate onSubmit={submit}>
          <div aria-live="polite">
            {done ? (
              <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
                {t("interventions.saved")}
              </div>
            ) : null}
          </div>
          {loose ? <ErrorAlert error={loose} /> : null}
          {failure && !isApiError(failure) ? <ErrorAlert error={failure} /> : null}
          <div className="row">
            <TextField
              {...field("date", t("interventions.fields.date"))}
              className="col-12 col-md-4"
              type="date"
              required
              registration={register("date")}
            />
            <SelectField
              {...field("type", t("interventions.fields.type"))}
              className="col-12 col-md-4"
              required
              empty={t("referrals.form.chooseOption")}
              options={labels.interventionTypeOptions}
              registration={register("type", { setValueAs: (v) => (v === "" ? undefined : v) })}
            />
            <TextField
              {...field("minutes", t("interventions.fields.minutes"))}
              className="col-12 col-md-4"
              type="number"
              inputMode="numeric"
              min={1}
              max={720}
              required
              hint={t("interventions.minutesHint")}
              registration={register("minutes", {
                setValueAs: (v) => (v === "" || v === undefined ? undefined : Number(v)),
              })}
            />
            <TextField
              {...field("staffName", t("interventions.fields.staffName"))}
              className="col-12 col-md-6"
              hint={t("interventions.staffHint")}
              registration={register("staffName")}
            />
            <TextAreaField
              {...field("note", t("interventions.fields.note"))}
              className="col-12"
              hint={t("interventions.noteHint")}
              registration={register("note")}
            />
          </div>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? t("form.saving") : t("interventions.submit")}
          </button>
        </form>
      </div>
    </section>
  );
}

/** Interventi: the team's log of what it did with the household, and a form to add to it. */
export function InterventionsTab({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const format = useFormat();
  const canWrite = useCan("households:write");
  const [shown, setShown] = useState(PAGE);
  const list = useInterventions(household.id, { limit: shown, offset: 0 });
  const data = list.data;
  const restricted = household.specialCategories === "restricted";
  return (
    <section aria-labelledby="interventions-title">
      <h2 id="interventions-title" className="h4">
        {t("interventions.title")}
      </h2>
      {restricted ? (
        <div className="alert alert-info" role="note">
          {t("interventions.restricted")}
        </div>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p>
            {t("interventions.count", {
              count: data.total,
              hours: format.number(data.totalMinutes / 60, 1),
            })}
          </p>
          {data.items.length > 0 ? (
            <div className="table-responsive">
              <table className="table">
                <caption className="visually-hidden">{t("interventions.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("interventions.fields.date")}</th>
                    <th scope="col">{t("interventions.fields.type")}</th>
                    <th scope="col" className="text-end">
                      {t("interventions.fields.minutes")}
                    </th>
                    <th scope="col">{t("interventions.fields.staff")}</th>
                    <th scope="col">{t("interventions.fields.note")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.id}>
                      <th scope="row" className="text-nowrap">
                        {format.date(i.date)}
                      </th>
                      <td>{labels.interventionType(i.type)}</td>
                      <td className="text-end">{format.number(i.minutes)}</td>
                      <td>{i.staffName || i.recordedBy || "—"}</td>
                      <td className="notes">
                        {i.note === null ? (
                          <span className="restricted-value">{t("households.detail.teamOnly")}</span>
                        ) : (
                          i.note || "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {data.items.length < data.total ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => setShown((n) => n + PAGE)}
            >
              {t("interventions.more")}
            </button>
          ) : null}
        </>
      ) : null}
      {canWrite && !restricted ? <InterventionForm householdId={household.id} /> : null}
    </section>
  );
}
