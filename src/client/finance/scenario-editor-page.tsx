// SPDX-License-Identifier: EUPL-1.2
import "./finance.css";
import { type ReactNode, useState } from "react";
import { type FieldErrors, type FieldPath, useFieldArray, useForm, useWatch } from "react-hook-form";
import { AMORTISATION_METHODS, RATE_CONVENTIONS } from "../../domain/finance/loan.ts";
import {
  PlanScenarioForm,
  type PlanScenarioView,
  type RegistryUnitsView,
} from "../../domain/finance/plan-api.schema.ts";
import { AREA_B_MARGIN_DEFINITIONS } from "../../domain/finance/scenario.schema.ts";
import type { PlanSourcesView } from "../../domain/funding/funding-api.schema.ts";
import { maxMonthlyRentCents, RENT_CAP_CENTS_PER_M2_YEAR } from "../../domain/units/rent-cap.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import {
  CheckboxField,
  type Option,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { numberOf } from "../tenancies/money.ts";
import { fetchPlanSources, fetchRegistryUnits, usePlanScenario, useSavePlanScenario } from "./finance-api.ts";
import { useFinanceMessage, useFinanceT } from "./finance-i18n.ts";
import { scenarioHref } from "./finance-paths.ts";
import {
  CAPPED_CATEGORIES,
  CATEGORIES,
  COST_KEYS,
  countSources,
  decimalInput,
  type EditorValues,
  emptyEquity,
  emptyLoan,
  emptyTranche,
  emptyYear,
  fieldNames,
  fieldOfPath,
  formValuesOf,
  RANGED_KEYS,
  RATE_KEYS,
  scenarioInputOf,
  sourcesOf,
  type TrancheRow,
} from "./scenario-form.ts";

type EditorPath = FieldPath<EditorValues>;
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How a field's text reads, for its keyboard, its hint and whether it may be left empty. */
type Kind = "percent" | "euro" | "whole" | "decimal" | "text" | "month" | "choice";
type FieldInfo = { kind: Kind; label: string; context?: string };

const KINDS: Record<string, Kind> = {
  month: "month",
  startMonth: "month",
  disbursedMonth: "month",
  label: "text",
  name: "text",
  partner: "text",
  reason: "text",
  averageM2: "decimal",
  method: "choice",
  convention: "choice",
  area: "choice",
  areaBMarginDefinition: "choice",
};
const kindOf = (key: string): Kind =>
  KINDS[key] ?? (key.includes("Cents") ? "euro" : key.endsWith("Rate") ? "percent" : "whole");

const INPUT_MODES = { percent: "decimal", euro: "decimal", decimal: "decimal", whole: "numeric" } as const;

/**
 * A field's label, and the group or row it belongs to (`Prestito 2`), from its name alone: the field
 * shows the label inside its group's legend; the error summary says both.
 */
function describeField(name: string, t: Translate): FieldInfo {
  if (name === "reason") return { kind: "text", label: t("editor.fields.reason") };
  const [, head = "", a = "", b = "", c = ""] = name.split(".");
  const n = (index: string) => Number(index) + 1;
  switch (head) {
    case "unitsInOperation": {
      const key = a === "fragilita" && b === "rentCentsPerMonth" ? "otherContribution" : b;
      return {
        kind: kindOf(b),
        label: t(`editor.fields.units.${key}`),
        context: t(`editor.categories.${a}`),
      };
    }
    case "pipeline":
      return a === "mix"
        ? { kind: "percent", label: t(`editor.categories.${b}`), context: t("editor.groups.mix") }
        : { kind: kindOf(a), label: t(`editor.fields.pipeline.${a}`) };
    case "funding":
      return {
        kind: kindOf(c),
        label: t(`editor.fields.tranche.${c}`),
        context: t(`editor.rows.${a}`, { n: n(b) }),
      };
    case "loans":
      return {
        kind: kindOf(b),
        label: t(`editor.fields.loan.${b}`),
        context: t("editor.rows.loans", { n: n(a) }),
      };
    case "coFinancing":
      return a === "areaA"
        ? {
            kind: kindOf(c),
            label: t(`editor.fields.tranche.${c}`),
            context: t("editor.rows.areaA", { n: n(b) }),
          }
        : {
            kind: "euro",
            label: t("editor.fields.areaBYear", { year: n(b) }),
            context: t("editor.groups.areaB"),
          };
    case "uncertainty":
      return {
        kind: a === "renovationCostCentsPerUnit" ? "euro" : "percent",
        label: t(`editor.fields.range.${b}`),
        context: t(`editor.uncertainty.${a}`),
      };
    default:
      return { kind: kindOf(head), label: t(`editor.fields.${head}`) };
  }
}

