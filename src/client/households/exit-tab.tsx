// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { Fragment, useEffect, useRef, useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  type ExitDestination,
  ExitInput,
  type ExitRecord,
  exitProblems,
  FollowUpInput,
  type FollowUpMonths,
  type FollowUpRecord,
  type FollowUpSituation,
  followUpProblems,
} from "../../domain/households/exit.ts";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import type { FieldIssue } from "../../domain/shared/issue.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { showServerErrors } from "../components/server-errors.ts";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { OverdueFlag } from "./household-badges.tsx";
import { useExit, useRecordExit, useRecordFollowUp } from "./household-care-api.ts";
import { useHouseholdCareLabels } from "./household-care-labels.ts";
import { localToday } from "./referral-form-values.ts";

/** The issues of a zod parse and of the rules as react-hook-form's nested errors. */
function nest(issues: readonly { path: PropertyKey[] | string; message: string }[]): FieldErrors {
  const flat: FieldErrors = {};
  for (const issue of issues) {
    const path = typeof issue.path === "string" ? issue.path : issue.path.join(".");
    flat[path] ??= { type: "invalid", message: issue.message };
  }
  return flat;
}

type ExitValues = {
  date: string;
  planned: "" | "true" | "false";
  destination: ExitDestination | "";
  note: string;
};
const EXIT_FIELDS = ["date", "destination", "planned", "note"] as const;
type ExitField = (typeof EXIT_FIELDS)[number];
const isExitField = (p: string): p is ExitField => EXIT_FIELDS.some((f) => f === p);

const exitResolver =
  (enteredOn: string): Resolver<ExitValues, unknown, ExitInput> =>
  async (values, _context, options) => {
    const parsed = ExitInput.safeParse({
      date: values.date,
      planned: values.planned === "" ? undefined : values.planned === "true",
      destination: values.destination === "" ? undefined : values.destination,
      note: values.note,
    });
    if (!parsed.success) return { values: {}, errors: toNestErrors(nest(parsed.error.issues), options) };
    const problems: FieldIssue[] = exitProblems(parsed.data, localToday(), enteredOn);
    if (problems.length > 0) return { values: {}, errors: toNestErrors(nest(problems), options) };
    return { values: parsed.data, errors: {} };
  };

function ExitForm({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const message = useMessage();
  const record = useRecordExit(household.id);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ExitValues, unknown, ExitInput>({
    resolver: exitResolver(household.createdAt.slice(0, 10)),
    defaultValues: { date: localToday(), planned: "", destination: "", note: "" },
  });
  const errorOf = (name: ExitField) => {
    const text = errors[name]?.message;
    if (typeof text !== "string") return undefined;
    if ((name === "destination" || name === "planned") && getValues(name) === "")
      return t("referrals.form.choose");
    return message(text);
  };
  const submit = handleSubmit(
    async (values) => {
      try {
        await record.mutateAsync(values);
      } catch (e) {
        showServerErrors(e, isExitField, setError, setFocus);
      }
    },
    (invalid) => {
      const first = EXIT_FIELDS.find((f) => invalid[f]);
      if (first === "planned") document.getElementById("exit-planned-true")?.focus();
      else if (first) setFocus(first);
    },
  );
  const failure = record.error;
  const loose = isApiError(failure) && !failure.errors.some((i) => isExitField(i.path)) ? failure : null;
  const plannedError = errorOf("planned");
  return (
    <section className="card shadow-sm" aria-labelledby="exit-form-title">
      <div className="card-body">
        <h3 id="exit-form-title" className="h5">
          {t("exit.form.title")}
        </h3>
        <p className="small">{t("exit.form.intro")}</p>
        {loose ? <ErrorAlert error={loose} /> : null}
        {failure && !isApiError(failure) ? <ErrorAlert error={failure} /> : null}
        <form noValidate onSubmit={submit}>
          <div className="row">
            <TextField
              id="exit-date"
              label={t("exit.fields.date")}
              className="col-12 col-md-4"
              type="date"
              required
              error={errorOf("date")}
              registration={register("date")}
            />
            <SelectField
              id="exit-destination"
              label={t("exit.fields.destination")}
              className="col-12 col-md-8"
              required
              empty={t("referrals.form.chooseOption")}
              options={labels.destinationOptions}
              error={errorOf("destination")}
              registration={register("destination")}
            />
          </div>
          <fieldset
            className="check-group"
            aria-describedby={plannedError ? "exit-planned-error" : undefined}
            aria-invalid={plannedError ? true : undefined}
          >
            <legend>
              {t("exit.fields.planned")}
              <span className="text-danger ms-1" aria-hidden="true">
                *
              </span>
            </legend>
            {(["true", "false"] as const).map((v) => (
              <div className="form-check form-check-inline" key={v}>
                <input id={`exit-planned-${v}`} type="radio" value={v} {...register("planned")} />
                <label htmlFor={`exit-planned-${v}`}>{t(`exit.planned.${v}`)}</label>
              </div>
            ))}
            {plannedError ? (
              <div id="exit-planned-error" className="field-error">
                {plannedError}
              </div>
            ) : null}
          </fieldset>
          <TextAreaField
            id="exit-note"
            label={t("exit.fields.note")}
            rows={3}
            error={errorOf("note")}
            registration={register("note")}
          />
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? t("form.saving") : t("exit.form.submit")}
          </button>
        </form>
      </div>
    </section>
  );
}

