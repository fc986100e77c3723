// SPDX-License-Identifier: EUPL-1.2
import "./finance.css";
import { useMemo } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { PlanScenarioForm, type PlanScenarioView } from "../../domain/finance/plan-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { FieldSet, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { Link, navigate } from "../router.tsx";
import { centsOf, euroInput, numberOf } from "../tenancies/money.ts";
import { usePlanScenario, useSavePlanScenario } from "./finance-api.ts";
import { useFinanceMessage, useFinanceT } from "./finance-i18n.ts";
import { scenarioHref } from "./finance-paths.ts";

type Kind = "percent" | "euro" | "whole";
/** A field of the form: the scenario's path it sets, how its text reads, its label and group. */
type FieldDef = { name: string; path: string; kind: Kind; label: string; group: string };
type Values = Record<string, string>;

const nameOf = (path: string) => path.replaceAll(".", "_");

const at = (object: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], object);
function setAt(object: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node: Record<string, unknown> = object;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
}

/** A percentage typed as `5` or `5,5` as the decimal rate the scenario holds; other text goes on as it is. */
function rateOf(text: string): number | string | undefined {
  const value = numberOf(text);
  return typeof value === "number" ? Number((value / 100).toPrecision(12)) : value;
}
const percentInput = (rate: number, language: string) => {
  const text = String(Number((rate * 100).toPrecision(12)));
  return language === "en" ? text : text.replace(".", ",");
};

/** The scenario's editor: the main inputs of a new version, checked by the engine's own schema. */
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

function ScenarioEditor({ current }: { current: PlanScenarioView }) {
  const { t, i18n } = useFinanceT();
  const message = useFinanceMessage();
  const save = useSavePlanScenario();
  const s = current.scenario;
  const fields = useMemo<FieldDef[]>(() => {
    const list: FieldDef[] = [];
    const add = (path: string, kind: Kind, label: string, group: string) =>
      list.push({ name: nameOf(path), path, kind, label, group });
    for (const key of [
      "vacancyRate",
      "arrearsRate",
      "maintenanceReserveRate",
      "costInflationRate",
      "rentIndexationRate",
    ])
      add(key, "percent", t(`editor.fields.${key}`), "rates");
    add("operatingCostCentsPerUnitMonth", "euro", t("editor.fields.operatingCost"), "costs");
    add("maintenanceCostCentsPerUnitMonth", "euro", t("editor.fields.maintenanceCost"), "costs");
    add("unitsInOperation.fragilita.coPaymentCentsPerMonth", "euro", t("editor.fields.coPayment"), "costs");
    add("pipeline.units", "whole", t("editor.fields.pipelineUnits"), "works");
    add("pipeline.renovationCostCentsPerUnit", "euro", t("editor.fields.renovationCost"), "works");
    add("pipeline.worksLagMonths", "whole", t("editor.fields.worksLag"), "works");
    s.funding.grant.forEach((g, i) => {
      add(
        `funding.grant.${i}.amountCents`,
        "euro",
        t("editor.fields.grant", { label: g.label || i + 1 }),
        "funding",
      );
    });
    s.loans.forEach((l, i) => {
      const loan = l.label || String(i + 1);
      add(`loans.${i}.principalCents`, "euro", t("editor.fields.loanPrincipal", { loan }), "loans");
      add(`loans.${i}.annualRate`, "percent", t("editor.fields.loanRate", { loan }), "loans");
      add(`loans.${i}.years`, "whole", t("editor.fields.loanYears", { loan }), "loans");
      add(`loans.${i}.graceMonths`, "whole", t("editor.fields.loanGrace", { loan }), "loans");
    });
    return list;
  }, [s, t]);
  const byName = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields]);

  /** The form's field of a path of the schema or the API (`scenario.loans.0.years`), or null. */
  const fieldOf = (path: string): string | null => {
    if (path === "reason" || byName.has(path)) return path;
    const own = path.replace(/^scenario\./, "");
    const exact = fields.find((f) => f.path === own);
    if (exact) return exact.name;
    // The caps on the whole: the grant's beside its first tranche, the debt's beside the first loan.
    if (own === "funding.grant") return fields.find((f) => f.path.startsWith("funding.grant."))?.name ?? null;
    if (own === "loans") return fields.find((f) => f.path.startsWith("loans."))?.name ?? null;
    return null;
  };

  const defaults: Values = { reason: "" };
  for (const f of fields) {
    const value = at(s, f.path) as number;
    defaults[f.name] =
      f.kind === "percent"
        ? percentInput(value, i18n.language)
        : f.kind === "euro"
          ? euroInput(value, i18n.language)
          : String(value);
  }
  const inputOf = (v: Values) => {
    const scenario = structuredClone(s) as unknown as Record<string, unknown>;
    for (const f of fields) {
      const text = v[f.name] ?? "";
      setAt(
        scenario,
        f.path,
        f.kind === "percent" ? rateOf(text) : f.kind === "euro" ? centsOf(text) : numberOf(text),
      );
    }
    return { name: current.name, scenario, reason: v.reason ?? "" };
  };
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, PlanScenarioForm>({
    resolver: schemaResolver<Values, PlanScenarioForm>(
      PlanScenarioForm,
      inputOf,
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: defaults,
  });
  const labelOf = (n: string) => (n === "reason" ? t("editor.fields.reason") : (byName.get(n)?.label ?? n));
  const summary = useErrorSummary<string>({
    errors,
    setFocus,
    fieldOf,
    fieldId: (n) => `plan-${n}`,
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
        summary.refused(e, setError);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  const field = (f: FieldDef) => (
    <TextField
      key={f.name}
      id={`plan-${f.name}`}
      label={f.label}
      className="col-12 col-md-6 col-xl-4"
      inputMode={f.kind === "whole" ? "numeric" : "decimal"}
      required
      hint={t(`editor.hints.${f.kind}`)}
      error={summary.errorOf(f.name)}
      registration={register(f.name)}
    />
  );
  const groups = ["rates", "costs", "works", "funding", "loans"].filter((g) =>
    fields.some((f) => f.group === g),
  );
  return (
    <>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} />
        {groups.map((g) => (
          <FieldSet key={g} legend={t(`editor.groups.${g}`)}>
            <div className="row">{fields.filter((f) => f.group === g).map(field)}</div>
          </FieldSet>
        ))}
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
    </>
  );
}
