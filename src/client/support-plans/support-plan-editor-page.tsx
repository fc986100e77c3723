// SPDX-License-Identifier: EUPL-1.2
import "./support-plans.css";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { type Control, type UseFormRegister, useFieldArray, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import type { SupportPlan, TeamRole } from "../../domain/support-plans/support-plan.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { flattenErrors, messageAt } from "../components/form-errors.ts";
import { SelectField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordPending } from "../components/record-page.tsx";
import { householdHref } from "../households/household-href.ts";
import { useHouseholdLabels } from "../households/household-labels.ts";
import { useHousehold } from "../households/households-api.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { Link } from "../router.tsx";
import {
  emptyAction,
  emptyGoal,
  emptyMember,
  type PlanFormOutput,
  type PlanFormPath,
  type PlanFormValues,
  planFieldId,
  planFormPathOf,
  planFormValues,
  planResolver,
} from "./plan-form-values.ts";
import { PlanProgress, PlanRestrictedNotice, PlanSignedBadge } from "./plan-view.tsx";
import { ReviewForm } from "./review-form.tsx";
import { useSupportPlanLabels } from "./support-plan-labels.ts";
import {
  planKeys,
  type StaffMember,
  useSaveSupportPlan,
  useStaff,
  useSupportPlan,
} from "./support-plans-api.ts";

/** The team role an account most likely has in a team, from its role on the platform. */
const teamRoleOf = (staff: StaffMember): TeamRole | "" => {
  if (staff.role === "area_b_educator") return "educator";
  if (staff.role === "comune_social_worker") return "social_worker";
  return "";
};

type FieldProps = (
  path: PlanFormPath,
  label: string,
) => { id: string; label: string; error: string | undefined };

type SectionProps = {
  control: Control<PlanFormValues, unknown, PlanFormOutput>;
  register: UseFormRegister<PlanFormValues>;
  field: FieldProps;
};

function TeamFieldset({
  control,
  register,
  field,
  getMember,
  setMember,
}: SectionProps & {
  getMember: (index: number) => PlanFormValues["team"][number];
  setMember: (index: number, key: "name" | "organisation" | "role", value: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const householdLabels = useHouseholdLabels();
  const staff = useStaff();
  const team = useFieldArray({ control, name: "team" });
  const accounts = staff.data?.items ?? [];
  const add = () => {
    team.append(emptyMember(), { focusName: `team.${team.fields.length}.userId` });
  };
  const remove = (index: number) => {
    team.remove(index);
    requestAnimationFrame(() => document.getElementById("plan-add-member")?.focus());
  };
  // Picking an account fills in what is still empty of the member: name, organisation, role.
  const onAccount = (index: number, id: string) => {
    const account = accounts.find((a) => a.id === id);
    if (!account) return;
    const member = getMember(index);
    if (member.name.trim() === "") setMember(index, "name", account.name);
    if (member.organisation.trim() === "") setMember(index, "organisation", account.organisation.name);
    if (member.role === "") setMember(index, "role", teamRoleOf(account));
  };
  return (
    <fieldset className="form-section mb-4" aria-describedby="plan-team-hint">
      <legend className="h5">{t("plans.form.sections.team")}</legend>
      <p id="plan-team-hint" className="small">
        {t("plans.form.hints.team")}
      </p>
      {staff.error ? (
        <p className="small text-danger" role="status">
          {t("plans.form.staffUnavailable")}
        </p>
      ) : null}
      {team.fields.length === 0 ? <p>{t("plans.form.noMembers")}</p> : null}
      {team.fields.map((member, index) => {
        const n = index + 1;
        const account = register(`team.${index}.userId`);
        const accountId = planFieldId(`team.${index}.userId`);
        const accountError = field(`team.${index}.userId`, "").error;
        const linked = getMember(index).userId;
        return (
          <fieldset key={member.id} className="plan-fieldset">
            <legend>{t("plans.form.memberN", { n })}</legend>
            <div className="row">
              <div className="select-wrapper form-group col-12 col-lg-6">
                <label htmlFor={accountId} className="active">
                  {t("plans.team.account")}
                </label>
                <select
                  id={accountId}
                  className={accountError ? "is-invalid" : undefined}
                  aria-invalid={accountError ? true : undefined}
                  aria-describedby={`${accountId}-hint${accountError ? ` ${accountId}-error` : ""}`}
                  {...account}
                  onChange={(e) => {
                    account.onChange(e);
                    onAccount(index, e.target.value);
                  }}
                >
                  <option value="">{t("plans.form.noAccount")}</option>
                  {linked !== "" && !accounts.some((a) => a.id === linked) ? (
                    <option value={linked}>{t("plans.form.linkedAccount")}</option>
                  ) : null}
                  {accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {t("plans.form.accountOption", {
                        name: a.name,
                        role: householdLabels.role(a.role),
                        organisation: a.organisation.name,
                      })}
                    </option>
                  ))}
                </select>
                <small id={`${accountId}-hint`} className="form-text">
                  {t("plans.form.hints.account")}
                </small>
                {accountError ? (
                  <div id={`${accountId}-error`} className="field-error">
                    {accountError}
                  </div>
                ) : null}
              </div>
              <SelectField
                {...field(`team.${index}.role`, t("plans.team.role"))}
                className="col-12 col-lg-6"
                required
                empty={t("referrals.form.chooseOption")}
                options={labels.teamRoleOptions}
                registration={register(`team.${index}.role`)}
              />
              <TextField
                {...field(`team.${index}.name`, t("plans.team.name"))}
                className="col-12 col-lg-6"
                required
                registration={register(`team.${index}.name`)}
              />
              <TextField
                {...field(`team.${index}.organisation`, t("plans.team.organisation"))}
                className="col-12 col-lg-6"
                registration={register(`team.${index}.organisation`)}
              />
            </div>
            <button
              type="button"
              className="btn btn-outline-danger btn-sm mb-3"
              onClick={() => remove(index)}
            >
              {t("plans.form.removeMember", { n })}
            </button>
          </fieldset>
        );
      })}
      <button id="plan-add-member" type="button" className="btn btn-outline-primary" onClick={add}>
        {t("plans.form.addMember")}
      </button>
    </fieldset>
  );
}

function ActionsFieldset({ control, register, field, goal }: SectionProps & { goal: number }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const actions = useFieldArray({ control, name: `goals.${goal}.actions` });
  const g = goal + 1;
  const addId = `plan-goals-${goal}-add-action`;
  const add = () => {
    actions.append(emptyAction(), {
      focusName: `goals.${goal}.actions.${actions.fields.length}.description`,
    });
  };
  const remove = (index: number) => {
    actions.remove(index);
    requestAnimationFrame(() => document.getElementById(addId)?.focus());
  };
  return (
    <>
      {actions.fields.map((action, index) => {
        const n = index + 1;
        const path = `goals.${goal}.actions.${index}` as const;
        return (
          <fieldset key={action.id} className="plan-fieldset plan-action">
            <legend>{t("plans.form.actionN", { n, goal: g })}</legend>
            <div className="row">
              <TextField
                {...field(`${path}.description`, t("plans.actions.description"))}
                className="col-12"
                required
                registration={register(`${path}.description`)}
              />
              <TextField
                {...field(`${path}.owner`, t("plans.actions.owner"))}
                className="col-12 col-md-4"
                required
                registration={register(`${path}.owner`)}
              />
              <TextField
                {...field(`${path}.dueDate`, t("plans.actions.dueDate"))}
                className="col-12 col-md-4"
                type="date"
                required
                registration={register(`${path}.dueDate`)}
              />
              <SelectField
                {...field(`${path}.status`, t("plans.actions.status"))}
                className="col-12 col-md-4"
                options={labels.actionStatusOptions}
                registration={register(`${path}.status`)}
              />
            </div>
            <button
              type="button"
              className="btn btn-outline-danger btn-sm mb-3"
              onClick={() => remove(index)}
            >
              {t("plans.form.removeAction", { n, goal: g })}
            </button>
          </fieldset>
        );
      })}
      <button id={addId} type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={add}>
        {t("plans.form.addAction", { goal: g })}
      </button>
    </>
  );
}

function GoalsFieldset(props: SectionProps) {
  const { control, register, field } = props;
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const goals = useFieldArray({ control, name: "goals" });
  const add = () => {
    goals.append(emptyGoal(), { focusName: `goals.${goals.fields.length}.domain` });
  };
  const remove = (index: number) => {
    goals.remove(index);
    requestAnimationFrame(() => document.getElementById("plan-add-goal")?.focus());
  };
  return (
    <fieldset className="form-section mb-4" aria-describedby="plan-goals-hint">
      <legend className="h5">{t("plans.form.sections.goals")}</legend>
      <p id="plan-goals-hint" className="small">
        {t("plans.form.hints.goals")}
      </p>
      {goals.fields.length === 0 ? <p>{t("plans.goals.empty")}</p> : null}
      {goals.fields.map((goal, index) => {
        const n = index + 1;
        return (
          <fieldset key={goal.id} className="plan-fieldset">
            <legend>{t("plans.form.goalN", { n })}</legend>
            <div className="row">
              <SelectField
                {...field(`goals.${index}.domain`, t("plans.goals.domain"))}
                className="col-12 col-md-4"
                required
                empty={t("referrals.form.chooseOption")}
                options={labels.domainOptions}
                registration={register(`goals.${index}.domain`)}
              />
              <TextField
                {...field(`goals.${index}.description`, t("plans.goals.description"))}
                className="col-12 col-md-8"
                required
                registration={register(`goals.${index}.description`)}
              />
            </div>
            <ActionsFieldset {...props} goal={index} />
            <div>
              <button
                type="button"
                className="btn btn-outline-danger btn-sm mb-3"
                onClick={() => remove(index)}
              >
                {t("plans.form.removeGoal", { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button id="plan-add-goal" type="button" className="btn btn-outline-primary" onClick={add}>
        {t("plans.form.addGoal")}
      </button>
    </fieldset>
  );
}

function PlanForm({
  household,
  plan,
  onSaved,
}: {
  household: HouseholdDetail;
  plan: SupportPlan | null;
  onSaved: (plan: SupportPlan) => void;
}) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const message = useMessage();
  const queryClient = useQueryClient();
  const save = useSaveSupportPlan(household.id);
  const [conflict, setConflict] = useState(false);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Errors no field shows: the summary takes the focus once it is there (after React's commit).
  const [focusSummary, setFocusSummary] = useState(0);
  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setValue,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PlanFormValues, unknown, PlanFormOutput>({
    resolver: planResolver,
    defaultValues: planFormValues(plan),
  });

  const CHOICES = /(^intensity|\.role|\.domain)$/;
  const errorOf = (path: PlanFormPath): string | undefined => {
    const text = messageAt(errors, path);
    if (text === undefined) return undefined;
    const value: unknown = getValues(path);
    if (value === "" || value === undefined) {
      if (CHOICES.test(path)) return t("referrals.form.choose");
      if (/(startDate|dueDate)$/.test(path)) return t("plans.form.dateRequired");
    }
    return message(text);
  };
  const field: FieldProps = (path, label) => ({ id: planFieldId(path), label, error: errorOf(path) });

  /** "Obiettivo 1 · Azione 2 · Entro il": the label of a field, for the error summary. */
  const labelOf = (path: string): string => {
    const parts = path.split(".");
    const [head, i, key, j, sub] = parts;
    if (head === "team" && key !== undefined)
      return `${t("plans.form.memberN", { n: Number(i) + 1 })} · ${t(`plans.team.${key === "userId" ? "account" : key}`)}`;
    if (head === "goals" && key === "actions" && sub !== undefined)
      return `${t("plans.form.goalN", { n: Number(i) + 1 })} · ${t("plans.form.actionN", { n: Number(j) + 1, goal: Number(i) + 1 })} · ${t(`plans.actions.${sub}`)}`;
    if (head === "goals" && key !== undefined)
      return `${t("plans.form.goalN", { n: Number(i) + 1 })} · ${t(`plans.goals.${key}`)}`;
    if (head === "signatures" && i !== undefined)
      return t(`plans.fields.signature${i === "household" ? "Household" : "ReferringService"}`);
    return t(`plans.fields.${head}`, { defaultValue: path });
  };

  const issues = flattenErrors(errors);

  const showServerErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    if (error.status === 409) {
      setConflict(true);
      return;
    }
    const loose: string[] = [];
    let first: PlanFormPath | null = null;
    for (const issue of error.errors) {
      const path = planFormPathOf(issue.path);
      if (path) {
        setError(path, { type: "server", message: issue.message });
        first ??= path;
      } else loose.push(issue.message);
    }
    setOtherErrors(loose.length > 0 || first !== null ? loose : [error.detail]);
    if (first !== null) setFocus(first);
    else setFocusSummary((n) => n + 1);
  };

  const submit = handleSubmit(
    async (values) => {
      setConflict(false);
      setOtherErrors([]);
      try {
        onSaved(await save.mutateAsync({ ...values, version: plan?.version ?? 0 }));
      } catch (e) {
        showServerErrors(e);
      }
    },
    (invalid) => {
      setOtherErrors([]);
      const first = flattenErrors(invalid)[0];
      const path = first ? planFormPathOf(first.path) : null;
      if (path) setFocus(path);
      else setFocusSummary((n) => n + 1);
    },
  );

  const reload = () => queryClient.invalidateQueries({ queryKey: planKeys.plan(household.id) });
  const unexpected = save.error && !isApiError(save.error) ? save.error : null;
  const sections = { control, register, field };

  return (
    <form noValidate onSubmit={submit} aria-describedby="plan-required-note">
      <p id="plan-required-note" className="small">
        {t("form.requiredNote")}
      </p>
      {conflict ? (
        <div className="alert alert-warning" role="alert" tabIndex={-1} ref={focusOnMount}>
          <p>{t("plans.form.conflict")}</p>
          <button type="button" className="btn btn-primary btn-sm" onClick={reload}>
            {t("plans.form.reload")}
          </button>
        </div>
      ) : null}
      {unexpected ? <ErrorAlert error={unexpected} /> : null}
      {submitCount > 0 ? (
        <ErrorSummary
          summaryRef={summaryRef}
          items={[
            ...issues.map((issue) => {
              const path = planFormPathOf(issue.path);
              return path
                ? {
                    key: issue.path,
                    href: `#${planFieldId(path)}`,
                    focus: () => setFocus(path),
                    text: `${labelOf(path)}: ${errorOf(path) ?? message(issue.message)}`,
                  }
                : { key: issue.path, text: message(issue.message) };
            }),
            ...otherErrors.map((text) => ({ key: text, text: message(text) })),
          ]}
        />
      ) : null}

      <fieldset className="form-section mb-4">
        <legend className="h5">{t("plans.form.sections.plan")}</legend>
        <div className="row">
          <TextField
            {...field("startDate", t("plans.fields.startDate"))}
            className="col-12 col-md-4"
            type="date"
            required
            registration={register("startDate")}
          />
          <SelectField
            {...field("intensity", t("plans.fields.intensity"))}
            className="col-12 col-md-4"
            required
            empty={t("referrals.form.chooseOption")}
            options={labels.intensityOptions}
            registration={register("intensity")}
          />
          <TextField
            {...field("reviewEveryMonths", t("plans.fields.reviewEveryMonths"))}
            className="col-12 col-md-4"
            type="number"
            inputMode="numeric"
            min={1}
            max={24}
            step={1}
            hint={t("plans.form.hints.reviewEveryMonths")}
            registration={register("reviewEveryMonths")}
          />
        </div>
      </fieldset>

      <TeamFieldset
        {...sections}
        getMember={(index) => getValues(`team.${index}`)}
        setMember={(index, key, value) => setValue(`team.${index}.${key}`, value as never)}
      />
      <GoalsFieldset {...sections} />

      <fieldset className="form-section mb-4" aria-describedby="plan-signatures-hint">
        <legend className="h5">{t("plans.form.sections.signatures")}</legend>
        <p id="plan-signatures-hint" className="small">
          {t("plans.form.hints.signatures")}
        </p>
        <div className="row">
          <TextField
            {...field("signatures.household", t("plans.fields.signatureHousehold"))}
            className="col-12 col-md-6"
            type="date"
            registration={register("signatures.household")}
          />
          <TextField
            {...field("signatures.referringService", t("plans.fields.signatureReferringService"))}
            className="col-12 col-md-6"
            type="date"
            registration={register("signatures.referringService")}
          />
        </div>
      </fieldset>

      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t("form.saving") : plan === null ? t("plans.form.create") : t("plans.form.save")}
        </button>
        <Link to={householdHref(household.id, "progetto")} className="btn btn-outline-secondary">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}

function Saved({ plan, household }: { plan: SupportPlan; household: HouseholdDetail }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each save (a new version) is announced.
  useEffect(() => ref.current?.focus(), [plan.version]);
  return (
    <div className="alert alert-success success-panel" tabIndex={-1} ref={ref} role="status">
      <p className="mb-2">
        {t("plans.form.saved", { version: plan.version })} <PlanSignedBadge plan={plan} />
      </p>
      {plan.restricted ? <p className="mb-2">{t("plans.form.savedRestricted")}</p> : null}
      <Link to={householdHref(household.id, "progetto")}>{t("plans.form.backToRecord")}</Link>
    </div>
  );
}

function Editor({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan("households:write");
  const plan = useSupportPlan(household.id);
  // The team's account pickers are uncontrolled selects: their options must be there before the form.
  const staff = useStaff();
  const [saved, setSaved] = useState<SupportPlan | null>(null);
  if (plan.isPending || staff.isPending) return <Loading />;
  if (plan.error) return <ErrorAlert error={plan.error} onRetry={() => plan.refetch()} />;
  const p = plan.data;
  if (!canWrite) {
    return (
      <div className="alert alert-warning" role="alert">
        {t("errors.forbidden")}
      </div>
    );
  }
  if (p?.restricted) {
    return (
      <>
        {saved ? <Saved plan={saved} household={household} /> : null}
        <PlanRestrictedNotice />
        <Link to={householdHref(household.id, "progetto")}>{t("plans.form.backToRecord")}</Link>
      </>
    );
  }
  return (
    <>
      {saved ? <Saved plan={saved} household={household} /> : null}
      <section aria-labelledby="plan-form-title">
        <h2 id="plan-form-title" className="h4">
          {p === null ? t("plans.form.newTitle") : t("plans.form.editTitle")}
        </h2>
        <PlanForm key={p?.version ?? 0} household={household} plan={p} onSaved={setSaved} />
      </section>
      {p !== null ? (
        <section className="mt-5" aria-labelledby="review-form-title">
          <h2 id="review-form-title" className="h4">
            {t("plans.reviews.formTitle")}
          </h2>
          <ReviewForm household={household} plan={p} />
          <PlanProgress plan={p} headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}

/** Progetto individualizzato: create or edit a household's plan, and record its reviews. */
export function SupportPlanEditorPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const household = useHousehold(id);
  const h = household.data;
  const title = (
    <PageTitle
      title={h ? t("plans.form.title", { reference: h.reference }) : t("plans.title")}
      lead={t("plans.form.lead")}
    />
  );
  return (
    <>
      <nav aria-label={t("detail.breadcrumb")} className="breadcrumb-container mb-2">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to="/nuclei">{t("households.nav")}</Link>
            <span className="separator">/</span>
          </li>
          <li className="breadcrumb-item">
            {h ? <Link to={householdHref(h.id, "progetto")}>{h.reference}</Link> : "…"}
            <span className="separator">/</span>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            {t("plans.title")}
          </li>
        </ol>
      </nav>
      {title}
      {h ? (
        <Editor household={h} />
      ) : (
        <RecordPending query={household} notFound={t("households.detail.notFound")} listHref="/nuclei" />
      )}
    </>
  );
}
