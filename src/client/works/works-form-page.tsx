// SPDX-License-Identifier: EUPL-1.2
import "./works.css";
import { type FieldErrors, useFieldArray, useForm } from "react-hook-form";
import { WorksInput } from "../../domain/works/works.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { FieldSet, SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { Link, navigate } from "../router.tsx";
import { centsOf, numberOf } from "../tenancies/money.ts";
import { useCreateWorks } from "./works-api.ts";
import { useWorksLabels, useWorksMessage, useWorksT } from "./works-i18n.ts";
import { WORKS_PATH, worksHref } from "./works-paths.ts";

type PhaseValues = { name: string; plannedStart: string; plannedEnd: string };
type Values = {
  title: string;
  scope: string;
  units: string;
  targetGroup: string;
  estimate: string;
  vatPercent: string;
  phases: PhaseValues[];
};
type Field =
  | "title"
  | "scope"
  | "units"
  | "targetGroup"
  | "estimate"
  | "vatPercent"
  | `phases.${number}.${keyof PhaseValues}`;

/** A VAT rate typed in % (`10`, `4,5`) as basis points; text that is no number goes on as it is. */
export function basisPointsOf(text: string): number | string | undefined {
  const value = numberOf(text);
  return typeof value === "number" ? Number((value * 100).toPrecision(12)) : value;
}

const inputOf = (v: Values) => ({
  title: v.title,
  scope: v.scope,
  units: v.units
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter((c) => c !== ""),
  targetGroup: v.targetGroup === "" ? null : v.targetGroup,
  estimateExVatCents: centsOf(v.estimate),
  vatRateBp: basisPointsOf(v.vatPercent),
  phases: v.phases.map((p) => ({
    name: p.name,
    plannedStart: p.plannedStart === "" ? undefined : p.plannedStart,
    plannedEnd: p.plannedEnd === "" ? undefined : p.plannedEnd,
  })),
});

/** The form's field of a path of the schema or the API (`units.0`, `estimateExVatCents`), or null. */
function fieldOf(path: string): Field | null {
  if (path === "units" || path.startsWith("units.")) return "units";
  if (path === "estimateExVatCents") return "estimate";
  if (path === "vatRateBp") return "vatPercent";
  if (path === "title" || path === "scope" || path === "targetGroup") return path;
  const phase = /^phases\.(\d+)\.(name|plannedStart|plannedEnd)$/.exec(path);
  if (phase) return `phases.${Number(phase[1])}.${phase[2] as keyof PhaseValues}`;
  return null;
}

const fieldId = (name: Field) => `works-${name.replaceAll(".", "-")}`;

/** Nuovi lavori: plan works on one unit or a batch, with the estimate and the phases. */
export function WorksFormPage() {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const message = useWorksMessage();
  const create = useCreateWorks();
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, WorksInput>({
    resolver: schemaResolver<Values, WorksInput>(
      WorksInput,
      inputOf,
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: {
      title: "",
      scope: "",
      units: "",
      targetGroup: "",
      estimate: "",
      vatPercent: "10",
      phases: [{ name: "", plannedStart: "", plannedEnd: "" }],
    },
  });
  const phases = useFieldArray({ control, name: "phases" });
  const labelOf = (name: Field): string => {
    const phase = /^phases\.(\d+)\.(\w+)$/.exec(name);
    if (phase) {
      const n = Number(phase[1]) + 1;
      return t(phase[2] === "name" ? "form.phaseName" : `form.${phase[2]}`, { n });
    }
    const keys: Record<string, string> = {
      title: "form.titleField",
      scope: "form.scope",
      units: "form.units",
      targetGroup: "form.targetGroup",
      estimate: "form.estimate",
      vatPercent: "form.vat",
    };
    return t(keys[name] ?? name);
  };
  const summary = useErrorSummary<Field>({
    errors,
    setFocus: (name) => setFocus(name),
    fieldOf,
    fieldId,
    labelOf,
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const saved = await create.mutateAsync(input);
        navigate(worksHref(saved.reference));
      } catch (e) {
        summary.refused(e, (name, error) => setError(name, error));
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  return (
    <>
      <RecordBreadcrumb listHref={WORKS_PATH} listLabel={t("list.title")} current={t("form.title")} />
      <PageTitle title={t("form.title")} lead={t("form.lead")} />
      <p>{t("form.requiredNote")}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id="works-form-errors" />
        <FieldSet legend={t("form.general")}>
          <div className="row">
            <TextField
              id={fieldId("title")}
              className="col-12"
              label={labelOf("title")}
              required
              error={summary.errorOf("title")}
              registration={register("title")}
            />
            <TextAreaField
              id={fieldId("scope")}
              className="col-12"
              label={labelOf("scope")}
              error={summary.errorOf("scope")}
              registration={register("scope")}
            />
            <TextField
              id={fieldId("units")}
              className="col-12 col-md-6"
              label={labelOf("units")}
              hint={t("form.unitsHint")}
              required
              error={summary.errorOf("units")}
              registration={register("units")}
            />
            <SelectField
              id={fieldId("targetGroup")}
              className="col-12 col-md-6"
              label={labelOf("targetGroup")}
              hint={t("form.targetGroupHint")}
              empty={t("form.targetGroupNone")}
              options={labels.targetGroupOptions}
              error={summary.errorOf("targetGroup")}
              registration={register("targetGroup")}
            />
          </div>
        </FieldSet>
        <FieldSet legend={t("form.money")}>
          <div className="row">
            <TextField
              id={fieldId("estimate")}
              className="col-12 col-md-6"
              label={labelOf("estimate")}
              hint={t("form.estimateHint")}
              inputMode="decimal"
              required
              error={summary.errorOf("estimate")}
              registration={register("estimate")}
            />
            <TextField
              id={fieldId("vatPercent")}
              className="col-12 col-md-6"
              label={labelOf("vatPercent")}
              hint={t("form.vatHint")}
              inputMode="decimal"
              required
              error={summary.errorOf("vatPercent")}
              registration={register("vatPercent")}
            />
          </div>
        </FieldSet>
        <FieldSet legend={t("form.phases")}>
          <p className="small">{t("form.phasesHint")}</p>
          {phases.fields.length === 0 ? <p>{t("form.noPhases")}</p> : null}
          {phases.fields.map((row, i) => (
            <fieldset key={row.id} className="phase-card">
              <legend className="h6">{t("form.phase", { n: i + 1 })}</legend>
              <div className="mb-2">
                <button
                  type="button"
                  className="btn btn-sm btn-outline-danger"
                  onClick={() => phases.remove(i)}
                >
                  {t("form.removePhase", { n: i + 1 })}
                </button>
              </div>
              <div className="row">
                {(["name", "plannedStart", "plannedEnd"] as const).map((key) => {
                  const name: Field = `phases.${i}.${key}`;
                  return (
                    <TextField
                      key={key}
                      id={fieldId(name)}
                      className={key === "name" ? "col-12 col-md-6" : "col-12 col-md-3"}
                      type={key === "name" ? "text" : "date"}
                      label={labelOf(name)}
                      required
                      error={summary.errorOf(name)}
                      registration={register(name)}
                    />
                  );
                })}
              </div>
            </fieldset>
          ))}
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => phases.append({ name: "", plannedStart: "", plannedEnd: "" })}
          >
            {t("form.addPhase")}
          </button>
        </FieldSet>
        <div className="d-flex gap-2 mt-3">
          <SubmitButton submitting={isSubmitting} label={t("form.save")} />
          <Link className="btn btn-outline-primary" to={WORKS_PATH}>
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
