// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useId, useState } from "react";
import { type FieldErrors, useFieldArray, useForm } from "react-hook-form";
import { TARGET_KINDS } from "../../domain/monitoring/catalogue.ts";
import { TargetsInput } from "../../domain/monitoring/monitoring-api.schema.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import { isApiError } from "../api.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { SelectField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { type IndicatorDefinitionView, useSetTargets } from "./monitoring-api.ts";
import { useMonitoringLabels, useMonitoringMessage, useMonitoringT } from "./monitoring-i18n.ts";
import { MonitoringAlert } from "./period-panel.tsx";

type Row = { kind: string; value: string; dueOn: string; note: string };
type Values = { targets: Row[] };
const FIELDS = ["kind", "value", "dueOn", "note"] as const;
type Field = (typeof FIELDS)[number];
type Path = `targets.${number}.${Field}`;

const PATH = /^targets\.(\d+)\.(kind|value|dueOn|note)$/;
const pathOf = (path: string): Path | null => (PATH.test(path) ? (path as Path) : null);

/** A number as the field shows it: the interface language's decimal mark, no thousands separator. */
const numberText = (value: number, language: string) =>
  language === "en" ? String(value) : String(value).replace(".", ",");

/**
 * The Comune's targets of one indicator, edited as a whole set: each with its kind, value and date
 * (a target without a date is refused); the schema's and the API's errors beside their fields.
 */
export function TargetsEditor({ definition }: { definition: IndicatorDefinitionView }) {
  const { t, i18n } = useMonitoringT();
  const labels = useMonitoringLabels();
  const message = useMonitoringMessage();
  const save = useSetTargets(definition.code);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(0);
  const id = useId();
  const defaults: Values = {
    targets: definition.targets.map((target) => ({
      kind: target.kind,
      value: numberText(target.value, i18n.language),
      dueOn: target.dueOn,
      note: target.note,
    })),
  };
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, TargetsInput>({
    resolver: schemaResolver<Values, TargetsInput>(TargetsInput, (v) => ({
      targets: v.targets.map((row) => ({
        kind: row.kind === "" ? undefined : row.kind,
        value: row.value.trim() === "" ? undefined : parseLocaleNumber(row.value),
        dueOn: row.dueOn === "" ? undefined : row.dueOn,
        note: row.note,
      })),
    })),
    defaultValues: defaults,
  });
  const rows = useFieldArray({ control, name: "targets" });
  // Targets saved (here or elsewhere) come back with a new version: the form starts again from them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger.
  useEffect(() => {
    reset(defaults);
  }, [definition.version]);
  const fieldId = (path: Path) => `${id}-${path.replaceAll(".", "-")}`;
  const labelOf = (path: Path) => {
    const [, n, field] = PATH.exec(path) ?? [];
    return t("targets.fieldOfRow", { n: Number(n) + 1, field: t(`targets.fields.${field}`) });
  };
  const summary = useErrorSummary<Path>({ errors, setFocus, fieldOf: pathOf, fieldId, labelOf, message });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      setFailure(null);
      try {
        await save.mutateAsync(input);
        setSaved((n) => n + 1);
      } catch (e) {
        if (isApiError(e) && e.status !== 0 && e.status !== 403) summary.refused(e, setError);
        else setFailure(e);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  const kinds = TARGET_KINDS.map((k) => ({ value: k, label: labels.targetKind(k) }));
  return (
    <section className="card shadow-sm mb-5" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h4 mb-3">
          {t("targets.editTitle")}
        </h2>
        <p className="small">{t("targets.editLead")}</p>
        <div aria-live="polite">
          {saved > 0 ? (
            <div key={saved} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
              {t("targets.saved")}
            </div>
          ) : null}
        </div>
        {failure ? <MonitoringAlert error={failure} /> : null}
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id={`${id}-errors`} />
        <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
          {rows.fields.map((row, n) => (
            <fieldset key={row.id} className="monitoring-target-row mb-3">
              <legend className="h6 mb-2">{t("targets.row", { n: n + 1 })}</legend>
              <div className="row g-3">
                <SelectField
                  id={fieldId(`targets.${n}.kind`)}
                  className="col-12 col-md-3"
                  label={t("targets.fields.kind")}
                  options={kinds}
                  required
                  error={summary.errorOf(`targets.${n}.kind`)}
                  registration={register(`targets.${n}.kind`)}
                />
                <TextField
                  id={fieldId(`targets.${n}.value`)}
                  className="col-12 col-md-2"
                  label={t("targets.fields.value")}
                  inputMode="decimal"
                  required
                  hint={labels.unit(definition.unit)}
                  error={summary.errorOf(`targets.${n}.value`)}
                  registration={register(`targets.${n}.value`)}
                />
                <TextField
                  id={fieldId(`targets.${n}.dueOn`)}
                  className="col-12 col-md-3"
                  label={t("targets.fields.dueOn")}
                  type="date"
                  required
                  error={summary.errorOf(`targets.${n}.dueOn`)}
                  registration={register(`targets.${n}.dueOn`)}
                />
                <TextField
                  id={fieldId(`targets.${n}.note`)}
                  className="col-12 col-md-4"
                  label={t("targets.fields.note")}
                  error={summary.errorOf(`targets.${n}.note`)}
                  registration={register(`targets.${n}.note`)}
                />
              </div>
              <button
                type="button"
                className="btn btn-outline-danger btn-sm mt-2"
                onClick={() => rows.remove(n)}
                aria-label={t("targets.removeRow", { n: n + 1 })}
              >
                {t("targets.remove")}
              </button>
            </fieldset>
          ))}
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => rows.append({ kind: "intermediate", value: "", dueOn: "", note: "" })}
            >
              {t("targets.add")}
            </button>
            <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
              {isSubmitting ? t("targets.saving") : t("targets.save")}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