type FollowUpValues = { contactedOn: string; situation: FollowUpSituation | ""; note: string };
const FOLLOW_UP_FIELDS = ["contactedOn", "situation", "note"] as const;
type FollowUpField = (typeof FOLLOW_UP_FIELDS)[number];
const isFollowUpField = (p: string): p is FollowUpField => FOLLOW_UP_FIELDS.some((f) => f === p);

const followUpResolver =
  (exitDate: string): Resolver<FollowUpValues, unknown, FollowUpInput> =>
  async (values, _context, options) => {
    const parsed = FollowUpInput.safeParse({
      ...values,
      situation: values.situation === "" ? undefined : values.situation,
    });
    if (!parsed.success) return { values: {}, errors: toNestErrors(nest(parsed.error.issues), options) };
    const problems = followUpProblems(parsed.data, exitDate, localToday());
    if (problems.length > 0) return { values: {}, errors: toNestErrors(nest(problems), options) };
    return { values: parsed.data, errors: {} };
  };

function FollowUpForm({
  householdId,
  exitDate,
  followUp,
  onDone,
  onCancel,
}: {
  householdId: string;
  exitDate: string;
  followUp: FollowUpRecord;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const message = useMessage();
  const record = useRecordFollowUp(householdId);
  const id = `follow-up-${followUp.months}`;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<FollowUpValues, unknown, FollowUpInput>({
    resolver: followUpResolver(exitDate),
    defaultValues: {
      contactedOn: followUp.contactedOn ?? localToday(),
      situation: followUp.situation ?? "",
      note: followUp.note,
    },
  });
  useEffect(() => setFocus("contactedOn"), [setFocus]);
  const errorOf = (name: FollowUpField) => {
    const text = errors[name]?.message;
    if (typeof text !== "string") return undefined;
    if (name === "situation" && getValues("situation") === "") return t("referrals.form.choose");
    return message(text);
  };
  const submit = handleSubmit(
    async (input) => {
      try {
        await record.mutateAsync({ months: followUp.months as FollowUpMonths, input });
        onDone();
      } catch (e) {
        showServerErrors(e, isFollowUpField, setError, setFocus);
      }
    },
    (invalid) => {
      const first = FOLLOW_UP_FIELDS.find((f) => invalid[f]);
      if (first) setFocus(first);
    },
  );
  const failure = record.error;
  const loose = isApiError(failure) && !failure.errors.some((i) => isFollowUpField(i.path)) ? failure : null;
  return (
    <form className="inline-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="h6">
        {t("exit.followUps.formTitle", { months: followUp.months })}
      </h4>
      {loose ? <ErrorAlert error={loose} /> : null}
      <div className="row">
        <TextField
          id={`${id}-contactedOn`}
          label={t("exit.followUps.contactedOn")}
          className="col-12 col-md-4"
          type="date"
          required
          error={errorOf("contactedOn")}
          registration={register("contactedOn")}
        />
        <SelectField
          id={`${id}-situation`}
          label={t("exit.followUps.situation")}
          className="col-12 col-md-8"
          required
          empty={t("referrals.form.chooseOption")}
          options={labels.situationOptions}
          error={errorOf("situation")}
          registration={register("situation")}
        />
        <TextAreaField
          id={`${id}-note`}
          label={t("exit.fields.note")}
          className="col-12"
          rows={2}
          error={errorOf("note")}
          registration={register("note")}
        />
      </div>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <button type="submit" className="btn btn-primary btn-sm" disabled={isSubmitting}>
          {t("exit.followUps.submit")}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}

function ExitSummary({ household, exit }: { household: HouseholdDetail; exit: ExitRecord }) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const format = useFormat();
  const canWrite = useCan("households:write");
  const [open, setOpen] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");
  const noContact = household.consentWithdrawn.includes("follow_up_contact");
  const yesNo = (v: boolean | null) =>
    v === null ? t("exit.notYetKnown") : v ? t("common.yes") : t("common.no");
  const rows = [
    { key: "date", label: t("exit.fields.date"), value: format.date(exit.date) },
    { key: "planned", label: t("exit.fields.planned"), value: t(`exit.planned.${exit.planned}`) },
    { key: "destination", label: t("exit.fields.destination"), value: labels.destination(exit.destination) },
    { key: "note", label: t("exit.fields.note"), value: exit.note || "—" },
    { key: "returned", label: t("exit.fields.returned"), value: yesNo(exit.returned) },
    { key: "sustained", label: t("exit.fields.sustainedAt12Months"), value: yesNo(exit.sustainedAt12Months) },
  ];
  const focusButton = (months: number) =>
    requestAnimationFrame(() => document.getElementById(`follow-up-button-${months}`)?.focus());
  return (
    <>
      <dl className="facts">
        {rows.map((r) => (
          <div key={r.key} className="facts-row">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      <section className="mt-4" aria-labelledby="follow-ups-title">
        <h3 id="follow-ups-title" className="h5">
          {t("exit.followUps.title")}
        </h3>
        {noContact ? (
          <div className="alert alert-info" role="note">
            {t("exit.followUps.noConsent")}
          </div>
        ) : null}
        <div aria-live="polite">
          {announce ? (
            <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
              {announce}
            </div>
          ) : null}
        </div>
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t("exit.followUps.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("exit.followUps.when")}</th>
                <th scope="col">{t("exit.followUps.dueDate")}</th>
                <th scope="col">{t("exit.followUps.contactedOn")}</th>
                <th scope="col">{t("exit.followUps.situation")}</th>
                {canWrite && !noContact ? <th scope="col">{t("referrals.fields.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {exit.followUps.map((f) => (
                <Fragment key={f.months}>
                  <tr className={f.overdue ? "is-overdue" : undefined}>
                    <th scope="row">{t("exit.followUps.atMonths", { months: f.months })}</th>
                    <td className="text-nowrap">
                      {format.date(f.dueDate)}
                      {f.overdue ? (
                        <div className="mt-1">
                          <OverdueFlag />
                        </div>
                      ) : null}
                    </td>
                    <td className="text-nowrap">
                      {f.contactedOn ? format.date(f.contactedOn) : t("exit.followUps.notYet")}
                    </td>
                    <td>
                      {f.situation ? labels.situation(f.situation) : "—"}
                      {f.note ? <div className="small notes">{f.note}</div> : null}
                    </td>
                    {canWrite && !noContact ? (
                      <td>
                        <button
                          id={`follow-up-button-${f.months}`}
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          aria-expanded={open === f.months}
                          onClick={() => {
                            setAnnounce("");
                            setOpen(open === f.months ? null : f.months);
                          }}
                        >
                          {f.contactedOn
                            ? t("exit.followUps.edit", { months: f.months })
                            : t("exit.followUps.record", { months: f.months })}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                  {open === f.months ? (
                    <tr>
                      <td colSpan={5}>
                        <FollowUpForm
                          householdId={household.id}
                          exitDate={exit.date}
                          followUp={f}
                          onCancel={() => {
                            setOpen(null);
                            focusButton(f.months);
                          }}
                          onDone={() => {
                            setOpen(null);
                            setAnnounce(t("exit.followUps.saved", { months: f.months }));
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
      </section>
    </>
  );
}

/** Whether the exit form applies: the household is on its way out (the path allows "exited"). */
export const mayExit = (h: HouseholdDetail) =>
  h.status === "exiting" || h.allowedTransitions.includes("exited");

/** Uscita: the exit form while the household is on its way out; then the exit and its follow-ups. */
export function ExitTab({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan("households:write");
  const exit = useExit(household.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hadExit = useRef<boolean | null>(null);
  // When the exit has just been recorded, the form gives way to the record: take the focus there.
  useEffect(() => {
    if (exit.data === undefined) return;
    if (hadExit.current === false && exit.data !== null) headingRef.current?.focus();
    hadExit.current = exit.data !== null;
  }, [exit.data]);
  const canExit = mayExit(household);
  return (
    <section aria-labelledby="exit-title">
      <h2 id="exit-title" className="h4" tabIndex={-1} ref={headingRef}>
        {exit.data ? t("exit.recordedTitle") : t("exit.title")}
      </h2>
      {exit.error ? <ErrorAlert error={exit.error} onRetry={() => exit.refetch()} /> : null}
      {exit.isPending ? <Loading /> : null}
      {exit.data ? <ExitSummary household={household} exit={exit.data} /> : null}
      {exit.data === null && canExit && canWrite ? <ExitForm household={household} /> : null}
      {exit.data === null && !(canExit && canWrite) ? (
        <p>{canExit ? t("exit.mayExitReadOnly") : t("exit.notExiting")}</p>
      ) : null}
    </section>
  );
}
