// SPDX-License-Identifier: EUPL-1.2
import "./maintenance.css";
import { toNestErrors } from "@hookform/resolvers";
import { useMemo, useRef, useState } from "react";
import { type FieldErrors, type Resolver, useFieldArray, useForm } from "react-hook-form";
import {
  INSTALLATIONS,
  type Installation,
  METERS,
  type Meter,
  type MoveInInput,
  MoveInInput as MoveInInputSchema,
  type MoveInRecord,
  moveInProblems,
} from "../../domain/maintenance/move-in.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary, type SummaryItem } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { flattenErrors, messageAt } from "../components/form-errors.ts";
import { CheckboxField, FieldSet, SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { useMoveIn, useSaveMoveIn } from "./maintenance-api.ts";
import { useMaintenanceLabels, useMaintenanceMessage, useMaintenanceT } from "./maintenance-i18n.ts";

type MeterValues = { present: boolean; serial: string; reading: string; readOn: string };
type Values = {
  meters: Record<Meter, MeterValues>;
  keys: { label: string; count: string }[];
  installations: Record<Installation, boolean>;
  inventory: { item: string; quantity: string; condition: string; notes: string }[];
  notes: string;
};

/** Today in the browser's time zone, as YYYY-MM-DD. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const numberText = (n: number | null) => (n === null ? "" : String(n));
/** A figure as typed (a comma for decimals is fine); what is not one goes to the schema as it is, to be named. */
const figure = (text: string): number | string | null => {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed.replace(",", "."));
  return Number.isFinite(n) ? n : trimmed;
};

function valuesOf(record: MoveInRecord): Values {
  const { checklist } = record;
  const meter = (m: Meter): MeterValues => ({
    present: checklist.meters[m].present,
    serial: checklist.meters[m].serial,
    reading: numberText(checklist.meters[m].reading),
    readOn: checklist.meters[m].readOn ?? "",
  });
  return {
    meters: { electricity: meter("electricity"), gas: meter("gas"), water: meter("water") },
    keys: checklist.keys.map((k) => ({ label: k.label, count: String(k.count) })),
    installations: { ...checklist.installations },
    inventory: checklist.inventory.map((i) => ({
      item: i.item,
      quantity: String(i.quantity),
      condition: i.condition,
      notes: i.notes,
    })),
    notes: checklist.notes,
  };
}

function inputOf(values: Values, completedOn: string | null) {
  const meter = (m: Meter) => {
    const v = values.meters[m];
    return {
      present: v.present,
      serial: v.serial,
      reading: figure(v.reading),
      readOn: v.readOn === "" ? null : v.readOn,
    };
  };
  return {
    checklist: {
      meters: { electricity: meter("electricity"), gas: meter("gas"), water: meter("water") },
      keys: values.keys.map((k) => ({ label: k.label, count: figure(k.count) ?? undefined })),
      installations: values.installations,
      inventory: values.inventory.map((i) => ({
        item: i.item,
        quantity: figure(i.quantity) ?? undefined,
        condition: i.condition === "" ? undefined : i.condition,
        notes: i.notes,
      })),
      notes: values.notes,
    },
    completedOn,
  };
}

/** Where an issue of the API or the schema (`checklist.keys.0.count`) goes in the form (`keys.0.count`). */
function formPath(path: string): string {
  if (path === "checklist.keys") return "keysList";
  if (path === "checklist.inventory") return "inventoryList";
  if (path === "completedOn") return "completion";
  return path.replace(/^checklist\./, "");
}

/** The element an error's path points at, to link and focus it. */
const elementId = (formName: string) => {
  if (formName === "keysList") return "move-in-keys-add";
  if (formName === "inventoryList") return "move-in-inventory-add";
  if (formName === "completion") return "move-in-complete";
  return `move-in-${formName.replaceAll(".", "-")}`;
};

