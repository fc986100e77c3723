// SPDX-License-Identifier: EUPL-1.2
import { type ReactNode, useState } from "react";
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormSetError,
  useForm,
} from "react-hook-form";
import { CostLineInput, vatOf } from "../../domain/works/works.ts";
import {
  AwardInput,
  CancelInput,
  CompleteInput,
  PhaseUpdate,
  type WorksDetail,
} from "../../domain/works/works-api.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { centsOf } from "../tenancies/money.ts";
import {
  useAddCost,
  useAward,
  useCancelWorks,
  useComplete,
  useContractors,
  useSavePhase,
  useSaveStandards,
} from "./works-api.ts";
import { missingOf, useWorksLabels, useWorksMessage, useWorksT } from "./works-i18n.ts";

// The moves of a works, each a small form checked by the shared schema before it is sent. Each sends
// the version read with the works; the page keys the forms by it, so a saved move starts them afresh.

/** Today where the browser runs, as YYYY-MM-DD: the default of the forms' dates. */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

type ActionProps = {
  works: WorksDetail;
  /** Said once, in the page's live region, after a move was saved. */
  onDone: (text: string) => void;
  onReload: () => void;
};

/**
 * What a refused move says that has no field of its own in the form: the messages in the interface
 * language (the missing standards as a list), and for a stale version the way to reload.
 */
function Refused({
  error,
  isField,
  onReload,
  reloadAlso = () => false,
}: {
  error: unknown;
  isField: (path: string) => boolean;
  onReload: () => void;
  /** An error at one of these paths, too, is cured by reading the works again. */
  reloadAlso?: (path: string) => boolean;
}) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const message = useWorksMessage();
  if (!error) return null;
  if (!isApiError(error) || error.status === 0 || error.status === 403 || error.status === 404)
    return <ErrorAlert error={error} />;
  const loose = error.errors.filter((i) => !isField(i.path));
  if (error.errors.length > 0 && loose.length === 0) return null;
  const texts = loose.length > 0 ? loose.map((i) => i.message) : [error.detail];
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1} ref={focusOnMount}>
      {texts.map((text) => {
        const missing = missingOf(text);
        if (missing.length === 0)
          return (
            <p className="mb-0" key={text}>
              {message(text)}
            </p>
          );
        return (
          <div key={text}>
            <p className="mb-1">{t("complete.missing")}</p>
            <ul className="mb-0">
              {missing.map((code) => (
                <li key={code}>{labels.standard(code)}</li>
              ))}
            </ul>
          </div>
        );
      })}
      {error.status === 409 || error.errors.some((i) => reloadAlso(i.path)) ? (
        <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={onReload}>
          {t("detail.reload")}
        </button>
      ) : null}
    </div>
  );
}

/** Put a refused move's field errors on the form's fields and focus the first; the rest is `Refused`'s. */
function placeErrors<V extends FieldValues>(
  error: unknown,
  fieldOf: (path: string) => Path<V> | null,
  setError: UseFormSetError<V>,
  setFocus: (name: Path<V>) => void,
) {
  if (!isApiError(error)) return;
  let first: Path<V> | null = null;
  for (const issue of error.errors) {
    const field = fieldOf(issue.path);
    if (field === null) continue;
    setError(field, { type: "server", message: issue.message });
    first ??= field;
  }
  if (first !== null) setFocus(first);
}

function ActionCard({
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
    <section className="card shadow-sm mb-4" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h4">
          {title}
        </h2>
        {lead ? <p className="small">{lead}</p> : null}
        {children}
      </div>
    </section>
  );
}

type AwardValues = { contractorId: string; awardedOn: string };

