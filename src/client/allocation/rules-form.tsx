// SPDX-License-Identifier: EUPL-1.2
import { useMemo, useRef, useState } from "react";
import {
  type FieldErrors,
  type FieldPath,
  type UseFormRegister,
  useFieldArray,
  useForm,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { AllocationRules } from "../../domain/eligibility/rules-api.schema.ts";
import { NEEDS } from "../../domain/households/household.schema.ts";
import { UNIT_CATEGORIES } from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { FieldSet, SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { PRIORITY_FACTS, useHouseholdLabels } from "../households/household-labels.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { useUnitLabels } from "../units/unit-labels.ts";
import { type RulesPreviewView, usePreviewRules, useSaveRules } from "./allocation-api.ts";
import { useAllocationLabels } from "./allocation-labels.ts";
import {
  formPathOf,
  type RulesFormOutput,
  type RulesFormValues,
  type RulesIntent,
  rulesFieldId,
  rulesFormValues,
  rulesMessage,
  rulesResolver,
  SIZE_FIELDS,
  type SizeField,
} from "./rules-form-values.ts";
import { RulesPreviewPanel } from "./rules-preview.tsx";

type Path = FieldPath<RulesFormValues>;

/** One input of the size standards table: labelled for screen readers, its error below it. */
function SizeCell(props: {
  index: number;
  field: SizeField;
  label: string;
  error: string | undefined;
  register: UseFormRegister<RulesFormValues>;
}) {
  const path = `sizeStandards.rows.${props.index}.${props.field}` as const;
  const id = rulesFieldId(path);
  return (
    <td>
      <label htmlFor={id} className="visually-hidden">
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className={`form-control form-control-sm size-input${props.error ? " is-invalid" : ""}`}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        {...props.register(path)}
      />
      {props.error ? (
        <div id={`${id}-error`} className="field-error small">
          {props.error}
        </div>
      ) : null}
    </td>
  );
}

/**
 * Regole di assegnazione: the main figures of the rules in force, to preview against them or to save
 * as the next version with its reason. Everything the form does not show is kept as it is.
 */
export function RulesForm({
  active,
  onSaved,
}: {
  active: AllocationRules;
  onSaved: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const unitLabels = useUnitLabels();
  const householdLabels = useHouseholdLabels();
  const labels = useAllocationLabels();
  const preview = usePreviewRules();
  const save = useSaveRules();
  const [shown, setShown] = useState<{ preview: RulesPreviewView; n: number } | null>(null);
  const intent = useRef<RulesIntent>("save");
  const base = active.rules;
  // The language the figures were first written in stays their format until the next version.
  const [defaults] = useState(() => rulesFormValues(base, i18n.language));
  const resolver = useMemo(() => rulesResolver(base, () => intent.current), [base]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<RulesFormValues, unknown, RulesFormOutput>({ resolver, defaultValues: defaults });
  const rows = useFieldArray({ control, name: "sizeStandards.rows" });

  const sizeLabel = (f: SizeField) => t(`allocation.rules.size.${f}`);
  /** The field's name for the error summary: "Canone calmierato · ISEE massimo (€)". */
  const labelOf = (path: string): string => {
    const parts = path.split(".");
    const [head, second, third, fourth] = parts;
    if (head === "priority" && second === "facts" && third)
      return `${t("allocation.rules.facts")} · ${t(`households.enums.priority.${third}`)}`;
    if (head === "priority" && second === "needs" && third)
      return `${t("allocation.rules.needs")} · ${t(`households.enums.need.${third}`)}`;
    if (head === "categories" && second && third === "isee" && fourth)
      return `${unitLabels.categoryShort(second as (typeof UNIT_CATEGORIES)[number])} · ${t(`allocation.rules.isee.${fourth}`)}`;
    if (head === "categories" && second)
      return `${unitLabels.categoryShort(second as (typeof UNIT_CATEGORIES)[number])} · ${t("allocation.rules.partnerMatch")}`;
    if (head === "sizeStandards" && second === "rows" && third && fourth)
      return `${t("allocation.rules.size.rowN", { count: Number(third) + 1 })} · ${sizeLabel(fourth as SizeField)}`;
    return t(`allocation.rules.labels.${path}`, { defaultValue: path });
  };
  const summary = useErrorSummary<Path>({
    errors,
    setFocus,
    fieldOf: (path) => formPathOf(path) as Path | null,
    fieldId: rulesFieldId,
    labelOf,
    message: (text) => rulesMessage(t, text, message),
  });
  const errorOf = summary.errorOf;

  const submit = handleSubmit(
    async (output) => {
      summary.clear();
      try {
        if (intent.current === "preview") {
          const result = await preview.mutateAsync({ rules: output.rules });
          setShown((s) => ({ preview: result, n: (s?.n ?? 0) + 1 }));
        } else {
          const saved = await save.mutateAsync(output);
          onSaved(saved.version);
        }
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  const run = (next: RulesIntent) => {
    intent.current = next;
    void submit();
  };

  const failure = preview.error ?? save.error;
  const unexpected = failure && !isApiError(failure) ? failure : null;
  /** One figure of the rules: a required decimal unless told otherwise. */
  const figure = (
    path: Path,
    label: string,
    more: { className?: string; hint?: string; inputMode?: "numeric"; optional?: true } = {},
  ) => (
    <TextField
      key={path}
      id={rulesFieldId(path)}
      label={label}
      className={more.className ?? "col-12 col-sm-6 col-lg-4"}
      inputMode={more.inputMode ?? "decimal"}
      required={!more.optional}
      hint={more.hint}
      error={errorOf(path)}
      registration={register(path)}
    />
  );

  return (
    <>
      <form
        noValidate
        aria-labelledby="rules-form-title"
        aria-describedby="rules-required-note"
        onSubmit={(e) => {
          intent.current = "save";
          void submit(e);
        }}
      >
        <h2 id="rules-form-title" className="h4">
          {t("allocation.rules.formTitle")}
        </h2>
        <p id="rules-required-note" className="small">
          {t("allocation.rules.formIntro")} {t("form.requiredNote")}
        </p>
        {unexpected ? <ErrorAlert error={unexpected} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="rules-form-errors" items={summary.items()} />
        ) : null}

        <FieldSet legend={t("allocation.rules.sections.priority")}>
          <div className="row">
            {(
              [
                "priority.basePoints",
                "priority.waiting.pointsPerMonth",
                "priority.waiting.maxPoints",
              ] as const
            ).map((path) => figure(path, t(`allocation.rules.labels.${path}`)))}
            {figure("priority.fitWeight", t("allocation.rules.labels.priority.fitWeight"), {
              hint: t("allocation.rules.hints.fitWeight"),
            })}
          </div>
          <fieldset className="mt-2">
            <legend className="h6">{t("allocation.rules.factsLegend")}</legend>
            <div className="row">
              {PRIORITY_FACTS.map((f) =>
                figure(`priority.facts.${f}`, householdLabels.priority(f), { className: "col-12 col-md-6" }),
              )}
            </div>
          </fieldset>
          <fieldset className="mt-2">
            <legend className="h6">{t("allocation.rules.needsLegend")}</legend>
            <div className="row">
              {NEEDS.map((n) => figure(`priority.needs.${n}`, householdLabels.need(n)))}
            </div>
          </fieldset>
        </FieldSet>

        <FieldSet legend={t("allocation.rules.sections.affordability")}>
          <div className="row">
            {figure(
              "affordability.maxRentSharePercent",
              t("allocation.rules.labels.affordability.maxRentSharePercent"),
              { className: "col-12 col-md-6", hint: t("allocation.rules.hints.maxRentShare") },
            )}
          </div>
        </FieldSet>

        <FieldSet legend={t("allocation.rules.sections.categories")}>
          {UNIT_CATEGORIES.map((c) => (
            <fieldset key={c} className="mb-3">
              <legend className="h6">{unitLabels.category(c)}</legend>
              <div className="row">
                {(
                  [
                    ["minEuro", "iseeMin"],
                    ["maxEuro", "iseeMax"],
                  ] as const
                ).map(([bound, hint]) =>
                  figure(`categories.${c}.isee.${bound}`, t(`allocation.rules.isee.${bound}`), {
                    className: "col-12 col-md-4",
                    hint: t(`allocation.rules.hints.${hint}`),
                    optional: true,
                  }),
                )}
                <SelectField
                  id={rulesFieldId(`categories.${c}.partnerMatch`)}
                  label={t("allocation.rules.partnerMatch")}
                  className="col-12 col-md-4"
                  options={labels.partnerMatchOptions}
                  error={errorOf(`categories.${c}.partnerMatch`)}
                  registration={register(`categories.${c}.partnerMatch`)}
                />
              </div>
            </fieldset>
          ))}
        </FieldSet>

        <FieldSet legend={t("allocation.rules.sections.size")}>
          <p className="small">{t("allocation.rules.size.intro")}</p>
          <div className="table-responsive">
            <table className="table table-sm size-table">
              <caption>{t("allocation.rules.size.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("allocation.rules.size.size")}</th>
                  {SIZE_FIELDS.map((f) => (
                    <th scope="col" key={f}>
                      {sizeLabel(f)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.fields.map((row, index) => (
                  <tr key={row.id}>
                    <th scope="row">{t("allocation.rules.size.rowN", { count: index + 1 })}</th>
                    {SIZE_FIELDS.map((f) => (
                      <SizeCell
                        key={f}
                        index={index}
                        field={f}
                        label={`${sizeLabel(f)} · ${t("allocation.rules.size.rowN", { count: index + 1 })}`}
                        error={errorOf(`sizeStandards.rows.${index}.${f}`)}
                        register={register}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="d-flex flex-wrap gap-2 mb-3">
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={rows.fields.length >= 20}
              onClick={() => {
                const last = rows.fields.length;
                rows.append(
                  {
                    size: last + 1,
                    minSurfaceM2: "",
                    minRooms: "",
                    maxRooms: "",
                    minBedrooms: "",
                    maxBedrooms: "",
                  },
                  { shouldFocus: false },
                );
                requestAnimationFrame(() => setFocus(`sizeStandards.rows.${last}.minSurfaceM2`));
              }}
            >
              {t("allocation.rules.size.addRow")}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary btn-sm"
              disabled={rows.fields.length <= 1}
              onClick={() => rows.remove(rows.fields.length - 1)}
            >
              {t("allocation.rules.size.removeRow")}
            </button>
          </div>
          <div className="row">
            {figure(
              "sizeStandards.extraSurfaceM2PerPerson",
              t("allocation.rules.labels.sizeStandards.extraSurfaceM2PerPerson"),
              { className: "col-12 col-md-6" },
            )}
          </div>
        </FieldSet>

        <FieldSet legend={t("allocation.rules.sections.offers")}>
          <p className="small">{t("allocation.rules.offersIntro")}</p>
          <div className="row">
            {(["dueDays", "reasonableRefusalsKept"] as const).map((f) =>
              figure(`offers.${f}`, t(`allocation.rules.labels.offers.${f}`), {
                className: "col-12 col-md-6",
                inputMode: "numeric",
                hint: t(`allocation.rules.hints.${f}`),
              }),
            )}
          </div>
          <fieldset
            className="check-group"
            aria-describedby="rules-offers-expiryIsReasonable-hint"
            aria-invalid={errorOf("offers.expiryIsReasonable") ? true : undefined}
          >
            <legend className="h6">{t("allocation.rules.labels.offers.expiryIsReasonable")}</legend>
            <small id="rules-offers-expiryIsReasonable-hint" className="form-text d-block mb-2">
              {t("allocation.rules.hints.expiryIsReasonable")}
            </small>
            {(["yes", "no"] as const).map((value, i) => {
              // The first radio carries the field's id, so the summary's link reaches the group.
              const id =
                i === 0
                  ? rulesFieldId("offers.expiryIsReasonable")
                  : `${rulesFieldId("offers.expiryIsReasonable")}-${value}`;
              return (
                <div className="form-check form-check-inline" key={value}>
                  <input id={id} type="radio" value={value} {...register("offers.expiryIsReasonable")} />
                  <label htmlFor={id}>{t(`allocation.rules.expiry.${value}`)}</label>
                </div>
              );
            })}
            {errorOf("offers.expiryIsReasonable") ? (
              <div className="field-error">{errorOf("offers.expiryIsReasonable")}</div>
            ) : null}
          </fieldset>
        </FieldSet>

        <TextAreaField
          id={rulesFieldId("reason")}
          label={t("allocation.rules.labels.reason")}
          required
          hint={t("allocation.rules.hints.reason")}
          error={errorOf("reason")}
          registration={register("reason")}
        />
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={isSubmitting}
            onClick={() => run("preview")}
          >
            {t("allocation.rules.preview")}
          </button>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting && intent.current === "save" ? t("form.saving") : t("allocation.rules.save")}
          </button>
        </div>
        <div aria-live="polite" className="visually-hidden">
          {preview.isPending ? t("allocation.preview.running") : ""}
        </div>
      </form>
      {shown ? <RulesPreviewPanel key={shown.n} preview={shown.preview} /> : null}
    </>
  );
}
