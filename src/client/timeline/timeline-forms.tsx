// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { TimelineItemInput, TimelineItemUpdate } from "../../domain/timeline/timeline.ts";
import type { TimelineItemView, TimelineList } from "../../domain/timeline/timeline-api.schema.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { useCreateTimelineItem, useUpdateTimelineItem } from "./timeline-api.ts";
import { orNull, orUndefined, useDone, useTimelineForm, withRules } from "./timeline-form.tsx";
import { useTimelineLabels, useTimelineT } from "./timeline-i18n.ts";

type Context = Pick<TimelineList, "asOf" | "convention" | "owners">;

const NEW_FIELDS = [
  "line",
  "kind",
  "title",
  "description",
  "ownerCode",
  "ownerName",
  "plannedStart",
  "plannedEnd",
] as const;
type NewField = (typeof NEW_FIELDS)[number];

/** Nuova fase o traguardo: line, kind, title, owner, planned dates. It starts as not started. */
export function NewItemSection({ context }: { context: Context }) {
  const { t } = useTimelineT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const labels = useTimelineLabels();
  const create = useCreateTimelineItem();
  const done = useDone();
  const form = useTimelineForm<NewField, TimelineItemInput>({
    id: "timeline-new",
    schema: withRules(TimelineItemInput, { today: context.asOf, convention: context.convention }),
    fields: NEW_FIELDS,
    defaults: {
      line: "",
      kind: "",
      title: "",
      description: "",
      ownerCode: context.owners[0]?.code ?? "",
      ownerName: "",
      plannedStart: "",
      plannedEnd: "",
    },
    inputOf: (v) => ({
      line: orUndefined(v.line),
      kind: orUndefined(v.kind),
      title: v.title,
      description: v.description,
      ownerCode: orNull(v.ownerCode),
      ownerName: v.ownerName,
      plannedStart: v.plannedStart,
      plannedEnd: orNull(v.plannedEnd),
    }),
    labelOf: (f) => t(`fields.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await create.mutateAsync(input);
      done.say(t("form.done", { title: saved.title, standing: labels.standing(saved.standing) }));
    },
  });
  const ownerOptions = context.owners.map((o) => ({ value: o.code, label: o.name }));
  return (
    <section className="card shadow-sm mt-5" aria-labelledby="timeline-new-heading">
      <div className="card-body">
        <h2 id="timeline-new-heading" className="h3">
          {t("form.title")}
        </h2>
        <p className="small">
          {t("form.lead", {
            start: format.date(context.convention.start),
            end: format.date(context.convention.end),
          })}{" "}
          {common("form.requiredNote")}
        </p>
        {done.node}
        <form noValidate onSubmit={form.submit} aria-labelledby="timeline-new-heading">
          {form.problems}
          <FieldSet legend={t("form.legend")}>
            <div className="row">
              {form.select("line", "col-12 col-md-6", labels.lineOptions, {
                required: true,
                empty: t("form.chooseLine"),
              })}
              {form.select("kind", "col-12 col-md-6", labels.kindOptions, {
                required: true,
                empty: t("form.chooseKind"),
              })}
              {form.text("title", "col-12", { required: true })}
              {form.area("description", "col-12")}
              {form.select("ownerCode", "col-12 col-md-6", ownerOptions, { required: true })}
              {form.text("ownerName", "col-12 col-md-6")}
              {form.text("plannedStart", "col-12 col-md-6", { type: "date", required: true })}
              {form.text("plannedEnd", "col-12 col-md-6", { type: "date", hint: t("form.plannedEndHint") })}
            </div>
          </FieldSet>
          <SubmitButton submitting={form.isSubmitting} label={t("form.save")} />
        </form>
      </div>
    </section>
  );
}

const UPDATE_FIELDS = ["status", "actualStart", "actualEnd", "ownerName"] as const;
type UpdateField = (typeof UPDATE_FIELDS)[number];

/** Aggiorna: an item's status, its actual dates and who answers for it; the plan stays as it is. */
export function UpdateItemPanel({ item, context }: { item: TimelineItemView; context: Context }) {
  const { t } = useTimelineT();
  const format = useFormat();
  const done = useDone();
  const id = `timeline-${item.id}-update`;
  const planned =
    item.kind === "milestone"
      ? format.date(item.plannedStart)
      : t("table.range", { from: format.date(item.plannedStart), to: format.date(item.plannedEnd) });
  return (
    <div className="py-2">
      {done.node}
      <section className="card shadow-sm" aria-labelledby={`${id}-heading`}>
        <div className="card-body">
          <h3 id={`${id}-heading`} className="h5">
            {t("update.title", { title: item.title })}
          </h3>
          <p className="small">{t("update.lead", { planned })}</p>
          {/* A saved change brings a new version: the form starts again from what was saved. */}
          <UpdateItemForm key={item.version} id={id} item={item} context={context} onSaved={done.say} />
        </div>
      </section>
    </div>
  );
}

function UpdateItemForm(props: {
  id: string;
  item: TimelineItemView;
  context: Context;
  onSaved: (text: string) => void;
}) {
  const { id, item, context } = props;
  const { t } = useTimelineT();
  const labels = useTimelineLabels();
  const update = useUpdateTimelineItem(item.id);
  const form = useTimelineForm<UpdateField, TimelineItemUpdate>({
    id,
    schema: withRules(TimelineItemUpdate, { today: context.asOf, convention: context.convention }),
    fields: UPDATE_FIELDS,
    defaults: {
      status: item.status,
      actualStart: item.actualStart ?? "",
      actualEnd: item.actualEnd ?? "",
      ownerName: item.ownerName,
    },
    inputOf: (v) => ({
      line: item.line,
      kind: item.kind,
      title: item.title,
      description: item.description,
      ownerCode: null,
      ownerName: v.ownerName,
      plannedStart: item.plannedStart,
      plannedEnd: item.plannedEnd,
      actualStart: orNull(v.actualStart),
      actualEnd: orNull(v.actualEnd),
      status: orUndefined(v.status),
      position: item.position,
      version: item.version,
    }),
    labelOf: (f) => t(`fields.${f}`),
    save: async (input) => {
      const saved = await update.mutateAsync(input);
      props.onSaved(t("update.done", { title: saved.title, standing: labels.standing(saved.standing) }));
    },
  });
  return (
    <form noValidate onSubmit={form.submit} aria-labelledby={`${id}-heading`}>
      {form.problems}
      <div className="row">
        {form.select("status", "col-12 col-md-6 col-lg-3", labels.statusOptions, { required: true })}
        {form.text("actualStart", "col-12 col-md-6 col-lg-3", { type: "date" })}
        {form.text("actualEnd", "col-12 col-md-6 col-lg-3", { type: "date" })}
        {form.text("ownerName", "col-12 col-md-6 col-lg-3")}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("update.save")} />
    </form>
  );
}
