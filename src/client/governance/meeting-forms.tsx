// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MeetingInput, MinutesInput } from "../../domain/governance/governance.ts";
import type { BodyDetail, MeetingView, MemberView } from "../../domain/governance/governance-api.schema.ts";
import { activeOn } from "../../domain/governance/governance-rules.ts";
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES } from "../../domain/households/document.schema.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday, orNull } from "../funding/funding-form.tsx";
import { usePlanMeeting, useRecordMinutes, useUploadAttachment } from "./governance-api.ts";
import { ticked, useGovernanceForm } from "./governance-form.tsx";
import { useGovernanceLabels, useGovernanceT } from "./governance-i18n.ts";

// A body's meetings: one planned (day, time, place, agenda), then what it was (who attended, its
// minutes), and the files that go with it.

const MEETING_FIELDS = ["date", "startsAt", "place", "agenda", "annualReview"] as const;
type MeetingField = (typeof MEETING_FIELDS)[number];

/** The agenda's text, one item a line, as the schema's list; blank lines left out. */
export const agendaOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** Pianifica una riunione: its day and time, its place, its agenda; for the Cabina, the annual review. */
export function PlanMeetingForm({
  detail,
  onSaved,
}: {
  detail: BodyDetail;
  onSaved: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const plan = usePlanMeeting(detail.body.id);
  const directive = detail.body.level === "directive";
  const form = useGovernanceForm<MeetingField, MeetingInput>({
    id: "meeting-new",
    schema: MeetingInput,
    fields: MEETING_FIELDS,
    defaults: { date: localToday(), startsAt: "", place: "", agenda: "", annualReview: "" },
    inputOf: (v) => ({
      date: v.date,
      startsAt: orNull(v.startsAt),
      place: v.place,
      agenda: agendaOf(v.agenda),
      annualReview: directive && ticked(v.annualReview),
    }),
    labelOf: (f) => t(`meetingForm.${f}`),
    fieldOf: (path) => (path.startsWith("agenda") ? "agenda" : null),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await plan.mutateAsync(input);
      onSaved(t("meetingForm.done", { date: format.date(saved.date), count: saved.agenda.length }));
    },
  });
  return (
    <FormCard id="meeting-new" level={3} title={t("meetingForm.title")} lead={t("meetingForm.lead")}>
      <form noValidate onSubmit={form.submit} aria-labelledby="meeting-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("date", "col-12 col-md-4", { type: "date", required: true })}
          {form.text("startsAt", "col-12 col-md-4", { type: "time", hint: t("meetingForm.startsAtHint") })}
          {form.text("place", "col-12 col-md-4")}
          {form.area("agenda", "col-12", { required: true, rows: 4, hint: t("meetingForm.agendaHint") })}
          {directive
            ? form.check("annualReview", "col-12 mb-3", { hint: t("meetingForm.annualReviewHint") })
            : null}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("meetingForm.save")} />
      </form>
    </FormCard>
  );
}

const MINUTES_FIELDS = ["attendeeIds", "minutes"] as const;
type MinutesField = (typeof MINUTES_FIELDS)[number];

/** The ticked boxes of a group as the form gives them: a list, one value, or nothing. */
const listOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : typeof value === "string" && value !== ""
      ? [value]
      : [];

/** The memberships that cover a meeting's day: who may be marked present. */
export const membersOn = (members: readonly MemberView[], day: string) =>
  members.filter((m) => activeOn(m, day));