/** Affidamento: a contractor of the register and the day; an expired registration is refused beside the select. */
export function AwardForm({ works, onDone, onReload }: ActionProps) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const message = useWorksMessage();
  const contractors = useContractors();
  const award = useAward(works.id);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<AwardValues, unknown, AwardInput>({
    resolver: schemaResolver<AwardValues, AwardInput>(AwardInput, (v) => ({
      contractorId: v.contractorId === "" ? undefined : v.contractorId,
      awardedOn: v.awardedOn,
      version: works.version,
    })),
    defaultValues: { contractorId: works.contractor?.id ?? "", awardedOn: works.awardedOn ?? localToday() },
  });
  const fieldOf = (path: string) => (path === "contractorId" || path === "awardedOn" ? path : null);
  const errorOf = (name: keyof AwardValues) => {
    const text = messageAt(errors, name);
    return text === undefined ? undefined : message(text);
  };
  const submit = handleSubmit(
    async (input) => {
      try {
        const saved = await award.mutateAsync(input);
        onDone(t("award.done", { name: saved.contractorName ?? "" }));
      } catch (e) {
        placeErrors<AwardValues>(e, fieldOf, setError, setFocus);
      }
    },
    (invalid) => setFocus(invalid.contractorId ? "contractorId" : "awardedOn"),
  );
  const items = contractors.data?.items ?? [];
  return (
    <ActionCard id="works-award" title={t("award.title")} lead={t("award.lead")}>
      {contractors.error ? (
        <ErrorAlert error={contractors.error} onRetry={() => contractors.refetch()} />
      ) : null}
      {contractors.data && items.length === 0 ? <p>{t("award.noContractors")}</p> : null}
      <Refused error={award.error} isField={(p) => fieldOf(p) !== null} onReload={onReload} />
      <form noValidate onSubmit={submit}>
        <div className="row">
          <SelectField
            id="award-contractorId"
            className="col-12 col-md-7"
            label={t("award.contractor")}
            required
            empty={t("award.choose")}
            options={items.map((c) => ({
              value: c.id,
              label: t("award.option", { name: c.name, standing: labels.standing(c.standing) }),
            }))}
            error={errorOf("contractorId")}
            registration={register("contractorId")}
          />
          <TextField
            id="award-awardedOn"
            className="col-12 col-md-5"
            type="date"
            label={t("award.awardedOn")}
            required
            error={errorOf("awardedOn")}
            registration={register("awardedOn")}
          />
        </div>
        <SubmitButton submitting={isSubmitting} label={t("award.save")} />
      </form>
    </ActionCard>
  );
}

type Phase = WorksDetail["phases"][number];
type PhaseFields = Record<string, string>;

/**
 * The wiring every phase form shares, for one phase's actual dates and for a new phase alike: the
 * values become a `PhaseUpdate` at `position` with the version read, the schema's and the API's
 * issues (`phase.<field>`) go beside the form's own fields; what has no field is for `Refused`.
 */
