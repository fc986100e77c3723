// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useMemo, useRef, useState } from "react";
import { type FieldErrors, useFieldArray, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  fiscalCodeBirth,
  fiscalCodeProblem,
  normaliseFiscalCode,
} from "../../domain/households/fiscal-code.ts";
import { NEEDS } from "../../domain/households/household.schema.ts";
import type { ReferralCreated } from "../../domain/households/household-api.schema.ts";
import { canManageCategory } from "../../domain/organisations/organisation.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { flattenErrors, messageAt } from "../components/form-errors.ts";
import { CheckboxField, FieldSet, SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { Link } from "../router.tsx";
import { useUnitLabels } from "../units/unit-labels.ts";
import { useOrganisations } from "../units/units-api.ts";
import { PRIORITY_FACTS, useHouseholdLabels } from "./household-labels.ts";
import { useHouseholdMessage } from "./household-messages.ts";
import { useCreateReferral } from "./households-api.ts";
import { AttachmentsFieldset, AttachmentUploads } from "./referral-attachments.tsx";
import {
  type AttachmentOutput,
  asCentsOrNull,
  asChoice,
  asNumber,
  asTextOrNull,
  DEFAULT_DUE_DAYS,
  EMPTY_REFERRAL,
  emptyMember,
  fieldId,
  formPathOf,
  type ReferralFormOutput,
  type ReferralFormPath,
  type ReferralFormValues,
  referralResolver,
} from "./referral-form-values.ts";

/** The fields chosen from a list: left empty, they say "choose one". */
const CHOICE_PATH =
  /^(household\.(targetGroup|category|housingSituation|accessibilityNeed)|household\.members\.\d+\.(sex|relationship)|partnerCode)$/;

/** A referral just recorded, and the attachments still to upload with it. */
type Submitted = { created: ReferralCreated; attachments: AttachmentOutput[] };

function Created({ created, attachments }: Submitted) {
  const { t } = useTranslation();
  const message = useHouseholdMessage();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { referral, household, warnings } = created;
  const memberOf = (path: string) => {
    const match = /members\.(\d+)/.exec(path);
    return match ? Number(match[1]) + 1 : null;
  };
  return (
    <section className="alert alert-success success-panel" aria-labelledby="created-title">
      <h2 id="created-title" className="h4" tabIndex={-1} ref={heading}>
        {t("referrals.form.created.title", { reference: household.reference })}
      </h2>
      <p>
        {t("referrals.form.created.text", {
          partner: referral.partner.name,
          due: format.dateTime(referral.dueAt),
        })}
      </p>
      {warnings.length > 0 ? (
        <div className="alert alert-warning" role="note">
          <h3 className="h6">{t("referrals.form.created.warnings")}</h3>
          <ul className="mb-0">
            {warnings.map((w) => {
              const n = memberOf(w.path);
              return (
                <li key={`${w.path}-${w.message}`}>
                  {n === null ? "" : `${t("referrals.form.memberN", { n })}: `}
                  {message(w.message)}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {attachments.length > 0 ? (
        <AttachmentUploads householdId={household.id} referralId={referral.id} attachments={attachments} />
      ) : null}
      <div className="d-flex flex-wrap gap-2">
        <Link to={`/nuclei/${household.id}`} className="btn btn-primary">
          {t("referrals.form.created.open")}
        </Link>
        <Link to="/invii" className="btn btn-outline-primary">
          {t("referrals.form.created.inbox")}
        </Link>
      </div>
    </section>
  );
}

function ReferralForm({ onCreated }: { onCreated: (submitted: Submitted) => void }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const unitLabels = useUnitLabels();
  const message = useHouseholdMessage();
  const { data: organisations = [] } = useOrganisations();
  const create = useCreateReferral();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  const form = useForm<ReferralFormValues, unknown, ReferralFormOutput>({
    resolver: referralResolver,
    defaultValues: EMPTY_REFERRAL,
  });
  const {
    register,
    control,
    handleSubmit,
    watch,
    getValues,
    setValue,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const members = useFieldArray({ control, name: "household.members" });

  const category = watch("household.category");
  const partners = useMemo(
    () =>
      organisations.filter(
        (o) => category !== undefined && (category as string) !== "" && canManageCategory(o, category),
      ),
    [organisations, category],
  );
  // A partner that does not manage the chosen category cannot stay selected.
  useEffect(() => {
    const current = getValues("partnerCode");
    if (organisations.length === 0 || !current) return;
    if (!partners.some((o) => o.code === current)) setValue("partnerCode", "");
  }, [partners, organisations.length, getValues, setValue]);

  /**
   * The message beside a field (and in the summary): for a field left empty, what to do ("choose
   * one", "is required") rather than the schema's complaint about the empty value; else the schema's.
   */
  const errorOf = (path: ReferralFormPath): string | undefined => {
    const text = messageAt(errors, path);
    if (text === undefined) return undefined;
    const value: unknown = getValues(path);
    if (value === "" || value === undefined || value === null) {
      if (CHOICE_PATH.test(path)) return t("referrals.form.choose");
      if (path.endsWith(".fiscalCode")) return message("Fiscal code is required");
      if (path.endsWith(".birthDate")) return t("referrals.form.birthDateRequired");
    }
    return message(text);
  };
  const field = (path: ReferralFormPath, label: string) => ({
    id: fieldId(path),
    label,
    error: errorOf(path),
  });

  /** The label of a field, for the error summary: "Componente 2 · Codice fiscale". */
  const labelOf = (path: string): string => {
    const [head, second, third, fourth] = path.split(".");
    if (head === "household" && second === "members" && third !== undefined && fourth !== undefined)
      return `${t("referrals.form.memberN", { n: Number(third) + 1 })} · ${t(`households.fields.${fourth}`)}`;
    if (head === "household" && second === "priority" && third !== undefined)
      return `${t("households.fields.priority")} · ${t(`households.enums.priority.${third}`)}`;
    if (head === "household" && second !== undefined) {
      const money: Record<string, string> = { incomeCents: "incomeEuro", iseeCents: "iseeEuro" };
      return t(`households.fields.${money[second] ?? second}`);
    }
    if (head === "report" && second !== undefined) return t(`referrals.fields.${second}`);
    if (head === "attachments" && second !== undefined && third !== undefined)
      return `${t("referrals.form.attachmentN", { n: Number(second) + 1 })} · ${t(`documents.fields.${third}`)}`;
    if (head === "partnerCode") return t("referrals.fields.partner");
    return t(`referrals.fields.${head}`, { defaultValue: path });
  };

  const issues = flattenErrors(errors as FieldErrors).filter((i) => i.path !== "root");
  const membersError = messageAt(errors, "household.members.root") ?? messageAt(errors, "household.members");

  const showServerErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    const loose: string[] = [];
    let first: ReferralFormPath | null = null;
    for (const issue of error.errors) {
      const path = formPathOf(issue.path);
      if (path) {
        setError(path, { type: "server", message: issue.message });
        first ??= path;
      } else loose.push(issue.message);
    }
    setOtherErrors(loose.length > 0 || first !== null ? loose : [error.detail]);
    if (first !== null) setFocus(first);
    else summaryRef.current?.focus();
  };

  const submit = handleSubmit(
    async ({ attachments, ...referral }) => {
      setOtherErrors([]);
      try {
        // The attachments go once the referral exists: they name it.
        onCreated({ created: await create.mutateAsync(referral), attachments });
      } catch (e) {
        showServerErrors(e);
      }
    },
    (invalid) => {
      setOtherErrors([]);
      // The first field to fix gets the focus; the summary above lists them all.
      const first = flattenErrors(invalid)[0];
      const path = first ? formPathOf(first.path) : null;
      if (path) setFocus(path);
      else summaryRef.current?.focus();
    },
  );

  // A valid fiscal code already says the birth date and sex: fill them in when still empty.
  const fillFromFiscalCode = (index: number) => {
    const code = normaliseFiscalCode(getValues(`household.members.${index}.fiscalCode`) ?? "");
    if (fiscalCodeProblem(code) !== null) return;
    const birth = fiscalCodeBirth(code, new Date());
    if (!getValues(`household.members.${index}.birthDate`))
      setValue(`household.members.${index}.birthDate`, birth.birthDate);
    if (!getValues(`household.members.${index}.sex`)) setValue(`household.members.${index}.sex`, birth.sex);
  };

  const removeMember = (index: number) => {
    members.remove(index);
    // The focus would be lost with the removed fieldset: take it to the add button.
    requestAnimationFrame(() => document.getElementById("add-member")?.focus());
  };
  const addMember = () => {
    members.append(emptyMember(), { shouldFocus: false });
    const index = members.fields.length;
    requestAnimationFrame(() => setFocus(`household.members.${index}.givenName`));
  };

  const unexpected = create.error && !isApiError(create.error) ? create.error : null;
  const urgencyError = errorOf("report.urgency");

  return (
    <form noValidate onSubmit={submit} aria-describedby="required-note">
      <p id="required-note" className="small">
        {t("form.requiredNote")}
      </p>
      {unexpected ? <ErrorAlert error={unexpected} /> : null}
      {submitCount > 0 ? (
        <ErrorSummary
          summaryRef={summaryRef}
          id="form-errors"
          items={[
            ...issues.map((issue) => {
              const path = formPathOf(issue.path);
              return path
                ? {
                    key: issue.path,
                    href: `#${fieldId(path)}`,
                    focus: () => setFocus(path),
                    text: `${labelOf(path)}: ${errorOf(path) ?? message(issue.message)}`,
                  }
                : { key: issue.path, text: message(issue.message) };
            }),
            ...otherErrors.map((text) => ({ key: text, text: message(text) })),
          ]}
        />
      ) : null}

      <FieldSet legend={t("referrals.form.sections.household")}>
        <div className="row">
          <SelectField
            {...field("household.targetGroup", t("households.fields.targetGroup"))}
            className="col-12 col-md-6"
            required
            empty={t("referrals.form.chooseOption")}
            options={labels.targetGroupOptions}
            registration={register("household.targetGroup", { setValueAs: asChoice })}
          />
          <SelectField
            {...field("household.category", t("households.fields.category"))}
            className="col-12 col-md-6"
            required
            empty={t("referrals.form.chooseOption")}
            options={unitLabels.categoryOptions}
            registration={register("household.category", { setValueAs: asChoice })}
          />
          <SelectField
            {...field("household.housingSituation", t("households.fields.housingSituation"))}
            className="col-12 col-md-6"
            required
            empty={t("referrals.form.chooseOption")}
            options={labels.housingSituationOptions}
            registration={register("household.housingSituation", { setValueAs: asChoice })}
          />
          <SelectField
            {...field("household.accessibilityNeed", t("households.fields.accessibilityNeed"))}
            className="col-12 col-md-6"
            options={labels.accessibilityOptions}
            registration={register("household.accessibilityNeed")}
          />
          <div className="col-12 col-md-6">
            <fieldset className="check-group" aria-describedby="needs-hint">
              <legend>{t("households.fields.needs")}</legend>
              <small id="needs-hint" className="form-text d-block mb-2">
                {t("referrals.form.hints.needs")}
              </small>
              {NEEDS.map((need) => (
                <div className="form-check" key={need}>
                  <input
                    id={`referral-need-${need}`}
                    type="checkbox"
                    value={need}
                    {...register("household.needs")}
                  />
                  <label htmlFor={`referral-need-${need}`}>{labels.need(need)}</label>
                </div>
              ))}
            </fieldset>
          </div>
          <div className="col-12 col-md-6">
            <fieldset className="check-group">
              <legend>{t("households.fields.priority")}</legend>
              {PRIORITY_FACTS.map((p) => (
                <CheckboxField
                  key={p}
                  {...field(`household.priority.${p}`, labels.priority(p))}
                  className="mb-2"
                  registration={register(`household.priority.${p}`)}
                />
              ))}
            </fieldset>
          </div>
          <TextField
            {...field("household.phone", t("households.fields.phone"))}
            className="col-12 col-md-6"
            type="tel"
            autoComplete="off"
            registration={register("household.phone")}
          />
          <TextField
            {...field("household.email", t("households.fields.email"))}
            className="col-12 col-md-6"
            type="email"
            autoComplete="off"
            registration={register("household.email")}
          />
          <TextField
            {...field("household.incomeCents", t("households.fields.incomeEuro"))}
            className="col-12 col-md-4"
            inputMode="decimal"
            hint={t("referrals.form.hints.euro")}
            registration={register("household.incomeCents", { setValueAs: asCentsOrNull })}
          />
          <TextField
            {...field("household.iseeCents", t("households.fields.iseeEuro"))}
            className="col-12 col-md-4"
            inputMode="decimal"
            hint={t("referrals.form.hints.euro")}
            registration={register("household.iseeCents", { setValueAs: asCentsOrNull })}
          />
          <TextField
            {...field("household.iseeDate", t("households.fields.iseeDate"))}
            className="col-12 col-md-4"
            type="date"
            hint={t("referrals.form.hints.iseeDate")}
            registration={register("household.iseeDate", { setValueAs: asTextOrNull })}
          />
        </div>
      </FieldSet>

      <FieldSet legend={t("referrals.form.sections.members")}>
        <p className="small" id="members-hint">
          {t("referrals.form.hints.members")}
        </p>
        {membersError ? (
          <div className="field-error mb-3" id="members-error" role="alert">
            {message(membersError)}
          </div>
        ) : null}
        {members.fields.map((member, index) => {
          const base = `household.members.${index}` as const;
          const fiscal = register(`${base}.fiscalCode`);
          return (
            <fieldset key={member.id} className="member-fieldset">
              <legend>{t("referrals.form.memberN", { n: index + 1 })}</legend>
              <div className="row">
                <TextField
                  {...field(`${base}.givenName`, t("households.fields.givenName"))}
                  className="col-12 col-md-4"
                  required
                  autoComplete="off"
                  registration={register(`${base}.givenName`)}
                />
                <TextField
                  {...field(`${base}.familyName`, t("households.fields.familyName"))}
                  className="col-12 col-md-4"
                  required
                  autoComplete="off"
                  registration={register(`${base}.familyName`)}
                />
                <TextField
                  {...field(`${base}.fiscalCode`, t("households.fields.fiscalCode"))}
                  className="col-12 col-md-4"
                  required
                  autoComplete="off"
                  hint={t("referrals.form.hints.fiscalCode")}
                  registration={{
                    ...fiscal,
                    onBlur: async (event) => {
                      await fiscal.onBlur(event);
                      fillFromFiscalCode(index);
                    },
                  }}
                />
                <TextField
                  {...field(`${base}.birthDate`, t("households.fields.birthDate"))}
                  className="col-12 col-md-4"
                  type="date"
                  required
                  registration={register(`${base}.birthDate`)}
                />
                <SelectField
                  {...field(`${base}.sex`, t("households.fields.sex"))}
                  className="col-12 col-md-4"
                  required
                  empty={t("referrals.form.chooseOption")}
                  options={labels.sexOptions}
                  registration={register(`${base}.sex`, { setValueAs: asChoice })}
                />
                <TextField
                  {...field(`${base}.citizenship`, t("households.fields.citizenship"))}
                  className="col-12 col-md-4"
                  required
                  autoComplete="off"
                  hint={t("referrals.form.hints.citizenship")}
                  registration={register(`${base}.citizenship`)}
                />
                <SelectField
                  {...field(`${base}.relationship`, t("households.fields.relationship"))}
                  className="col-12 col-md-6"
                  required
                  empty={t("referrals.form.chooseOption")}
                  options={labels.relationshipOptions}
                  registration={register(`${base}.relationship`, { setValueAs: asChoice })}
                />
                {members.fields.length > 1 ? (
                  <div className="col-12 col-md-6 d-flex align-items-start pt-md-4">
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-sm"
                      onClick={() => removeMember(index)}
                    >
                      <Icon name="delete" size="sm" className="icon-danger me-1" />
                      {t("referrals.form.removeMember", { n: index + 1 })}
                    </button>
                  </div>
                ) : null}
              </div>
            </fieldset>
          );
        })}
        <button
          id="add-member"
          type="button"
          className="btn btn-outline-primary mb-4"
          onClick={addMember}
          disabled={members.fields.length >= 20}
        >
          <Icon name="plus" size="sm" className="icon-primary me-1" />
          {t("referrals.form.addMember")}
        </button>
      </FieldSet>

      <FieldSet legend={t("referrals.form.sections.partner")}>
        <div className="row">
          <SelectField
            {...field("partnerCode", t("referrals.fields.partner"))}
            className="col-12 col-md-8"
            required
            hint={category ? t("referrals.form.hints.partner") : t("referrals.form.hints.partnerFirst")}
            empty={t("referrals.form.chooseOption")}
            options={partners.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
            registration={register("partnerCode")}
          />
          <TextField
            {...field("dueDays", t("referrals.fields.dueDays"))}
            className="col-12 col-md-4"
            type="number"
            min={1}
            max={60}
            hint={t("referrals.form.hints.dueDays", { n: DEFAULT_DUE_DAYS })}
            registration={register("dueDays", { setValueAs: asNumber })}
          />
        </div>
      </FieldSet>

      <FieldSet legend={t("referrals.form.sections.report")}>
        <div className="row">
          <TextAreaField
            {...field("report.situation", t("referrals.fields.situation"))}
            className="col-12"
            required
            rows={4}
            hint={t("referrals.form.hints.situation")}
            registration={register("report.situation")}
          />
          <TextAreaField
            {...field("report.reasons", t("referrals.fields.reasons"))}
            className="col-12"
            required
            rows={4}
            hint={t("referrals.form.hints.reasons")}
            registration={register("report.reasons")}
          />
          <TextAreaField
            {...field("report.servicesInvolved", t("referrals.fields.servicesInvolved"))}
            className="col-12"
            rows={3}
            hint={t("referrals.form.hints.servicesInvolved")}
            registration={register("report.servicesInvolved")}
          />
          <div className="col-12">
            <fieldset
              className="check-group"
              aria-describedby={urgencyError ? `${fieldId("report.urgency")}-error` : undefined}
            >
              <legend>
                {t("referrals.fields.urgency")}
                <span className="text-danger ms-1" aria-hidden="true">
                  *
                </span>
              </legend>
              {labels.urgencyOptions.map((o, i) => (
                <div className="form-check form-check-inline" key={o.value}>
                  <input
                    id={i === 0 ? fieldId("report.urgency") : `${fieldId("report.urgency")}-${o.value}`}
                    type="radio"
                    value={o.value}
                    {...register("report.urgency")}
                  />
                  <label
                    htmlFor={i === 0 ? fieldId("report.urgency") : `${fieldId("report.urgency")}-${o.value}`}
                  >
                    {o.label}
                  </label>
                </div>
              ))}
              {urgencyError ? (
                <div id={`${fieldId("report.urgency")}-error`} className="field-error">
                  {urgencyError}
                </div>
              ) : null}
            </fieldset>
          </div>
        </div>
      </FieldSet>

      <AttachmentsFieldset form={form} errorOf={errorOf} />

      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t("form.saving") : t("referrals.form.submit")}
        </button>
        <Link to="/invii" className="btn btn-outline-secondary">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}

/**
 * Nuovo invio: the social worker describes the household, chooses the partner, writes the report and
 * attaches documents.
 */
export function ReferralFormPage() {
  const { t } = useTranslation();
  const canRefer = useCan("referrals:create");
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  return (
    <>
      <PageTitle title={t("referrals.form.title")} lead={t("referrals.form.lead")} />
      {!canRefer ? (
        <div className="alert alert-warning" role="alert">
          {t("errors.forbidden")}
        </div>
      ) : submitted ? (
        <Created {...submitted} />
      ) : (
        <ReferralForm onCreated={setSubmitted} />
      )}
    </>
  );
}
