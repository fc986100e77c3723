// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { useRef, useState } from "react";
import { type FieldErrors, type FieldPath, type Resolver, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { AllocationRunInput } from "../../domain/allocation/run.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { flattenErrors, messageAt } from "../components/form-errors.ts";
import { TextField } from "../components/form-field.tsx";
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

const runResolver: Resolver<RunFormValues, unknown, AllocationRunInput> = async (
  values,
  _context,
  options,
) => {
  const parsed = AllocationRunInput.safeParse(runInputOf(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const flat: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = formPathOf(issue.path.join(".")) ?? "root";
    flat[path] ??= { type: "schema", message: issue.message };
  }
  return { values: {}, errors: toNestErrors(flat, options) };
};

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
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<RunFormValues, unknown, AllocationRunInput>({ resolver: runResolver, defaultValues: EMPTY });

  const errorOf = (path: Path) => {
    const text = messageAt(errors, path);
    return text === undefined ? undefined : message(text);
  };
  const labelOf = (path: Path) => {
    const [, category, side] = path.split(".");
    if (category && side)
      return `${unitLabels.categoryShort(category as UnitCategory)} · ${t(`allocation.runs.form.${side}`)}`;
    return t("allocation.runs.form.seed");
  };

  const submit = handleSubmit(
    async (input) => {
      setOtherErrors([]);
      const id = newProgressId();
      setProgressId(id);
      try {
        const run = await create.mutateAsync({ ...input, progressId: id });
        navigate(runHref(run.id));
      } catch (e) {
        setProgressId(null);
        if (!isApiError(e)) return;
        const loose: string[] = [];
        let first: Path | null = null;
        for (const issue of e.errors) {
          const path = formPathOf(issue.path);
          if (path) {
            setError(path, { type: "server", message: issue.message });
            first ??= path;
          } else loose.push(issue.message);
        }
        setOtherErrors(loose.length > 0 || first !== null ? loose : [e.detail]);
        if (first !== null) setFocus(first);
        else requestAnimationFrame(() => summaryRef.current?.focus());
      }
    },
    (invalid) => {
      setOtherErrors([]);
      const first = flattenErrors(invalid as FieldErrors)[0];
      const path = first ? formPathOf(first.path) : null;
      if (path) setFocus(path);
      else requestAnimationFrame(() => summaryRef.current?.focus());
    },
  );

  const issues = flattenErrors(errors as FieldErrors);
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
          <ErrorSummary
            summaryRef={summaryRef}
            id="run-form-errors"
            items={[
              ...issues.map((issue) => {
                const path = formPathOf(issue.path);
                return path
                  ? {
                      key: issue.path,
                      href: `#${fieldId(path)}`,
                      focus: () => setFocus(path),
                      text: `${labelOf(path)}: ${errorOf(path) ?? ""}`,
                    }
                  : { key: issue.path, text: message(issue.message) };
              }),
              ...otherErrors.map((text) => ({ key: text, text: message(text) })),
            ]}
          />
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
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t("allocation.runs.form.running") : t("allocation.runs.form.submit")}
        </button>
        {progressId !== null ? <RunProgress progress={phase} /> : null}
        <div aria-live="polite" className="visually-hidden" id="run-progress-announcement">
          {progressId !== null ? `${t("allocation.runs.progress.label")}: ${phaseText}` : ""}
        </div>
      </div>
    </form>
  );
}