/** The element id of a field: `plan-` and its path in the scenario, dots as underscores. */
const fieldId = (name: string) => `plan-${name.replace(/^scenario\./, "").replaceAll(".", "_")}`;

/** The scenario's editor: every input of a new version, checked by the engine's own schema. */
export function ScenarioEditorPage({ name }: { name: string }) {
  const { t } = useFinanceT();
  const scenario = usePlanScenario(name);
  return (
    <>
      {/* The h1 is there from the start: the layout moves the focus to it after a page change. */}
      <PageTitle
        title={t("editor.title")}
        lead={
          scenario.data
            ? t("editor.lead", { title: scenario.data.scenario.name, version: scenario.data.version })
            : undefined
        }
      />
      {scenario.isPending ? <Loading /> : null}
      {scenario.error ? <ErrorAlert error={scenario.error} onRetry={() => scenario.refetch()} /> : null}
      {scenario.data ? <ScenarioEditor current={scenario.data} key={scenario.data.version} /> : null}
    </>
  );
}

/** A part of the form, its legend a heading so the long form can be walked by headings. */
function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="form-section finance-section mb-4"
      aria-describedby={lead ? `${id}-lead` : undefined}
    >
      <legend>
        <h2 className="h4 mb-0" id={id}>
          {title}
        </h2>
      </legend>
      {lead ? (
        <p id={`${id}-lead`} className="finance-lead">
          {lead}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** A group of fields inside a section (a category, the mix, a Monte Carlo range). */
function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="finance-group">
      <legend>
        <h3 className="h6 mb-0">{title}</h3>
      </legend>
      {children}
    </fieldset>
  );
}

/** A list of rows (tranches, loans, years) with its add button; the rows are the children. */
function RowList(props: {
  id: string;
  title: string;
  count: number;
  empty: string;
  addLabel: string;
  onAdd: () => void;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="finance-group" aria-describedby={props.lead ? `${props.id}-lead` : undefined}>
      <legend>
        <h3 className="h6 mb-0">{props.title}</h3>
      </legend>
      {props.lead ? (
        <p id={`${props.id}-lead`} className="finance-lead">
          {props.lead}
        </p>
      ) : null}
      {props.count === 0 ? <p>{props.empty}</p> : null}
      {props.children}
      <button
        id={`${props.id}-add`}
        type="button"
        className="btn btn-outline-primary btn-sm"
        onClick={props.onAdd}
      >
        <Icon name="plus-circle" size="sm" className="icon-primary me-1" />
        {props.addLabel}
      </button>
    </fieldset>
  );
}

/** One row of a list: its fields, then the button that removes it. */
function Row({
  legend,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="finance-row">
      <legend>{legend}</legend>
      <div className="row">{children}</div>
      <button type="button" className="btn btn-outline-danger btn-sm mb-3" onClick={onRemove}>
        {removeLabel}
      </button>
    </fieldset>
  );
}

type RegistryState =
  | { kind: "idle" }
  | { kind: "taking" }
  | { kind: "taken"; units: RegistryUnitsView }
  | { kind: "failed"; error: unknown };

type SourcesState =
  | { kind: "idle" }
  | { kind: "taking" }
  | { kind: "taken"; sources: PlanSourcesView }
  | { kind: "failed"; error: unknown };