/** Registra presenze e verbale: a box for each member or referent of that day, and the minutes. */
export function MinutesForm({
  meeting,
  members,
  onSaved,
}: {
  meeting: MeetingView;
  members: readonly MemberView[];
  onSaved: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const labels = useGovernanceLabels();
  const record = useRecordMinutes(meeting.id);
  const id = `meeting-${meeting.id}-minutes`;
  const present = membersOn(members, meeting.date);
  const form = useGovernanceForm<MinutesField, MinutesInput>({
    id,
    schema: MinutesInput,
    fields: MINUTES_FIELDS,
    // A group of boxes starts as an empty list, so the form gives a list whatever is ticked.
    defaults: { attendeeIds: [] as unknown as string, minutes: "" },
    inputOf: (v) => ({ attendeeIds: listOf(v.attendeeIds), minutes: v.minutes, version: meeting.version }),
    labelOf: (f) => t(`minutesForm.${f}`),
    fieldOf: (path) => (path.startsWith("attendeeIds") ? "attendeeIds" : null),
    save: async (input) => {
      await record.mutateAsync(input);
      onSaved(t("minutesForm.done", { date: format.date(meeting.date), count: input.attendeeIds.length }));
    },
  });
  const groupId = form.fieldId("attendeeIds");
  const groupError = form.errorOf("attendeeIds");
  const date = format.date(meeting.date);
  return (
    <FormCard id={id} level={4} title={t("minutesForm.title", { date })} lead={t("minutesForm.lead")}>
      <form noValidate onSubmit={form.submit} aria-labelledby={`${id}-title`}>
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <fieldset
          id={groupId}
          className="mb-3 governance-check-group"
          aria-describedby={groupError ? `${groupId}-error` : undefined}
        >
          <legend className="h6">{t("minutesForm.attendeeIds")}</legend>
          {present.length === 0 ? <p className="small">{t("minutesForm.nobody")}</p> : null}
          {present.map((member, i) => {
            const boxId = `${groupId}-${i}`;
            return (
              <div className="form-check" key={member.id}>
                <input id={boxId} type="checkbox" value={member.id} {...form.register("attendeeIds")} />
                <label htmlFor={boxId}>
                  {t("minutesForm.attendee", {
                    name: member.personName,
                    role: labels.role(member.role),
                    organisation: member.organisationName,
                  })}
                </label>
              </div>
            );
          })}
          {groupError ? (
            <div id={`${groupId}-error`} className="field-error">
              {groupError}
            </div>
          ) : null}
        </fieldset>
        {form.area("minutes", "col-12", { required: true, rows: 5, hint: t("minutesForm.minutesHint") })}
        <SubmitButton submitting={form.isSubmitting} label={t("minutesForm.save")} />
      </form>
    </FormCard>
  );
}

// The message the API gives when no file comes, so its translation applies to both.
const FILE_REQUIRED = "Attach one file in the field `file`";
/** One file of an accepted type and size, checked before sending as the API checks it. */
const AttachmentUpload = z.object({
  file: z
    .custom<File>((f) => f instanceof File, { error: FILE_REQUIRED })
    .refine((f) => f.size <= DOCUMENT_MAX_BYTES, { error: "A file may be at most 10 MiB" })
    .refine((f) => DOCUMENT_CONTENT_TYPES.some((type) => type === f.type), {
      error: "Attach a PDF, PNG or JPEG file",
    }),
});
type AttachmentUpload = z.infer<typeof AttachmentUpload>;

/** Allega un documento: one file at a time to a meeting (its agenda's papers, the signed minutes). */
export function AttachmentForm({
  meeting,
  onSaved,
}: {
  meeting: MeetingView;
  onSaved: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const format = useFormat();
  const upload = useUploadAttachment(meeting.id);
  const id = `meeting-${meeting.id}-attachment`;
  const form = useGovernanceForm<"file", AttachmentUpload>({
    id,
    schema: AttachmentUpload,
    fields: ["file"],
    defaults: { file: "" },
    inputOf: (v) => ({ file: (v.file as unknown as FileList | undefined)?.[0] }),
    labelOf: () => t("attachmentForm.file"),
    resetAfterSave: true,
    save: async (input) => {
      const body = new FormData();
      body.set("file", input.file, input.file.name);
      await upload.mutateAsync(body);
      onSaved(t("attachmentForm.done", { name: input.file.name, date: format.date(meeting.date) }));
    },
  });
  const fileId = form.fieldId("file");
  const fileError = form.errorOf("file");
  return (
    <form
      noValidate
      onSubmit={form.submit}
      encType="multipart/form-data"
      aria-label={t("attachmentForm.title", { date: format.date(meeting.date) })}
    >
      {form.problems}
      <div className="form-group mb-2">
        <label htmlFor={fileId} className="active">
          {t("attachmentForm.file")}
        </label>
        <input
          id={fileId}
          type="file"
          accept={DOCUMENT_CONTENT_TYPES.join(",")}
          className={`form-control${fileError ? " is-invalid" : ""}`}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ""}`}
          {...form.register("file")}
        />
        <small id={`${fileId}-hint`} className="form-text">
          {t("attachmentForm.hint")}
        </small>
        {fileError ? (
          <div id={`${fileId}-error`} className="field-error">
            {fileError}
          </div>
        ) : null}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("attachmentForm.save")} />
    </form>
  );
}