function moveInResolver(
  completing: { current: boolean },
  completedOn: string | null,
): Resolver<Values, unknown, MoveInInput> {
  return async (values, _context, options) => {
    const today = localToday();
    const parsed = MoveInInputSchema.safeParse(inputOf(values, completing.current ? today : completedOn));
    const flat: FieldErrors = {};
    const issues = parsed.success
      ? moveInProblems(parsed.data, today)
      : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    for (const issue of issues) flat[formPath(issue.path)] ??= { type: "rule", message: issue.message };
    if (parsed.success && issues.length === 0) return { values: parsed.data, errors: {} };
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

const KEY_SUGGESTIONS = ["front", "building", "cellar", "letterbox", "gate"] as const;

/** The form of a loaded checklist. */
function ChecklistForm({ record, tenancyId }: { record: MoveInRecord; tenancyId: string }) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const message = useMaintenanceMessage();
  const format = useFormat();
  const canWrite = useCan("tenancies:write");
  const save = useSaveMoveIn(tenancyId);
  const completing = useRef(false);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resolver = useMemo(() => moveInResolver(completing, record.completedOn), [record.completedOn]);
  const defaults = useMemo(() => valuesOf(record), [record]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, MoveInInput>({ resolver, values: defaults });
  const keys = useFieldArray({ control, name: "keys" });
  const inventory = useFieldArray({ control, name: "inventory" });

  const meterLabel = (m: Meter) => t(`moveIn.meters.${m}`);
  const labelOf = (name: string): string => {
    const parts = name.split(".");
    if (name === "keysList") return t("moveIn.keys.title");
    if (name === "inventoryList") return t("moveIn.inventory.title");
    if (name === "completion") return t("moveIn.completedOn");
    if (parts[0] === "meters")
      return `${meterLabel(parts[1] as Meter)}: ${t(`moveIn.meterFields.${parts[2]}`)}`;
    if (parts[0] === "installations") return t(`moveIn.installations.${parts[1]}`);
    if (parts[0] === "keys")
      return `${t("moveIn.keys.row", { n: Number(parts[1]) + 1 })}: ${t(`moveIn.keys.${parts[2]}`)}`;
    if (parts[0] === "inventory")
      return `${t("moveIn.inventory.row", { n: Number(parts[1]) + 1 })}: ${t(`moveIn.inventory.${parts[2]}`)}`;
    return t("moveIn.notes");
  };
  const errorOf = (name: string) => {
    const text = messageAt(errors, name);
    return text === undefined ? undefined : message(text);
  };
  const focusField = (name: string) =>
    requestAnimationFrame(() => document.getElementById(elementId(name))?.focus());
  const items: SummaryItem[] = flattenErrors(errors).map((issue) => ({
    key: issue.path,
    href: `#${elementId(issue.path)}`,
    focus: () => focusField(issue.path),
    text: `${labelOf(issue.path)}: ${message(issue.message)}`,
  }));

  const submit = handleSubmit(
    async (input) => {
      try {
        const saved = await save.mutateAsync(input);
        setDone((d) => ({
          text: saved.completedOn
            ? t("moveIn.completed", { date: format.date(saved.completedOn) })
            : t("moveIn.saved"),
          n: (d?.n ?? 0) + 1,
        }));
      } catch (e) {
        if (!isApiError(e)) return;
        let first: string | null = null;
        for (const issue of e.errors) {
          const name = formPath(issue.path);
          setError(name as "notes", { type: "server", message: issue.message });
          first ??= name;
        }
        if (first !== null) focusField(first);
        else requestAnimationFrame(() => summaryRef.current?.focus());
      } finally {
        completing.current = false;
      }
    },
    (invalid) => {
      completing.current = false;
      const first = flattenErrors(invalid)[0];
      if (first) focusField(first.path);
    },
  );
  const gasPresent = watch("meters.gas.present");
  const refused =
    save.error && (!isApiError(save.error) || save.error.errors.length === 0) ? save.error : null;

  return (
    <form noValidate onSubmit={submit} aria-labelledby="move-in-title">
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
      {record.completedOn ? (
        <div className="alert alert-info">
          {t("moveIn.completedBy", {
            date: format.date(record.completedOn),
            who: record.recordedBy ?? t("moveIn.someone"),
          })}
        </div>
      ) : record.missing.length > 0 ? (
        <p>{t("moveIn.missing", { count: record.missing.length })}</p>
      ) : null}
      {refused ? <ErrorAlert error={refused} /> : null}
      {submitCount > 0 ? <ErrorSummary summaryRef={summaryRef} id="move-in-errors" items={items} /> : null}
      <fieldset disabled={!canWrite} className="border-0 p-0 m-0">
        <legend className="visually-hidden">{t("moveIn.title")}</legend>
        <FieldSet legend={t("moveIn.meters.title")}>
          {METERS.map((m) => {
            const present = m !== "gas" || gasPresent;
            return (
              <div key={m} className="mb-3">
                <h3 className="h6">{meterLabel(m)}</h3>
                {m === "gas" ? (
                  <CheckboxField
                    id="move-in-meters-gas-present"
                    label={t("moveIn.meterFields.present")}
                    registration={register("meters.gas.present")}
                  />
                ) : null}
                {present ? (
                  <div className="row">
                    <TextField
                      id={`move-in-meters-${m}-reading`}
                      label={`${t("moveIn.meterFields.reading")} (${t(`moveIn.units.${m}`)})`}
                      className="col-12 col-md-4"
                      inputMode="decimal"
                      required
                      error={errorOf(`meters.${m}.reading`)}
                      registration={register(`meters.${m}.reading`)}
                    />
                    <TextField
                      id={`move-in-meters-${m}-readOn`}
                      label={t("moveIn.meterFields.readOn")}
                      className="col-12 col-md-4"
                      type="date"
                      required
                      error={errorOf(`meters.${m}.readOn`)}
                      registration={register(`meters.${m}.readOn`)}
                    />
                    <TextField
                      id={`move-in-meters-${m}-serial`}
                      label={t("moveIn.meterFields.serial")}
                      className="col-12 col-md-4"
                      autoComplete="off"
                      error={errorOf(`meters.${m}.serial`)}
                      registration={register(`meters.${m}.serial`)}
                    />
                  </div>
                ) : null}
              </div>
            );
          })}
        </FieldSet>

        <FieldSet legend={t("moveIn.keys.title")}>
          <datalist id="move-in-key-suggestions">
            {KEY_SUGGESTIONS.map((k) => (
              <option key={k} value={t(`moveIn.keys.suggestions.${k}`)} />
            ))}
          </datalist>
          {keys.fields.length === 0 ? <p>{t("moveIn.keys.none")}</p> : null}
          {keys.fields.map((field, i) => (
            <div key={field.id} className="row move-in-row align-items-end">
              <TextField
                id={`move-in-keys-${i}-label`}
                label={`${t("moveIn.keys.label")} (${i + 1})`}
                className="col-12 col-md-6"
                list="move-in-key-suggestions"
                autoComplete="off"
                required
                error={errorOf(`keys.${i}.label`)}
                registration={register(`keys.${i}.label`)}
              />
              <TextField
                id={`move-in-keys-${i}-count`}
                label={t("moveIn.keys.count")}
                className="col-6 col-md-3"
                inputMode="numeric"
                required
                error={errorOf(`keys.${i}.count`)}
                registration={register(`keys.${i}.count`)}
              />
              <div className="col-6 col-md-3 form-group">
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => keys.remove(i)}
                >
                  {t("moveIn.remove")}
                  <span className="visually-hidden"> {t("moveIn.keys.row", { n: i + 1 })}</span>
                </button>
              </div>
            </div>
          ))}
          <button
            id="move-in-keys-add"
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-describedby={errorOf("keysList") ? "move-in-keys-error" : undefined}
            onClick={() => keys.append({ label: "", count: "1" })}
          >
            {t("moveIn.keys.add")}
          </button>
          {errorOf("keysList") ? (
            <div id="move-in-keys-error" className="field-error">
              {errorOf("keysList")}
            </div>
          ) : null}
        </FieldSet>

        <FieldSet legend={t("moveIn.installations.title")}>
          <p className="small">{t("moveIn.installations.intro")}</p>
          {INSTALLATIONS.map((k) => (
            <CheckboxField
              key={k}
              id={`move-in-installations-${k}`}
              label={t(`moveIn.installations.${k}`)}
              hint={k === "gasShutOff" && !gasPresent ? t("moveIn.installations.noGas") : undefined}
              error={errorOf(`installations.${k}`)}
              registration={register(`installations.${k}`)}
            />
          ))}
        </FieldSet>

        <FieldSet legend={t("moveIn.inventory.title")}>
          {inventory.fields.length === 0 ? <p>{t("moveIn.inventory.none")}</p> : null}
          {inventory.fields.map((field, i) => (
            <div key={field.id} className="row move-in-row align-items-end">
              <TextField
                id={`move-in-inventory-${i}-item`}
                label={`${t("moveIn.inventory.item")} (${i + 1})`}
                className="col-12 col-md-4"
                required
                error={errorOf(`inventory.${i}.item`)}
                registration={register(`inventory.${i}.item`)}
              />
              <TextField
                id={`move-in-inventory-${i}-quantity`}
                label={t("moveIn.inventory.quantity")}
                className="col-4 col-md-2"
                inputMode="numeric"
                error={errorOf(`inventory.${i}.quantity`)}
                registration={register(`inventory.${i}.quantity`)}
              />
              <SelectField
                id={`move-in-inventory-${i}-condition`}
                label={t("moveIn.inventory.condition")}
                className="col-8 col-md-3"
                required
                empty={t("form.choose")}
                options={labels.conditionOptions}
                error={errorOf(`inventory.${i}.condition`)}
                registration={register(`inventory.${i}.condition`)}
              />
              <TextField
                id={`move-in-inventory-${i}-notes`}
                label={t("moveIn.inventory.notes")}
                className="col-12 col-md-3"
                error={errorOf(`inventory.${i}.notes`)}
                registration={register(`inventory.${i}.notes`)}
              />
              <div className="col-12 form-group">
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => inventory.remove(i)}
                >
                  {t("moveIn.remove")}
                  <span className="visually-hidden"> {t("moveIn.inventory.row", { n: i + 1 })}</span>
                </button>
              </div>
            </div>
          ))}
          <button
            id="move-in-inventory-add"
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-describedby={errorOf("inventoryList") ? "move-in-inventory-error" : undefined}
            onClick={() => inventory.append({ item: "", quantity: "1", condition: "", notes: "" })}
          >
            {t("moveIn.inventory.add")}
          </button>
          {errorOf("inventoryList") ? (
            <div id="move-in-inventory-error" className="field-error">
              {errorOf("inventoryList")}
            </div>
          ) : null}
        </FieldSet>

        <TextAreaField
          id="move-in-notes"
          label={t("moveIn.notes")}
          rows={3}
          error={errorOf("notes")}
          registration={register("notes")}
        />

        {canWrite ? (
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
              {isSubmitting
                ? t("form.sending")
                : record.completedOn
                  ? t("moveIn.saveCorrections")
                  : t("moveIn.save")}
            </button>
            {record.completedOn ? null : (
              <button
                id="move-in-complete"
                type="submit"
                className="btn btn-outline-primary"
                disabled={isSubmitting}
                aria-describedby={
                  errorOf("completion") ? "move-in-completion-error" : "move-in-complete-hint"
                }
                onClick={() => {
                  completing.current = true;
                }}
              >
                {t("moveIn.complete")}
              </button>
            )}
          </div>
        ) : null}
        {canWrite && !record.completedOn ? (
          <small id="move-in-complete-hint" className="form-text d-block mt-2">
            {t("moveIn.completeHint")}
          </small>
        ) : null}
        {errorOf("completion") ? (
          <div id="move-in-completion-error" className="field-error">
            {errorOf("completion")}
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}

/**
 * Verbale di consegna: the move-in checklist of a tenancy — meter readings, keys handed over,
 * installations explained, inventory. Saved as often as needed; completed once every required item is
 * there. Read-only without `tenancies:write`. Meant to sit on the tenancy's page.
 */
export function MoveInChecklist({ tenancyId }: { tenancyId: string }) {
  const { t } = useMaintenanceT();
  const query = useMoveIn(tenancyId);
  return (
    <section aria-labelledby="move-in-title">
      <h2 id="move-in-title" className="h3">
        {t("moveIn.title")}
      </h2>
      {query.data ? (
        <>
          <p className="lead">
            {t("moveIn.lead", {
              reference: query.data.tenancy.reference,
              unit: query.data.tenancy.unit.code,
              address: query.data.tenancy.unit.address,
            })}
          </p>
          <ChecklistForm record={query.data} tenancyId={tenancyId} />
        </>
      ) : query.error ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
