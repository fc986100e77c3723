// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { type FieldErrors, type FieldPath, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  type DesignationConfirmed,
  DesignationConfirmInput,
  type DesignationMix,
  type DesignationProposal,
  type DesignationProposalUnit,
} from "../../domain/designation/designation-api.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { useUnitLabels } from "../units/unit-labels.ts";
import { useConfirmDesignation, useProposeDesignation } from "./allocation-api.ts";
import { useAllocationLabels } from "./allocation-labels.ts";
import { MixTable, useTargetColumns } from "./mix-table.tsx";

type Provisional = "refit" | "keep";
type ConfirmValues = { reason: string; rows: { category: UnitCategory }[] };
type Path = FieldPath<ConfirmValues>;
type Shown = "changed" | "designable" | "all";

const ROW_PATH = /^assignments\.(\d+)\.(unitId|category|version)$/;

/** The form field of a path of the confirmation (`assignments.3.unitId` → `rows.3.category`); null for none. */
function formPathOf(path: string, rows: number): Path | null {
  if (path === "reason") return "reason";
  const match = ROW_PATH.exec(path);
  const index = match ? Number(match[1]) : -1;
  return index >= 0 && index < rows ? `rows.${index}.category` : null;
}

/** A path of the form's own error tree that has a field: the reason or a row's category. */
const asFieldPath = (path: string): Path | null =>
  path === "reason" || /^rows\.\d+\.category$/.test(path) ? (path as Path) : null;

const fieldId = (path: string) => `designation-${path.replaceAll(".", "-")}`;

/** The confirmation the form describes: every designable unit with its category and the version shown. */
const confirmationOf = (values: ConfirmValues, units: readonly DesignationProposalUnit[]) => ({
  reason: values.reason,
  assignments: units.map((u, i) => ({
    unitId: u.unitId,
    category: values.rows[i]?.category ?? u.proposedCategory,
    version: u.version,
  })),
});

const confirmResolver = (units: readonly DesignationProposalUnit[]) =>
  schemaResolver<ConfirmValues, DesignationConfirmInput>(
    DesignationConfirmInput,
    (values) => confirmationOf(values, units),
    (path, count) => formPathOf(path, units.length) ?? `root.${count}`,
  );

/** The mix before and after the proposal, category by category. */
function BeforeAfterMix({ before, after }: { before: DesignationMix; after: DesignationMix }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unitLabels = useUnitLabels();
  const target = useTargetColumns();
  const cell = (mix: DesignationMix, category: UnitCategory) => {
    const row = mix.rows.find((r) => r.category === category);
    return row
      ? t("allocation.designation.countShare", {
          count: format.number(row.count),
          share: format.percent(row.percent / 100, 2),
        })
      : "—";
  };
  return (
    <div className="table-responsive">
      <FigureTable
        id="designation-before-after"
        caption={t("allocation.designation.beforeAfterCaption")}
        rowHeader={t("allocation.fields.category")}
        columns={[t("allocation.preview.before"), t("allocation.preview.after"), ...target.columns]}
        rows={UNIT_CATEGORIES.map((c) => ({
          key: c,
          label: unitLabels.categoryShort(c),
          cells: [cell(before, c), cell(after, c), ...target.cells(after.rows.find((r) => r.category === c))],
        }))}
      />
    </div>
  );
}