function ScenarioEditor({ current }: { current: PlanScenarioView }) {
  const { t: translate, i18n } = useFinanceT();
  const t: Translate = (key, options) => translate(key, options ?? {});
  const message = useFinanceMessage();
  const format = useFormat();
  const save = useSavePlanScenario();
  const canReadFunding = useCan("funding:read");
  const language = i18n.language;
  const [announcement, setAnnouncement] = useState("");
  const [sources, setSources] = useState<SourcesState>({ kind: "idle" });
  const [registry, setRegistry] = useState<RegistryState>({ kind: "idle" });

  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    getValues,
    setValue,
    trigger,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<EditorValues, unknown, PlanScenarioForm>({
    resolver: schemaResolver<EditorValues, PlanScenarioForm>(
      PlanScenarioForm,
      (v) => ({ name: current.name, scenario: scenarioInputOf(v.scenario), reason: v.reason }),
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: { scenario: formValuesOf(current.scenario, language), reason: "" },
  });
  /** The form's field of a form name, or of a path of the schema or the API (`scenario.loans.1.years`). */
  const fieldOf = (path: string): string | null => fieldOfPath(path, fieldNames(getValues()));

  const grant = useFieldArray({ control, name: "scenario.funding.grant" });
  const equity = useFieldArray({ control, name: "scenario.funding.equity" });
  const fundraising = useFieldArray({ control, name: "scenario.funding.fundraising" });
  const calls = useFieldArray({ control, name: "scenario.funding.calls" });
  const loans = useFieldArray({ control, name: "scenario.loans" });
  const areaA = useFieldArray({ control, name: "scenario.coFinancing.areaA" });
  const areaB = useFieldArray({ control, name: "scenario.coFinancing.areaBPerYearCents" });

  const [atCapCalmierato, atCapRidotto, m2Calmierato, m2Ridotto, ...ranged] = useWatch({
    control,
    name: [
      "scenario.unitsInOperation.calmierato.atCap",
      "scenario.unitsInOperation.calmierato_ridotto.atCap",
      "scenario.unitsInOperation.calmierato.averageM2",
      "scenario.unitsInOperation.calmierato_ridotto.averageM2",
      "scenario.uncertainty.vacancyRate.enabled",
      "scenario.uncertainty.arrearsRate.enabled",
      "scenario.uncertainty.costInflationRate.enabled",
      "scenario.uncertainty.renovationCostCentsPerUnit.enabled",
    ],
  });
  const atCap = { calmierato: atCapCalmierato, calmierato_ridotto: atCapRidotto };
  const averageM2 = { calmierato: m2Calmierato, calmierato_ridotto: m2Ridotto };

  const labelOf = (name: string) => {
    const info = describeField(name, t);
    return info.context ? `${info.context} – ${info.label}` : info.label;
  };
  const summary = useErrorSummary<string>({
    errors,
    setFocus: (name) => setFocus(name as EditorPath),
    fieldOf,
    fieldId,
    labelOf,
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const saved = await save.mutateAsync(input);
        navigate(`${scenarioHref(saved.name)}?salvata=${saved.version}`);
      } catch (e) {
        summary.refused(e, (name, error) => setError(name as EditorPath, error));
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );

  // ——— Fields ———

  const text = (name: EditorPath, className = "col-12 col-md-6 col-xl-4") => {
    const info = describeField(name, t);
    return (
      <TextField
        key={name}
        id={fieldId(name)}
        label={info.label}
        className={className}
        inputMode={info.kind in INPUT_MODES ? INPUT_MODES[info.kind as keyof typeof INPUT_MODES] : undefined}
        required={info.kind !== "text" || name.endsWith(".partner")}
        hint={info.kind === "text" || info.kind === "choice" ? undefined : t(`editor.hints.${info.kind}`)}
        error={summary.errorOf(name)}
        registration={register(name)}
      />
    );
  };
  const choice = (name: EditorPath, options: readonly Option[], className = "col-12 col-md-6 col-xl-4") => (
    <SelectField
      key={name}
      id={fieldId(name)}
      label={describeField(name, t).label}
      className={className}
      required
      options={options}
      error={summary.errorOf(name)}
      registration={register(name)}
    />
  );
  const options = (group: string, values: readonly string[]): Option[] =>
    values.map((value) => ({ value, label: t(`editor.options.${group}.${value}`) }));

  /**
   * After a row is removed its button is gone: the focus goes to the list's add button, and it is said.
   * Once the form was sent, its errors are checked again: a rule on the whole list (the 40 % debt cap,
   * shown beside the first loan) may hold now.
   */
  const removed = (listId: string, row: string) => {
    setAnnouncement(t("editor.removed", { row }));
    requestAnimationFrame(() => {
      document.getElementById(`${listId}-add`)?.focus();
      if (isSubmitted) void trigger();
    });
  };
  const startMonth = () => getValues("scenario.startMonth").trim();

  const trancheRows = (
    kind: "grant" | "fundraising" | "calls",
    list: {
      fields: readonly { id: string }[];
      append: (row: TrancheRow) => void;
      remove: (index: number) => void;
    },
    prefix: "scenario.funding.grant" | "scenario.funding.fundraising" | "scenario.funding.calls",
  ) => (
    <RowList
      id={`plan-${kind}`}
      title={t(`editor.groups.${kind}`)}
      count={list.fields.length}
      empty={t("editor.empty")}
      addLabel={t(`editor.add.${kind}`)}
      onAdd={() => list.append(emptyTranche(startMonth()))}
    >
      {list.fields.map((row, i) => (
        <Row
          key={row.id}
          legend={t(`editor.rows.${kind}`, { n: i + 1 })}
          removeLabel={t(`editor.remove.${kind}`, { n: i + 1 })}
          onRemove={() => {
            list.remove(i);
            removed(`plan-${kind}`, t(`editor.rows.${kind}`, { n: i + 1 }));
          }}
        >
          {text(`${prefix}.${i}.label`, "col-12 col-lg-5")}
          {text(`${prefix}.${i}.amountCents`, "col-12 col-md-6 col-lg-4")}
          {text(`${prefix}.${i}.month`, "col-12 col-md-6 col-lg-3")}
        </Row>
      ))}
    </RowList>
  );

  // ——— The housing stock registry ———

  /** Counts and average surfaces of the categories that have units, and the pipeline, from the registry. */
  const takeRegistry = async () => {
    setRegistry({ kind: "taking" });
    try {
      const taken = await fetchRegistryUnits();
      for (const category of ["calmierato", "calmierato_ridotto", "fragilita"] as const) {
        const { count, averageM2 } = taken.unitsInOperation[category];
        const base = `scenario.unitsInOperation.${category}` as const;
        setValue(`${base}.count`, String(count), { shouldDirty: true });
        if (averageM2 !== null)
          setValue(`${base}.averageM2`, decimalInput(averageM2, language), { shouldDirty: true });
      }
      setValue("scenario.pipeline.units", String(taken.pipeline.units), { shouldDirty: true });
      if (isSubmitted) void trigger();
      setRegistry({ kind: "taken", units: taken });
    } catch (error) {
      setRegistry({ kind: "failed", error });
    }
  };

  // ——— The funding register ———

  const takeSources = async () => {
    setSources({ kind: "taking" });
    try {
      const taken = await fetchPlanSources({
        startMonth: startMonth(),
        conventionYears: getValues("scenario.conventionYears").trim(),
      });
      const rows = sourcesOf(taken, language);
      grant.replace(rows.funding.grant);
      equity.replace(rows.funding.equity);
      fundraising.replace(rows.funding.fundraising);
      calls.replace(rows.funding.calls);
      loans.replace(rows.loans);
      areaA.replace(rows.coFinancing.areaA);
      areaB.replace(rows.coFinancing.areaBPerYearCents);
      if (isSubmitted) void trigger();
      setSources({ kind: "taken", sources: taken });
    } catch (error) {
      setSources({ kind: "failed", error });
    }
  };
  const takenCounts = sources.kind === "taken" ? countSources(sources.sources) : null;

  return (
    <form onSubmit={submit} noValidate className="finance-editor">
      <ErrorSummary items={summary.items()} summaryRef={summary.ref} />
      <div className="visually-hidden" role="status">
        {announcement}
      </div>

      <Section id="plan-section-general" title={t("editor.sections.general")}>
        <div className="row">
          {text("scenario.name", "col-12 col-xl-6")}
          {text("scenario.startMonth", "col-12 col-md-6 col-xl-3")}
          {text("scenario.conventionYears", "col-12 col-md-6 col-xl-3")}
        </div>
      </Section>

      <Section id="plan-section-units" title={t("editor.sections.units")} lead={t("editor.leads.units")}>
        <div className="mb-3">
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={takeRegistry}
            disabled={registry.kind === "taking"}
          >
            {registry.kind === "taking" ? t("registry.taking") : t("registry.take")}
          </button>
          <div role="status" className="mt-2">
            {registry.kind === "taken" ? (
              <p className="alert alert-info mb-0">
                {t(registry.units.scope === "programme" ? "registry.taken" : "registry.takenOwn", {
                  inOperation:
                    registry.units.unitsInOperation.calmierato.count +
                    registry.units.unitsInOperation.calmierato_ridotto.count +
                    registry.units.unitsInOperation.fragilita.count,
                  pipeline: registry.units.pipeline.units,
                  unavailable: registry.units.unavailable,
                  asOf: format.date(registry.units.asOf),
                })}
              </p>
            ) : null}
          </div>
          {registry.kind === "failed" ? <ErrorAlert error={registry.error} onRetry={takeRegistry} /> : null}
        </div>
        {CAPPED_CATEGORIES.map((category) => {
          const m2 = numberOf(averageM2[category]);
          const cap = typeof m2 === "number" && m2 > 0 ? maxMonthlyRentCents(category, m2) : null;
          const base = `scenario.unitsInOperation.${category}` as const;
          return (
            <Group key={category} title={t(`editor.categories.${category}`)}>
              <div className="row">
                {text(`${base}.count`)}
                {text(`${base}.averageM2`)}
                <div className="col-12 col-xl-4">
                  <CheckboxField
                    id={fieldId(`${base}.atCap`)}
                    label={t("editor.fields.units.atCap")}
                    hint={t("editor.hints.atCap", {
                      cap: (RENT_CAP_CENTS_PER_M2_YEAR[category] ?? 0) / 100,
                      amount: cap === null ? "—" : format.euro(cap, { cents: true }),
                    })}
                    registration={register(`${base}.atCap`)}
                  />
                </div>
                {atCap[category] ? null : text(`${base}.rentCentsPerMonth`)}
              </div>
            </Group>
          );
        })}
        <Group title={t("editor.categories.fragilita")}>
          <div className="row">
            {text("scenario.unitsInOperation.fragilita.count", "col-12 col-md-6 col-xl-3")}
            {text("scenario.unitsInOperation.fragilita.averageM2", "col-12 col-md-6 col-xl-3")}
            {text("scenario.unitsInOperation.fragilita.coPaymentCentsPerMonth", "col-12 col-md-6 col-xl-3")}
            {text("scenario.unitsInOperation.fragilita.rentCentsPerMonth", "col-12 col-md-6 col-xl-3")}
          </div>
        </Group>
      </Section>

      <Section id="plan-section-works" title={t("editor.sections.works")}>
        <div className="row">
          {text("scenario.pipeline.units", "col-12 col-md-6 col-xl-3")}
          {text("scenario.pipeline.renovationCostCentsPerUnit", "col-12 col-md-6 col-xl-3")}
          {text("scenario.pipeline.vatRate", "col-12 col-md-6 col-xl-3")}
          {text("scenario.pipeline.worksLagMonths", "col-12 col-md-6 col-xl-3")}
        </div>
        <Group title={t("editor.groups.mix")}>
          <p className="finance-lead">{t("editor.leads.mix")}</p>
          <div className="row">{CATEGORIES.map((category) => text(`scenario.pipeline.mix.${category}`))}</div>
        </Group>
      </Section>

      <Section id="plan-section-rates" title={t("editor.sections.rates")}>
        <div className="row">{RATE_KEYS.map((key) => text(`scenario.${key}`))}</div>
      </Section>

      <Section id="plan-section-costs" title={t("editor.sections.costs")}>
        <div className="row">{COST_KEYS.map((key) => text(`scenario.${key}`))}</div>
      </Section>

      {canReadFunding ? (
        <section className="finance-sources mb-4" aria-labelledby="plan-sources-title">
          <h2 className="h4" id="plan-sources-title">
            {t("sources.title")}
          </h2>
          <p>{t("sources.lead")}</p>
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={takeSources}
            disabled={sources.kind === "taking"}
          >
            {sources.kind === "taking" ? t("sources.taking") : t("sources.take")}
          </button>
          <div role="status" className="mt-3">
            {sources.kind === "taken" && takenCounts ? (
              <div className="alert alert-info mb-0">
                <p className="mb-1">
                  {t("sources.taken", {
                    tranches: t("sources.tranches", { count: takenCounts.tranches }),
                    loans: t("sources.loans", { count: takenCounts.loans }),
                    years: t("sources.years", { count: takenCounts.areaBYears }),
                    asOf: format.date(sources.sources.asOf),
                  })}
                </p>
                {sources.sources.leftOut.length > 0 ? (
                  <>
                    <p className="mb-1">{t("sources.leftOut", { count: sources.sources.leftOut.length })}</p>
                    <ul className="mb-1">
                      {sources.sources.leftOut.map((item) => (
                        <li key={item.subjectId}>
                          {item.label}: {message(item.reason)}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <p className="mb-0">{t("sources.review")}</p>
              </div>
            ) : null}
          </div>
          {sources.kind === "failed" ? <ErrorAlert error={sources.error} onRetry={takeSources} /> : null}
        </section>
      ) : null}

      <Section
        id="plan-section-funding"
        title={t("editor.sections.funding")}
        lead={t("editor.leads.funding")}
      >
        {trancheRows("grant", grant, "scenario.funding.grant")}
        <RowList
          id="plan-equity"
          title={t("editor.groups.equity")}
          count={equity.fields.length}
          empty={t("editor.empty")}
          addLabel={t("editor.add.equity")}
          onAdd={() => equity.append(emptyEquity(startMonth()))}
        >
          {equity.fields.map((row, i) => (
            <Row
              key={row.id}
              legend={t("editor.rows.equity", { n: i + 1 })}
              removeLabel={t("editor.remove.equity", { n: i + 1 })}
              onRemove={() => {
                equity.remove(i);
                removed("plan-equity", t("editor.rows.equity", { n: i + 1 }));
              }}
            >
              {text(`scenario.funding.equity.${i}.label`, "col-12 col-lg-6")}
              {text(`scenario.funding.equity.${i}.partner`, "col-12 col-lg-6")}
              {choice(`scenario.funding.equity.${i}.area`, options("area", ["A", "B"]), "col-12 col-md-4")}
              {text(`scenario.funding.equity.${i}.amountCents`, "col-12 col-md-4")}
              {text(`scenario.funding.equity.${i}.month`, "col-12 col-md-4")}
            </Row>
          ))}
        </RowList>
        {trancheRows("fundraising", fundraising, "scenario.funding.fundraising")}
        {trancheRows("calls", calls, "scenario.funding.calls")}
      </Section>

      <Section id="plan-section-loans" title={t("editor.sections.loans")} lead={t("editor.leads.loans")}>
        <RowList
          id="plan-loans"
          title={t("editor.groups.loans")}
          count={loans.fields.length}
          empty={t("editor.empty")}
          addLabel={t("editor.add.loans")}
          onAdd={() => loans.append(emptyLoan(startMonth()))}
        >
          {loans.fields.map((row, i) => (
            <Row
              key={row.id}
              legend={t("editor.rows.loans", { n: i + 1 })}
              removeLabel={t("editor.remove.loans", { n: i + 1 })}
              onRemove={() => {
                loans.remove(i);
                removed("plan-loans", t("editor.rows.loans", { n: i + 1 }));
              }}
            >
              {text(`scenario.loans.${i}.label`, "col-12 col-lg-8")}
              {text(`scenario.loans.${i}.disbursedMonth`, "col-12 col-md-6 col-lg-4")}
              {text(`scenario.loans.${i}.principalCents`, "col-12 col-md-6 col-lg-4")}
              {text(`scenario.loans.${i}.annualRate`, "col-12 col-md-6 col-lg-4")}
              {choice(
                `scenario.loans.${i}.convention`,
                options("convention", RATE_CONVENTIONS),
                "col-12 col-md-6 col-lg-4",
              )}
              {text(`scenario.loans.${i}.years`, "col-12 col-md-6 col-lg-4")}
              {text(`scenario.loans.${i}.graceMonths`, "col-12 col-md-6 col-lg-4")}
              {choice(
                `scenario.loans.${i}.method`,
                options("method", AMORTISATION_METHODS),
                "col-12 col-md-6 col-lg-4",
              )}
            </Row>
          ))}
        </RowList>
      </Section>

      <Section id="plan-section-co-financing" title={t("editor.sections.coFinancing")}>
        <RowList
          id="plan-areaA"
          title={t("editor.groups.areaA")}
          lead={t("editor.leads.areaA")}
          count={areaA.fields.length}
          empty={t("editor.empty")}
          addLabel={t("editor.add.areaA")}
          onAdd={() => areaA.append(emptyTranche(startMonth()))}
        >
          {areaA.fields.map((row, i) => (
            <Row
              key={row.id}
              legend={t("editor.rows.areaA", { n: i + 1 })}
              removeLabel={t("editor.remove.areaA", { n: i + 1 })}
              onRemove={() => {
                areaA.remove(i);
                removed("plan-areaA", t("editor.rows.areaA", { n: i + 1 }));
              }}
            >
              {text(`scenario.coFinancing.areaA.${i}.label`, "col-12 col-lg-5")}
              {text(`scenario.coFinancing.areaA.${i}.amountCents`, "col-12 col-md-6 col-lg-4")}
              {text(`scenario.coFinancing.areaA.${i}.month`, "col-12 col-md-6 col-lg-3")}
            </Row>
          ))}
        </RowList>
        <fieldset className="finance-group" aria-describedby="plan-areaB-lead">
          <legend>
            <h3 className="h6 mb-0">{t("editor.groups.areaB")}</h3>
          </legend>
          <p id="plan-areaB-lead" className="finance-lead">
            {t("editor.leads.areaB")}
          </p>
          {areaB.fields.length === 0 ? <p>{t("editor.empty")}</p> : null}
          <div className="row">
            {areaB.fields.map((_, i) =>
              text(`scenario.coFinancing.areaBPerYearCents.${i}.amountCents`, "col-12 col-md-6 col-xl-3"),
            )}
          </div>
          <div className="d-flex flex-wrap gap-2 mb-3">
            <button
              id="plan-areaB-add"
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => areaB.append(emptyYear())}
            >
              <Icon name="plus-circle" size="sm" className="icon-primary me-1" />
              {t("editor.add.areaB")}
            </button>
            {areaB.fields.length > 0 ? (
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                onClick={() => {
                  const year = areaB.fields.length;
                  areaB.remove(year - 1);
                  removed("plan-areaB", t("editor.fields.areaBYear", { year }));
                }}
              >
                {t("editor.remove.areaB", { n: areaB.fields.length })}
              </button>
            ) : null}
          </div>
        </fieldset>
      </Section>

      <Section id="plan-section-checks" title={t("editor.sections.checks")}>
        <div className="row">
          {text("scenario.revenueEstimateCents")}
          {text("scenario.baseStockUnits")}
          {choice("scenario.areaBMarginDefinition", options("areaBMargin", AREA_B_MARGIN_DEFINITIONS))}
        </div>
      </Section>

      <Section
        id="plan-section-uncertainty"
        title={t("editor.sections.uncertainty")}
        lead={t("editor.leads.uncertainty")}
      >
        {RANGED_KEYS.map((key, i) => {
          const base = `scenario.uncertainty.${key}` as const;
          return (
            <Group key={key} title={t(`editor.uncertainty.${key}`)}>
              <CheckboxField
                id={fieldId(`${base}.enabled`)}
                label={t("editor.fields.range.enabled")}
                registration={register(`${base}.enabled`)}
              />
              {ranged[i] ? (
                <div className="row">
                  {text(`${base}.min`)}
                  {text(`${base}.mode`)}
                  {text(`${base}.max`)}
                </div>
              ) : null}
            </Group>
          );
        })}
      </Section>

      <TextAreaField
        id="plan-reason"
        label={t("editor.fields.reason")}
        hint={t("editor.hints.reason")}
        required
        error={summary.errorOf("reason")}
        registration={register("reason")}
      />
      <div className="d-flex gap-2 mt-3">
        <SubmitButton submitting={isSubmitting} label={t("editor.save")} />
        <Link className="btn btn-outline-primary" to={scenarioHref(current.name)}>
          {t("editor.cancel")}
        </Link>
      </div>
    </form>
  );
}
