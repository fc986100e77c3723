// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { AnnouncementInput } from "../../domain/workspace/workspace.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { FormCard, orNull } from "../funding/funding-form.tsx";
import { useBodies } from "../governance/governance-api.ts";
import { usePublishAnnouncement } from "./workspace-api.ts";
import { useWorkspaceForm } from "./workspace-form.tsx";
import { useWorkspaceT } from "./workspace-i18n.ts";

const FIELDS = ["title", "body", "bodyId"] as const;
type Field = (typeof FIELDS)[number];

/** Pubblica un avviso: its title and text, to every partner or to one governance body's organisations. */
export function AnnouncementForm({ onSaved }: { onSaved: (text: string) => void }) {
  const { t } = useWorkspaceT();
  const { t: common } = useTranslation();
  const bodies = useBodies();
  const publish = usePublishAnnouncement();
  const form = useWorkspaceForm<Field, AnnouncementInput>({
    id: "announcement",
    schema: AnnouncementInput,
    fields: FIELDS,
    defaults: { title: "", body: "", bodyId: "" },
    inputOf: (v) => ({ title: v.title, body: v.body, bodyId: orNull(v.bodyId) }),
    labelOf: (f) => t(`announcementForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await publish.mutateAsync(input);
      onSaved(t("announcementForm.done", { title: saved.title, count: saved.recipients }));
    },
  });
  const audiences = (bodies.data?.bodies ?? []).map((b) => ({ value: b.id, label: b.name }));
  return (
    <FormCard
      id="announcement-new"
      level={3}
      title={t("announcementForm.heading")}
      lead={t("announcementForm.lead")}
    >
      <form noValidate onSubmit={form.submit} aria-labelledby="announcement-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("title", "col-12 col-md-7", { required: true })}
          {form.select("bodyId", "col-12 col-md-5", audiences, {
            empty: t("announcements.everyone"),
            hint: t("announcementForm.bodyIdHint"),
          })}
          {form.area("body", "col-12", { required: true, rows: 5 })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("announcementForm.save")} />
      </form>
    </FormCard>
  );
}