/** The proposal as a form: each designable unit's category may be changed before confirming with a reason. */
function ProposalForm({
  proposal,
  onConfirmed,
}: {
  proposal: DesignationProposal;
  onConfirmed: (result: DesignationConfirmed) => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const unitLabels = useUnitLabels();
  const labels = useAllocationLabels();
  const confirm = useConfirmDesignation();
  const [designable] = useState(() => proposal.units.filter((u) => u.action !== "locked"));
  const [resolver] = useState(() => confirmResolver(designable));
  const locked = proposal.units.length - designable.length;
  const [shown, setShown] = useState<Shown>("changed");
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ConfirmValues, unknown, DesignationConfirmInput>({
    resolver,
    defaultValues: { reason: "", rows: designable.map((u) => ({ category: u.proposedCategory })) },
  });
  const rowOf = (path: Path) => {
    const index = /^rows\.(\d+)\./.exec(path)?.[1];
    return index === undefined ? undefined : designable[Number(index)];
  };
  const summary = useErrorSummary<Path>({
    errors,
    setFocus,
    fieldOf: asFieldPath,
    fieldId,
    labelOf: (path) => {
      const unit = rowOf(path);
      return unit
        ? t("allocation.designation.rowLabel", { code: unit.code })
        : t("allocation.designation.reason");
    },
    message,
  });
  const errorOf = summary.errorOf;

  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        onConfirmed(await confirm.mutateAsync(input));
      } catch (e) {
        // Rows with an error are always shown (see `visible`): the focus can reach them once drawn.
        summary.refused(e, setError, {
          apiFieldOf: (path) => formPathOf(path, designable.length),
          focusLater: true,
        });
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );

  const hasError = (i: number) => messageAt(errors, `rows.${i}.category`) !== undefined;
  const visible = designable
    .map((unit, index) => ({ unit, index }))
    .filter(({ unit, index }) => shown !== "changed" || unit.changed || hasError(index));
  const unexpected = confirm.error && !isApiError(confirm.error) ? confirm.error : null;
  const lockedUnits = shown === "all" ? proposal.units.filter((u) => u.action === "locked") : [];
  return (
    <form noValidate onSubmit={submit} aria-labelledby="designation-form-title" className="mt-4">
      <h3 id="designation-form-title" className="h5">
        {t("allocation.designation.formTitle")}
      </h3>
      <p className="small">
        {t("allocation.designation.formIntro", { designable: designable.length, locked })}
      </p>
      <p className="small">{t("allocation.designation.actionsExplained")}</p>
      {unexpected ? <ErrorAlert error={unexpected} /> : null}
      {submitCount > 0 ? (
        <ErrorSummary summaryRef={summary.ref} id="designation-errors" items={summary.items()} />
      ) : null}
      <div className="select-wrapper form-group col-12 col-md-6">
        <label htmlFor="designation-shown" className="active">
          {t("allocation.designation.shown")}
        </label>
        <select id="designation-shown" value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
          {(["changed", "designable", "all"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`allocation.designation.shownOptions.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="small">
        {t("allocation.designation.rowsShown", { count: visible.length + lockedUnits.length })}
      </p>
      {/* A long list scrolls in its own box, so the reason and the button stay near; the box takes
          the focus so it scrolls by keyboard too. */}
      <section
        className="table-responsive designation-units mb-3"
        aria-label={t("allocation.designation.unitsCaption")}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
        tabIndex={0}
      >
        <table className="table table-sm align-middle">
          <caption className="visually-hidden">{t("allocation.designation.unitsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("allocation.fields.unit")}</th>
              <th scope="col">{t("allocation.designation.status")}</th>
              <th scope="col">{t("allocation.designation.current")}</th>
              <th scope="col">{t("allocation.designation.proposed")}</th>
              <th scope="col">{t("allocation.designation.action")}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map(({ unit, index }) => {
              const path = `rows.${index}.category` as const;
              const id = fieldId(path);
              const error = errorOf(path);
              return (
                <tr key={unit.unitId}>
                  <th scope="row" className="font-monospace">
                    {unit.code}
                  </th>
                  <td>{unitLabels.status(unit.status)}</td>
                  <td>{unitLabels.categoryShort(unit.currentCategory)}</td>
                  <td>
                    <label htmlFor={id} className="visually-hidden">
                      {t("allocation.designation.selectLabel", { code: unit.code })}
                    </label>
                    <select
                      id={id}
                      className={`form-select form-select-sm${error ? " is-invalid" : ""}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      {...register(path)}
                    >
                      {UNIT_CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {unitLabels.categoryShort(c)}
                        </option>
                      ))}
                    </select>
                    {error ? (
                      <div id={`${id}-error`} className="field-error small">
                        {error}
                      </div>
                    ) : null}
                  </td>
                  <td>{labels.designationAction(unit.action)}</td>
                </tr>
              );
            })}
            {lockedUnits.map((unit) => (
              <tr key={unit.unitId}>
                <th scope="row" className="font-monospace">
                  {unit.code}
                </th>
                <td>{unitLabels.status(unit.status)}</td>
                <td>{unitLabels.categoryShort(unit.currentCategory)}</td>
                <td>{unitLabels.categoryShort(unit.proposedCategory)}</td>
                <td>{labels.designationAction(unit.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="small">
        {t("allocation.designation.fitPoints", {
          points: proposal.fitPoints === null ? "—" : format.number(proposal.fitPoints, 2),
        })}
      </p>
      <TextAreaField
        id={fieldId("reason")}
        label={t("allocation.designation.reason")}
        required
        rows={2}
        hint={t("allocation.designation.reasonHint")}
        error={errorOf("reason")}
        registration={register("reason")}
      />
      <SubmitButton submitting={isSubmitting} label={t("allocation.designation.confirm")} />
    </form>
  );
}

/** Designazione: propose categories for the units to be renovated, edit them, confirm with a reason. */
export function DesignationPanel() {
  const { t } = useTranslation();
  const message = useMessage();
  const propose = useProposeDesignation();
  const [provisional, setProvisional] = useState<Provisional>("refit");
  const [current, setCurrent] = useState<{ proposal: DesignationProposal; n: number } | null>(null);
  const [confirmed, setConfirmed] = useState<{ result: DesignationConfirmed; n: number } | null>(null);
  const ask = () =>
    propose.mutate(
      { provisional },
      {
        onSuccess: (proposal) => {
          setConfirmed(null);
          setCurrent((c) => ({ proposal, n: (c?.n ?? 0) + 1 }));
        },
      },
    );
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="designation-title">
      <div className="card-body">
        <h2 id="designation-title" className="h4">
          {t("allocation.designation.title")}
        </h2>
        <p className="small">{t("allocation.designation.intro")}</p>
        <fieldset className="mb-3">
          <legend className="h6">{t("allocation.designation.provisional")}</legend>
          {(["refit", "keep"] as const).map((p) => (
            <div className="form-check" key={p}>
              <input
                id={`designation-provisional-${p}`}
                type="radio"
                name="designation-provisional"
                value={p}
                checked={provisional === p}
                onChange={() => setProvisional(p)}
              />
              <label htmlFor={`designation-provisional-${p}`}>
                {t(`allocation.designation.provisionalOptions.${p}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="button" className="btn btn-primary" disabled={propose.isPending} onClick={ask}>
          {propose.isPending ? t("allocation.designation.proposing") : t("allocation.designation.propose")}
        </button>
        <div aria-live="polite" className="visually-hidden">
          {propose.isPending ? t("allocation.designation.proposing") : ""}
        </div>
        {propose.error ? <ErrorAlert error={propose.error} /> : null}
        <div aria-live="polite">
          {confirmed ? (
            <div key={confirmed.n} className="mt-4">
              <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
                {t("allocation.designation.confirmed", {
                  changed: confirmed.result.changed,
                  unchanged: confirmed.result.unchanged,
                })}
              </div>
              <MixTable
                mix={confirmed.result.mix}
                caption={t("allocation.designation.newMixCaption")}
                id="designation-new-mix"
              />
            </div>
          ) : null}
        </div>
        {current && !confirmed ? (
          <section key={current.n} className="mt-4" aria-labelledby="designation-proposal-title">
            <h3 id="designation-proposal-title" className="h5" tabIndex={-1} ref={focusOnMount}>
              {t("allocation.designation.proposalTitle")}
            </h3>
            {current.proposal.status === "infeasible" || current.proposal.after === null ? (
              <div className="alert alert-warning" role="note">
                <p>{t("allocation.designation.infeasible")}</p>
                <ul className="mb-0">
                  {current.proposal.violations.map((v) => (
                    <li key={`${v.kind}-${v.categories.join("-")}`}>{message(v.message)}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <>
                <p>
                  {t("allocation.designation.changes", { count: current.proposal.changes })}{" "}
                  {t(`allocation.designation.provisionalRead.${current.proposal.provisional}`)}
                </p>
                <BeforeAfterMix before={current.proposal.before} after={current.proposal.after} />
                <ProposalForm
                  proposal={current.proposal}
                  onConfirmed={(result) => setConfirmed((c) => ({ result, n: (c?.n ?? 0) + 1 }))}
                />
              </>
            )}
          </section>
        ) : null}
      </div>
    </section>
  );
}
