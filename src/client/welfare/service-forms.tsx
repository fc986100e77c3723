// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { scopeOfRole } from "../../domain/auth/roles.ts";
import { ActivityInput, WelfareServiceInput } from "../../domain/welfare/welfare.ts";
import type { WelfareServiceView } from "../../domain/welfare/welfare-api.schema.ts";
import { useMe } from "../auth/session.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday, orNull, orUndefined, useDone } from "../funding/funding-form.tsx";
import { useBodies } from "../governance/governance-api.ts";
import { useRecordActivity, useStartService } from "./welfare-api.ts";
import { countOf, useWelfareForm } from "./welfare-form.tsx";
import { useWelfareLabels, useWelfareT } from "./welfare-i18n.ts";

// A shared service started (what, where, run by whom, since when) and its activities recorded, each
// with how many took part and how many of them live in the programme's homes: counts, never names.

const SERVICE_FIELDS = [
  "kind",
  "name",
  "buildingCode",
  "town",
  "municipio",
  "organisationCode",
  "startedOn",
  "endedOn",
  "description",
] as const;
type ServiceField = (typeof SERVICE_FIELDS)[number];

export const MUNICIPI = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * Avvia un servizio condiviso: its kind and name, a building's (by its code) or a neighbourhood's (by
 * town and Municipio), the organisation running it (the programme's roles choose; a partner runs its
 * own), since when.
 */
export function StartServiceForm() {
  const { t } = useWelfareT();
  const { t: common } = useTranslation();
  const labels = useWelfareLabels();
  const { data: me } = useMe();
  const programme = me != null && scopeOfRole(me.role) === "programme";
  const bodies = useBodies();
  const start = useStartService();
  const done = useDone();
  const form = useWelfareForm<ServiceField, WelfareServiceInput>({
    id: "service-new",
    schema: WelfareServiceInput,
    fields: SERVICE_FIELDS,
    defaults: {
      kind: "",
      name: "",
      buildingCode: "",
      town: "Milano",
      municipio: "",
      organisationCode: "",
      startedOn: localToday(),
      endedOn: "",
      description: "",
    },
    inputOf: (v) => ({
      kind: orUndefined(v.kind),
      name: v.name,
      buildingCode: orNull(v.buildingCode),
      town: v.town,
      municipio: v.municipio === "" ? null : Number(v.municipio),
      organisationCode: programme ? orNull(v.organisationCode) : null,
      startedOn: v.startedOn,
      endedOn: orNull(v.endedOn),
      description: v.description,
    }),
    labelOf: (f) => t(`serviceForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await start.mutateAsync(input);
      done.say(t("serviceForm.done", { name: saved.name, place: labels.place(saved) }));
    },
  });
  const organisations = (bodies.data?.organisations ?? [])
    .filter((o) => o.code !== me?.organisation.code)
    .map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }));
  return (
    <FormCard id="service-new" level={3} title={t("serviceForm.title")} lead={t("serviceForm.lead")}>
      {done.node}
      <form noValidate onSubmit={form.submit} aria-labelledby="service-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <FieldSet legend={t("serviceForm.what")}>
          <div className="row">
            {form.select("kind", "col-12 col-md-5", labels.kindOptions, {
              required: true,
              empty: t("form.choose"),
            })}
            {form.text("name", "col-12 col-md-7", { required: true })}
            {form.area("description", "col-12", { rows: 3 })}
          </div>
        </FieldSet>
        <FieldSet legend={t("serviceForm.where")}>
          <div className="row">
            {form.text("buildingCode", "col-12 col-md-4", { hint: t("serviceForm.buildingCodeHint") })}
            {form.text("town", "col-12 col-md-4", { required: true, autoComplete: "address-level2" })}
            {form.select(
              "municipio",
              "col-12 col-md-4",
              MUNICIPI.map((m) => ({ value: String(m), label: t("form.municipioN", { n: m }) })),
              { empty: t("form.noMunicipio"), hint: t("serviceForm.municipioHint") },
            )}
          </div>
        </FieldSet>
        <FieldSet legend={t("serviceForm.who")}>
          <div className="row">
            {programme
              ? form.select("organisationCode", "col-12 col-md-6", organisations, {
                  empty: t("serviceForm.ownOrganisation", { name: me?.organisation.name ?? "" }),
                })
              : null}
            {form.text("startedOn", "col-12 col-md-3", { type: "date", required: true })}
            {form.text("endedOn", "col-12 col-md-3", { type: "date", hint: t("serviceForm.endedOnHint") })}
          </div>
        </FieldSet>
        <SubmitButton submitting={form.isSubmitting} label={t("serviceForm.save")} />
      </form>
    </FormCard>
  );
}

const ACTIVITY_FIELDS = ["title", "heldOn", "participants", "residents", "note"] as const;
type ActivityField = (typeof ACTIVITY_FIELDS)[number];

/** Registra un'attività: what, on which day, how many took part and how many of them are residents. */
export function ActivityForm({
  service,
  onSaved,
}: {
  service: WelfareServiceView;
  onSaved: (text: string) => void;
}) {
  const { t } = useWelfareT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const record = useRecordActivity(service.id);
  const id = `activity-${service.id}`;
  const form = useWelfareForm<ActivityField, ActivityInput>({
    id,
    schema: ActivityInput,
    fields: ACTIVITY_FIELDS,
    defaults: { title: "", heldOn: localToday(), participants: "", residents: "", note: "" },
    inputOf: (v) => ({
      title: v.title,
      heldOn: v.heldOn,
      participants: countOf(v.participants),
      residents: countOf(v.residents),
      note: v.note,
    }),
    labelOf: (f) => t(`activityForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      await record.mutateAsync(input);
      onSaved(
        t("activityForm.done", {
          title: input.title,
          name: service.name,
          date: format.date(input.heldOn),
          count: input.participants,
        }),
      );
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit}
      aria-label={t("activityForm.formName", { name: service.name })}
      className="mt-3"
    >
      <p className="small">
        {t("activityForm.lead")} {common("form.requiredNote")}
      </p>
      {form.problems}
      <div className="row">
        {form.text("title", "col-12 col-md-8", { required: true })}
        {form.text("heldOn", "col-12 col-md-4", { type: "date", required: true })}
        {form.text("participants", "col-12 col-md-4", {
          type: "number",
          inputMode: "numeric",
          min: 0,
          required: true,
        })}
        {form.text("residents", "col-12 col-md-4", {
          type: "number",
          inputMode: "numeric",
          min: 0,
          hint: t("activityForm.residentsHint"),
        })}
        {form.text("note", "col-12 col-md-4", { hint: t("activityForm.noteHint") })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("activityForm.save")} />
    </form>
  );
}
