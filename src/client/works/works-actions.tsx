// SPDX-License-Identifier: EUPL-1.2
import { type ReactNode, useState } from "react";
import { type FieldValues, type Path, type UseFormSetError, useForm } from "react-hook-form";
import { CostLineInput, vatOf } from "../../domain/works/works.ts";
import {
  AwardInput,
  CompleteInput,
  PhaseUpdate,
  type WorksDetail,
} from "../../domain/works/works-api.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SelectField, SubmitButton, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useFormat } from "../format.ts";
import { centsOf } from "../tenancies/money.ts";
import {
  useAddCost,
  useAward,
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
}: {
  error: unknown;
  isField: (path: string) => boolean;
  onReload: () => void;
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
      {error.status === 409 ? (
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

type PhaseValues = { actualStart: string; actualEnd: string };
type Phase = WorksDetail["phases"][number];

/** One phase's actual dates; a start on a day the contractor may not work is refused beside the field. */
function PhaseDatesForm({ works, phase, onDone, onReload }: ActionProps & { phase: Phase }) {
  const { t } = useWorksT();
  const message = useWorksMessage();
  const save = useSavePhase(works.id);
  const n = phase.position;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<PhaseValues, unknown, PhaseUpdate>({
    resolver: schemaResolver<PhaseValues, PhaseUpdate>(
      PhaseUpdate,
      (v) => ({
        position: n,
        phase: {
          name: phase.name,
          plannedStart: phase.plannedStart,
          plannedEnd: phase.plannedEnd,
          actualStart: v.actualStart === "" ? null : v.actualStart,
          actualEnd: v.actualEnd === "" ? null : v.actualEnd,
        },
        version: works.version,
      }),
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: { actualStart: phase.actualStart ?? "", actualEnd: phase.actualEnd ?? "" },
  });
  function fieldOf(path: string): keyof PhaseValues | null {
    const own = path.replace(/^phase\./, "");
    return own === "actualStart" || own === "actualEnd" ? own : null;
  }
  const errorOf = (name: keyof PhaseValues) => {
    const text = messageAt(errors, name);
    return text === undefined ? undefined : message(text);
  };
  const submit = handleSubmit(
    async (input) => {
      try {
        await save.mutateAsync(input);
        onDone(t("phaseForm.done", { n }));
      } catch (e) {
        placeErrors<PhaseValues>(e, fieldOf, setError, setFocus);
      }
    },
    (invalid) => setFocus(invalid.actualStart ? "actualStart" : "actualEnd"),
  );
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
      <SubmitButton submitting={isSubmitting} label={t("phaseForm.save", { n })} />
    </form>
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