function usePhaseForm<V extends PhaseFields>({
  works,
  position,
  fields,
  phaseOf,
  defaultValues,
}: {
  works: WorksDetail;
  position: number;
  /** The form's fields, in the order of the form: the first with an error takes the focus. */
  fields: readonly (keyof V & string)[];
  /** The values as the schema's `phase`. */
  phaseOf: (values: V) => Record<string, unknown>;
  defaultValues: V;
}) {
  const message = useWorksMessage();
  const save = useSavePhase(works.id);
  const fieldOf = (path: string): Path<V> | null => {
    const own = path.replace(/^phase\./, "");
    return (fields.find((f) => f === own) as Path<V> | undefined) ?? null;
  };
  const form = useForm<V, unknown, PhaseUpdate>({
    resolver: schemaResolver<V, PhaseUpdate>(
      PhaseUpdate,
      (v) => ({ position, phase: phaseOf(v), version: works.version }),
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: defaultValues as DefaultValues<V>,
  });
  const { errors } = form.formState;
  return {
    form,
    save,
    fieldOf,
    errorOf: (name: keyof V & string) => {
      const text = messageAt(errors, name);
      return text === undefined ? undefined : message(text);
    },
    /** For the invalid handler: the focus on the first field with an error. */
    focusFirst: (invalid: FieldErrors<V>) => {
      const first = fields.find((f) => invalid[f]);
      if (first !== undefined) form.setFocus(first as Path<V>);
    },
    /** Send the phase; `true` once saved, else its field errors are beside the fields. */
    send: async (input: PhaseUpdate): Promise<boolean> => {
      try {
        await save.mutateAsync(input);
        return true;
      } catch (e) {
        placeErrors<V>(e, fieldOf, form.setError, form.setFocus);
        return false;
      }
    },
  };
}

type PhaseValues = { actualStart: string; actualEnd: string };
const PHASE_DATES = ["actualStart", "actualEnd"] as const;

/** One phase's actual dates; a start on a day the contractor may not work is refused beside the field. */
function PhaseDatesForm({ works, phase, onDone, onReload }: ActionProps & { phase: Phase }) {
  const { t } = useWorksT();
  const n = phase.position;
  const { form, save, fieldOf, errorOf, focusFirst, send } = usePhaseForm<PhaseValues>({
    works,
    position: n,
    fields: PHASE_DATES,
    phaseOf: (v) => ({
      name: phase.name,
      plannedStart: phase.plannedStart,
      plannedEnd: phase.plannedEnd,
      actualStart: v.actualStart === "" ? null : v.actualStart,
      actualEnd: v.actualEnd === "" ? null : v.actualEnd,
    }),
    defaultValues: { actualStart: phase.actualStart ?? "", actualEnd: phase.actualEnd ?? "" },
  });
  const { register, handleSubmit } = form;
  const submit = handleSubmit(async (input) => {
    if (await send(input)) onDone(t("phaseForm.done", { n }));
  }, focusFirst);
  return (
    <form noValidate onSubmit={submit} className="phase-card">
      <h3 className="h6">{t("phaseForm.legend", { n, name: phase.name })}</h3>
      <Refused error={save.error} isField={(p) => fieldOf(p) !== null} onReload={onReload} />
      <div className="row">
        <TextField
          id={`phase-${n}-actualStart`}
          className="col-12 col-md-6"
          type="date"
          label={t("phaseForm.actualStart", { n })}
          error={errorOf("actualStart")}
          registration={register("actualStart")}
        />
        <TextField
          id={`phase-${n}-actualEnd`}
          className="col-12 col-md-6"
          type="date"
          label={t("phaseForm.actualEnd", { n })}
          error={errorOf("actualEnd")}
          registration={register("actualEnd")}
        />
      </div>
      <SubmitButton submitting={form.formState.isSubmitting} label={t("phaseForm.save", { n })} />
    </form>
  );
}

type NewPhaseValues = { name: string; plannedStart: string; plannedEnd: string };
const NEW_PHASE_FIELDS = ["name", "plannedStart", "plannedEnd"] as const;
type NewPhaseField = (typeof NEW_PHASE_FIELDS)[number];

/**
 * Aggiungi una fase: its name and planned dates, as the next phase of the schedule; the actual dates
 * are recorded afterwards in the phase's own form.
 */
export function AddPhaseForm({ works, onDone, onReload }: ActionProps) {
  const { t } = useWorksT();
  const message = useWorksMessage();
  const n = works.phases.length + 1;
  const { form, save, fieldOf, errorOf, focusFirst, send } = usePhaseForm<NewPhaseValues>({
    works,
    position: n,
    fields: NEW_PHASE_FIELDS,
    phaseOf: (v) => ({
      name: v.name,
      plannedStart: v.plannedStart === "" ? undefined : v.plannedStart,
      plannedEnd: v.plannedEnd === "" ? undefined : v.plannedEnd,
      actualStart: null,
      actualEnd: null,
    }),
    defaultValues: { name: "", plannedStart: "", plannedEnd: "" },
  });
  const { register, handleSubmit, setFocus } = form;
  const labelOf = (name: NewPhaseField) => t(`addPhase.${name}`, { n });
  const fieldId = (name: NewPhaseField) => `add-phase-${name}`;
  const summary = useErrorSummary<NewPhaseField>({
    errors: form.formState.errors,
    setFocus: (name) => setFocus(name),
    fieldOf: (path) => fieldOf(path),
    fieldId,
    labelOf,
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      if (await send(input)) onDone(t("addPhase.done", { n, name: input.phase.name }));
    },
    (invalid) => {
      summary.clear();
      focusFirst(invalid);
    },
  );
  return (
    <ActionCard id="works-add-phase" title={t("addPhase.title")} lead={t("addPhase.lead", { n })}>
      <Refused
        error={save.error}
        isField={(p) => fieldOf(p) !== null}
        onReload={onReload}
        reloadAlso={(p) => p === "position"}
      />
      <form noValidate onSubmit={submit}>
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id="add-phase-errors" />
        <div className="row">
          {NEW_PHASE_FIELDS.map((name) => (
            <TextField
              key={name}
              id={fieldId(name)}
              className={name === "name" ? "col-12" : "col-12 col-md-6"}
              type={name === "name" ? "text" : "date"}
              label={labelOf(name)}
              required
              error={errorOf(name)}
              registration={register(name)}
            />
          ))}
        </div>
        <SubmitButton submitting={form.formState.isSubmitting} label={t("addPhase.save", { n })} />
      </form>
    </ActionCard>
  );
}

/** Date effettive: a small form per phase. */
export function PhaseForms(props: ActionProps) {
  const { t } = useWorksT();
  return (
    <ActionCard id="works-phases" title={t("phaseForm.title")} lead={t("phaseForm.lead")}>
      {props.works.status === "planned" ? <p>{t("phaseForm.awardFirst")}</p> : null}
      {props.works.phases.map((phase) => (
        <PhaseDatesForm key={phase.position} {...props} phase={phase} />
      ))}
    </ActionCard>
  );
}

type CostValues = {
  description: string;
  supplier: string;
  invoiceNumber: string;
  invoiceDate: string;
  amount: string;
  vat: string;
  fundingSource: string;
};
const COST_FIELDS: Record<string, keyof CostValues> = {
  description: "description",
  supplier: "supplier",
  invoiceNumber: "invoiceNumber",
  invoiceDate: "invoiceDate",
  amountExVatCents: "amount",
  vatCents: "vat",
  fundingSource: "fundingSource",
};

/** Registra un costo: the invoice, its amounts in euro (VAT at the works' rate when left empty), its source. */
export function CostForm({ works, onDone, onReload }: ActionProps) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const message = useWorksMessage();
  const format = useFormat();
  const add = useAddCost(works.id);
  const fieldOf = (path: string): keyof CostValues | null => COST_FIELDS[path] ?? null;
  const empty: CostValues = {
    description: "",
    supplier: "",
    invoiceNumber: "",
    invoiceDate: "",
    amount: "",
    vat: "",
    fundingSource: "",
  };
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CostValues, unknown, CostLineInput>({
    resolver: schemaResolver<CostValues, CostLineInput>(
      CostLineInput,
      (v) => {
        const amount = centsOf(v.amount);
        const vat =
          v.vat.trim() === "" && typeof amount === "number" ? vatOf(amount, works.vatRateBp) : centsOf(v.vat);
        return {
          description: v.description,
          supplier: v.supplier,
          invoiceNumber: v.invoiceNumber,
          invoiceDate: v.invoiceDate,
          amountExVatCents: amount,
          vatCents: vat,
          fundingSource: v.fundingSource === "" ? undefined : v.fundingSource,
        };
      },
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: empty,
  });
  const errorOf = (name: keyof CostValues) => {
    const text = messageAt(errors, name);
    return text === undefined ? undefined : message(text);
  };
  const submit = handleSubmit(
    async (input) => {
      try {
        await add.mutateAsync(input);
        reset(empty);
        onDone(t("cost.done"));
      } catch (e) {
        placeErrors<CostValues>(e, fieldOf, setError, setFocus);
      }
    },
    (invalid) => {
      const first = (Object.keys(empty) as (keyof CostValues)[]).find((k) => invalid[k]);
      if (first) setFocus(first);
    },
  );
  const text = (
    name: keyof CostValues,
    className: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      id={`cost-${name}`}
      className={className}
      label={t(`cost.${name}`)}
      required={name !== "supplier" && name !== "vat"}
      error={errorOf(name)}
      registration={register(name)}
      {...extra}
    />
  );
  return (
    <ActionCard id="works-cost" title={t("cost.title")}>
      <Refused error={add.error} isField={(p) => fieldOf(p) !== null} onReload={onReload} />
      <form noValidate onSubmit={submit}>
        <div className="row">
          {text("description", "col-12 col-md-8")}
          {text("supplier", "col-12 col-md-4")}
          {text("invoiceNumber", "col-12 col-md-4")}
          {text("invoiceDate", "col-12 col-md-4", { type: "date" })}
          <SelectField
            id="cost-fundingSource"
            className="col-12 col-md-4"
            label={t("cost.fundingSource")}
            required
            empty={t("cost.choose")}
            options={labels.sourceOptions}
            error={errorOf("fundingSource")}
            registration={register("fundingSource")}
          />
          {text("amount", "col-12 col-md-6", { inputMode: "decimal" })}
          {text("vat", "col-12 col-md-6", {
            inputMode: "decimal",
            hint: t("cost.vatHint", { rate: format.percent(works.vatRateBp / 10_000) }),
          })}
        </div>
        <SubmitButton submitting={isSubmitting} label={t("cost.save")} />
      </form>
    </ActionCard>
  );
}

/** La lista di controllo: a checkbox per standard of the works' target group. */
export function StandardsForm({ works, onDone, onReload }: ActionProps) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const save = useSaveStandards(works.id);
  const [ticked, setTicked] = useState<readonly string[]>(works.standards.ticked);
  const [sending, setSending] = useState(false);
  const toggle = (code: string, on: boolean) =>
    setTicked((current) => (on ? [...current, code] : current.filter((c) => c !== code)));
  return (
    <ActionCard id="works-standards" title={t("checklist.title")} lead={t("checklist.lead")}>
      <Refused error={save.error} isField={() => false} onReload={onReload} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSending(true);
          try {
            // In the checklist's order, whatever the order of the clicks.
            const inOrder = works.standards.items.filter((c) => ticked.includes(c));
            await save.mutateAsync({ ticked: inOrder, version: works.version });
            onDone(t("checklist.done"));
          } catch {
            // Shown by `Refused`.
          } finally {
            setSending(false);
          }
        }}
      >
        <fieldset className="mb-3">
          <legend className="h6">
            {t("detail.checklistProgress", { done: ticked.length, total: works.standards.items.length })}
          </legend>
          <div className="standards-list">
            {works.standards.items.map((code) => (
              <div className="form-check" key={code}>
                <input
                  type="checkbox"
                  id={`standard-${code}`}
                  checked={ticked.includes(code)}
                  onChange={(e) => toggle(code, e.currentTarget.checked)}
                />
                <label htmlFor={`standard-${code}`}>{labels.standard(code)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <SubmitButton submitting={sending} label={t("checklist.save")} />
      </form>
    </ActionCard>
  );
}

type CompleteValues = { completedOn: string };

/** Conclusione: once every phase ended and every standard is met; what is missing is listed. */
export function CompleteForm({ works, onDone, onReload }: ActionProps) {
  const { t } = useWorksT();
  const message = useWorksMessage();
  const complete = useComplete(works.id);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<CompleteValues, unknown, CompleteInput>({
    resolver: schemaResolver<CompleteValues, CompleteInput>(CompleteInput, (v) => ({
      completedOn: v.completedOn,
      version: works.version,
    })),
    defaultValues: { completedOn: localToday() },
  });
  const fieldOf = (path: string) => (path === "completedOn" ? path : null);
  const text = messageAt(errors, "completedOn");
  const submit = handleSubmit(
    async (input) => {
      try {
        await complete.mutateAsync(input);
        onDone(t("complete.done"));
      } catch (e) {
        placeErrors<CompleteValues>(e, fieldOf, setError, setFocus);
      }
    },
    () => setFocus("completedOn"),
  );
  return (
    <ActionCard id="works-complete" title={t("complete.title")} lead={t("complete.lead")}>
      <Refused error={complete.error} isField={(p) => fieldOf(p) !== null} onReload={onReload} />
      <form noValidate onSubmit={submit}>
        <TextField
          id="complete-completedOn"
          className="col-12 col-md-6"
          type="date"
          label={t("complete.completedOn")}
          required
          error={text === undefined ? undefined : message(text)}
          registration={register("completedOn")}
        />
        <SubmitButton submitting={isSubmitting} label={t("complete.save")} />
      </form>
    </ActionCard>
  );
}

type CancelValues = { reason: string };

/**
 * Annulla i lavori: with the reason, which stays in the works' and the units' history; units under
 * works go back to be renovated, the costs recorded stay. Said plainly on the button, as it is final.
 */
export function CancelForm({ works, onDone, onReload }: ActionProps) {
  const { t } = useWorksT();
  const message = useWorksMessage();
  const cancel = useCancelWorks(works.id);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<CancelValues, unknown, CancelInput>({
    resolver: schemaResolver<CancelValues, CancelInput>(CancelInput, (v) => ({
      reason: v.reason,
      version: works.version,
    })),
    defaultValues: { reason: "" },
  });
  const fieldOf = (path: string) => (path === "reason" ? path : null);
  const summary = useErrorSummary<"reason">({
    errors,
    setFocus: (name) => setFocus(name),
    fieldOf,
    fieldId: () => "cancel-reason",
    labelOf: () => t("cancel.reason"),
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        await cancel.mutateAsync(input);
        onDone(t("cancel.done"));
      } catch (e) {
        placeErrors<CancelValues>(e, fieldOf, setError, setFocus);
      }
    },
    () => {
      summary.clear();
      setFocus("reason");
    },
  );
  return (
    <ActionCard id="works-cancel" title={t("cancel.title")} lead={t("cancel.lead")}>
      <Refused error={cancel.error} isField={(p) => fieldOf(p) !== null} onReload={onReload} />
      <form noValidate onSubmit={submit}>
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id="cancel-errors" />
        <TextAreaField
          id="cancel-reason"
          label={t("cancel.reason")}
          hint={t("cancel.reasonHint")}
          required
          rows={3}
          error={summary.errorOf("reason")}
          registration={register("reason")}
        />
        <button type="submit" className="btn btn-danger" disabled={isSubmitting}>
          {isSubmitting ? t("cancel.sending") : t("cancel.save")}
        </button>
      </form>
    </ActionCard>
  );
}
