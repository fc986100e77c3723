// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { type FieldErrors, type FieldPath, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { AllocationRunInput } from "../../domain/allocation/run.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { SubmitButton, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { navigate } from "../router.tsx";
import { useUnitLabels } from "../units/unit-labels.ts";
import { newProgressId, useCreateRun, useRunProgress } from "./allocation-api.ts";
import { runHref } from "./allocation-paths.ts";
import { RunProgress, useRunPhaseText } from "./run-progress.tsx";

type Bound = { min: string; max: string };
type RunFormValues = { seed: string; bounds: Record<UnitCategory, Bound> };
type Path = FieldPath<RunFormValues>;

const EMPTY: RunFormValues = {
  seed: "",
  bounds: {
    calmierato: { min: "", max: "" },
    calmierato_ridotto: { min: "", max: "" },
    fragilita: { min: "", max: "" },
  },
};

const asCount = (text: string) => (text.trim() === "" ? undefined : parseLocaleNumber(text));

/** The run's input: no bounds at all when every field is empty, so the server's default mix applies. */
function runInputOf(values: RunFormValues): unknown {
  const category: Record<string, { min?: unknown; max?: unknown }> = {};
  for (const c of UNIT_CATEGORIES) {
    const { min, max } = values.bounds[c];
    if (min.trim() === "" && max.trim() === "") continue;
    category[c] = { min: asCount(min), max: asCount(max) };
  }
  const seed = values.seed.trim();
  return {
    ...(seed === "" ? {} : { seed }),
    ...(Object.keys(category).length === 0 ? {} : { bounds: { category } }),
  };
}

const FORM_PATH = new RegExp(`^(seed|bounds\\.(${UNIT_CATEGORIES.join("|")})\\.(min|max))$`);

/** `bounds.category.fragilita.min` (the API) → `bounds.fragilita.min` (the form); null for no field. */
function formPathOf(path: string): Path | null {
  const inForm = path.replace(/^bounds\.category\./, "bounds.");
  return FORM_PATH.test(inForm) ? (inForm as Path) : null;
}

const runResolver = schemaResolver<RunFormValues, AllocationRunInput>(
  AllocationRunInput,
  runInputOf,
  (path) => formPathOf(path) ?? "root",
);

const fieldId = (path: string) => `run-${path.replaceAll(".", "-")}`;

/** Nuova esecuzione: an optional seed and bounds per category; then the run's page. */
export function RunForm() {
  const { t } = useTranslation();
  const message = useMessage();
  const unitLabels = useUnitLabels();
  const create = useCreateRun();
  // While the run is being computed, its progress is asked for under an id this page chose.
  const [progressId, setProgressId] = useState<string | null>(null);
  const progress = useRunProgress(progressId);
  const phase = progress.data ?? null;
  const phaseText = useRunPhaseText(phase);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<RunFormValues, unknown, AllocationRunInput>({ resolver: runResolver, defaultValues: EMPTY });

  const summary = useErrorSummary<Path>({
    errors,
    setFocus,
    fieldOf: formPathOf,
    fieldId,
    labelOf: (path) => {
      const [, category, side] = path.split(".");
      if (category && side)
        return `${unitLabels.categoryShort(category as UnitCategory)} · ${t(`allocation.runs.form.${side}`)}`;
      return t("allocation.runs.form.seed");
    },
    message,
  });
  const errorOf = summary.errorOf;

  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      const id = newProgressId();
      setProgressId(id);
      try {
        const run = await create.mutateAsync({ ...input, progressId: id });
        navigate(runHref(run.id));
      } catch (e) {
        setProgressId(null);
        summary.refused(e, setError);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );

  const unexpected = create.error && !isApiError(create.error) ? create.error : null;
  return (
    <form noValidate onSubmit={submit} aria-labelledby="run-form-title" className="card shadow-sm mb-4">
      <div className="card-body">
        <h2 id="run-form-title" className="h4">
          {t("allocation.runs.form.title")}
        </h2>
        <p className="small">{t("allocation.runs.form.intro")}</p>
        {unexpected ? <ErrorAlert error={unexpected} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="run-form-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id={fieldId("seed")}
            label={t("allocation.runs.form.seed")}
            className="col-12 col-md-6"
            hint={t("allocation.runs.form.seedHint")}
            error={errorOf("seed")}
            registration={register("seed")}
          />
        </div>
        <fieldset aria-describedby="run-bounds-hint">
          <legend className="h5">{t("allocation.runs.form.bounds")}</legend>
          <p id="run-bounds-hint" className="small">
            {t("allocation.runs.form.boundsHint")}
          </p>
          <div className="row">
            {UNIT_CATEGORIES.map((c) => (
              <fieldset key={c} className="col-12 col-lg-4">
                <legend className="h6">{unitLabels.categoryShort(c)}</legend>
                <div className="row">
                  {(["min", "max"] as const).map((side) => (
                    <TextField
                      key={side}
                      id={fieldId(`bounds.${c}.${side}`)}
                      label={t(`allocation.runs.form.${side}`)}
                      className="col-6"
                      inputMode="numeric"
                      error={errorOf(`bounds.${c}.${side}`)}
                      registration={register(`bounds.${c}.${side}`)}
                    />
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        </fieldset>
        <SubmitButton
          submitting={isSubmitting}
          label={t("allocation.runs.form.submit")}
          busyLabel={t("allocation.runs.form.running")}
        />
        {progressId !== null ? <RunProgress progress={phase} /> : null}
        <div aria-live="polite" className="visually-hidden" id="run-progress-announcement">
          {progressId !== null ? `${t("allocation.runs.progress.label")}: ${phaseText}` : ""}
        </div>
      </div>
    </form>
  );
}
