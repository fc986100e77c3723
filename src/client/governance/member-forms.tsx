// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { MemberInput, MemberUpdate } from "../../domain/governance/governance.ts";
import type { BodyDetail, BodyList, MemberView } from "../../domain/governance/governance-api.schema.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday, orNull, orUndefined } from "../funding/funding-form.tsx";
import { useAddMember, useUpdateMember } from "./governance-api.ts";
import { useGovernanceForm } from "./governance-form.tsx";
import { useGovernanceLabels, useGovernanceT } from "./governance-i18n.ts";

// A body's members and referents: a new membership, and the end (or a correction) of one. The
// Cabina's limit of six members is the API's to check: a seventh is refused beside the day it starts.

const MEMBER_FIELDS = ["personName", "organisationCode", "role", "from", "to"] as const;
type MemberField = (typeof MEMBER_FIELDS)[number];

/** Aggiungi un componente o un referente: the person, the organisation she represents, her role, her days. */
export function AddMemberForm({
  detail,
  organisations,
  onSaved,
}: {
  detail: BodyDetail;
  organisations: BodyList["organisations"];
  onSaved: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const { t: common } = useTranslation();
  const labels = useGovernanceLabels();
  const add = useAddMember(detail.body.id);
  const form = useGovernanceForm<MemberField, MemberInput>({
    id: "member-new",
    schema: MemberInput,
    fields: MEMBER_FIELDS,
    defaults: { personName: "", organisationCode: "", role: "", from: localToday(), to: "" },
    inputOf: (v) => ({
      personName: v.personName,
      organisationCode: v.organisationCode,
      role: orUndefined(v.role),
      from: v.from,
      to: orNull(v.to),
    }),
    labelOf: (f) => t(`memberForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await add.mutateAsync(input);
      onSaved(t("memberForm.done", { name: saved.personName, role: labels.role(saved.role) }));
    },
  });
  const limit = detail.body.memberLimit;
  return (
    <FormCard
      id="member-new"
      level={3}
      title={t("memberForm.title")}
      lead={limit === null ? t("memberForm.lead") : t("memberForm.leadLimit", { limit })}
    >
      <form noValidate onSubmit={form.submit} aria-labelledby="member-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("personName", "col-12 col-md-6", { required: true })}
          {form.select(
            "organisationCode",
            "col-12 col-md-6",
            organisations.map((o) => ({ value: o.code, label: o.name })),
            { required: true, empty: t("form.choose") },
          )}
          {form.select("role", "col-12 col-md-4", labels.roleOptions, {
            required: true,
            empty: t("form.choose"),
          })}
          {form.text("from", "col-12 col-md-4", { type: "date", required: true })}
          {form.text("to", "col-12 col-md-4", { type: "date", hint: t("memberForm.toHint") })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("memberForm.save")} />
      </form>
    </FormCard>
  );
}

const UPDATE_FIELDS = ["role", "from", "to"] as const;
type UpdateField = (typeof UPDATE_FIELDS)[number];

/** Modifica: a membership's role and days; its end (`to`) closes it. */
export function UpdateMemberPanel({
  member,
  onSaved,
}: {
  member: MemberView;
  onSaved: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const id = `member-${member.id}-update`;
  return (
    <div className="py-2">
      <section className="card shadow-sm" aria-labelledby={`${id}-heading`}>
        <div className="card-body">
          <h3 id={`${id}-heading`} className="h5">
            {t("memberUpdate.title", { name: member.personName })}
          </h3>
          <p className="small">{t("memberUpdate.lead")}</p>
          {/* A saved change brings a new version: the form starts again from what was saved. */}
          <UpdateMemberForm key={member.version} id={id} member={member} onSaved={onSaved} />
        </div>
      </section>
    </div>
  );
}

function UpdateMemberForm(props: { id: string; member: MemberView; onSaved: (text: string) => void }) {
  const { id, member } = props;
  const { t } = useGovernanceT();
  const format = useFormat();
  const labels = useGovernanceLabels();
  const update = useUpdateMember(member.id);
  const form = useGovernanceForm<UpdateField, MemberUpdate>({
    id,
    schema: MemberUpdate,
    fields: UPDATE_FIELDS,
    defaults: { role: member.role, from: member.from, to: member.to ?? "" },
    inputOf: (v) => ({
      personName: member.personName,
      organisationCode: member.organisationCode,
      role: orUndefined(v.role),
      from: v.from,
      to: orNull(v.to),
      version: member.version,
    }),
    labelOf: (f) => t(`memberForm.${f}`),
    save: async (input) => {
      const saved = await update.mutateAsync(input);
      props.onSaved(
        saved.to === null
          ? t("memberUpdate.done", { name: saved.personName, role: labels.role(saved.role) })
          : t("memberUpdate.doneUntil", { name: saved.personName, date: format.date(saved.to) }),
      );
    },
  });
  return (
    <form noValidate onSubmit={form.submit} aria-labelledby={`${id}-heading`}>
      {form.problems}
      <div className="row">
        {form.select("role", "col-12 col-md-4", labels.roleOptions, { required: true })}
        {form.text("from", "col-12 col-md-4", { type: "date", required: true })}
        {form.text("to", "col-12 col-md-4", { type: "date", hint: t("memberForm.toHint") })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("memberUpdate.save")} />
    </form>
  );
}
