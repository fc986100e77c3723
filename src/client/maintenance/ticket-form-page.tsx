// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { useMemo } from "react";
import {
  type FieldErrors,
  type Resolver,
  type ResolverResult,
  type UseFormRegisterReturn,
  useForm,
} from "react-hook-form";
import {
  PortalTicketCreate,
  TICKET_URGENCIES,
  TicketCreate,
  type TicketUrgency,
} from "../../domain/maintenance/ticket.schema.ts";
import { TICKET_DEADLINE_HOURS } from "../../domain/maintenance/ticket-deadline.ts";
import {
  PHOTO_NOT_AN_IMAGE,
  PHOTO_TOO_LARGE,
  PHOTO_TOO_MANY,
  TICKET_PHOTO_MAX_BYTES,
  TICKET_PHOTO_MAX_COUNT,
  TICKET_PHOTO_TYPES,
} from "../../domain/maintenance/ticket-photo.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { navigate, useLocation } from "../router.tsx";
import { useOpenTicket, useUploadPhoto } from "./maintenance-api.ts";
import { useMaintenanceLabels, useMaintenanceMessage, useMaintenanceT } from "./maintenance-i18n.ts";
import { MAINTENANCE_PATH, PORTAL_TICKETS_PATH, type TicketMode, ticketHref } from "./maintenance-paths.ts";
import "./maintenance.css";

type Values = {
  unitId: string;
  category: string;
  urgency: string;
  title: string;
  description: string;
  assignee: string;
  photos: FileList | null;
};
type Field = keyof Values;
const FIELDS: readonly Field[] = [
  "unitId",
  "category",
  "urgency",
  "title",
  "description",
  "assignee",
  "photos",
];
const isField = (path: string): path is Field => FIELDS.some((f) => f === path);

type Output = { input: TicketCreate | PortalTicketCreate; photos: File[] };

const orUndefined = (v: string) => (v.trim() === "" ? undefined : v);

/** The problem of the chosen photos, checked before anything is sent (the server checks again). */
export function photosProblem(files: readonly File[]): string | null {
  if (files.length > TICKET_PHOTO_MAX_COUNT) return PHOTO_TOO_MANY;
  if (files.some((f) => f.size > TICKET_PHOTO_MAX_BYTES)) return PHOTO_TOO_LARGE;
  if (files.some((f) => !TICKET_PHOTO_TYPES.some((type) => type === f.type))) return PHOTO_NOT_AN_IMAGE;
  return null;
}

/** The shared schema of the mode (staff or tenant), plus the photos' count, size and type. */
function ticketResolver(mode: TicketMode): Resolver<Values, unknown, Output> {
  return async (values, _context, options): Promise<ResolverResult<Values, Output>> => {
    const raw = {
      category: orUndefined(values.category),
      urgency: orUndefined(values.urgency),
      title: mode === "portal" ? orUndefined(values.title) : values.title,
      description: values.description,
      ...(mode === "staff" ? { unitId: values.unitId, assignee: values.assignee } : {}),
    };
    const parsed = mode === "staff" ? TicketCreate.safeParse(raw) : PortalTicketCreate.safeParse(raw);
    const flat: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        flat[isField(path) ? path : "root"] ??= { type: issue.code, message: issue.message };
      }
    }
    const photos = [...(values.photos ?? [])];
    const problem = photosProblem(photos);
    if (problem !== null) flat.photos = { type: "photos", message: problem };
    if (!parsed.success || Object.keys(flat).length > 0)
      return { values: {}, errors: toNestErrors(flat, options) };
    return { values: { input: parsed.data, photos }, errors: {} };
  };
}

const fieldId = (name: string) => `ticket-${name}`;

/** The urgency as radio buttons, each saying its deadline. */
function UrgencyChoice(props: {
  registration: UseFormRegisterReturn;
  error: string | undefined;
  legend: string;
}) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const errorId = `${fieldId("urgency")}-error`;
  return (
    <fieldset className="form-group urgency-choice" aria-describedby={props.error ? errorId : undefined}>
      <legend className="h6">
        {props.legend}
        <span className="text-danger ms-1" aria-hidden="true">
          *
        </span>
      </legend>
      {TICKET_URGENCIES.map((urgency: TicketUrgency, i) => (
        <div className="form-check" key={urgency}>
          <input
            type="radio"
            id={i === 0 ? fieldId("urgency") : `${fieldId("urgency")}-${urgency}`}
            value={urgency}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={`${fieldId("urgency")}-${urgency}-hint${props.error ? ` ${errorId}` : ""}`}
            {...props.registration}
          />
          <label htmlFor={i === 0 ? fieldId("urgency") : `${fieldId("urgency")}-${urgency}`}>
            {labels.urgency(urgency)}
            <span id={`${fieldId("urgency")}-${urgency}-hint`} className="urgency-hint">
              {t(`urgencyHints.${urgency}`, { hours: TICKET_DEADLINE_HOURS[urgency] })}
            </span>
          </label>
        </div>
      ))}
      {props.error ? (
        <div id={errorId} className="field-error">
          {props.error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** The photos to send with a ticket (or to add to it): several at once, checked before sending. */
export function PhotoInput(props: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
}) {
  const { t } = useMaintenanceT();
  const described = [`${props.id}-hint`, props.error ? `${props.id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="form-group">
      <label htmlFor={props.id} className="active">
        {props.label}
      </label>
      <input
        id={props.id}
        type="file"
        multiple
        accept={TICKET_PHOTO_TYPES.join(",")}
        className={`form-control${props.error ? " is-invalid" : ""}`}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        {...props.registration}
      />
      <small id={`${props.id}-hint`} className="form-text">
        {t("photos.hint", { count: TICKET_PHOTO_MAX_COUNT })}
      </small>
      {props.error ? (
        <div id={`${props.id}-error`} className="field-error">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Nuova segnalazione: staff choose the unit and may name an assignee; a tenant's ticket is about the
 * home they rent. Photos go up after the ticket is opened, one by one.
 */
export function TicketFormPage({ mode }: { mode: TicketMode }) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const message = useMaintenanceMessage();
  const { search } = useLocation();
  const open = useOpenTicket(mode);
  const upload = useUploadPhoto(mode);
  const resolver = useMemo(() => ticketResolver(mode), [mode]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, Output>({
    resolver,
    defaultValues: {
      unitId: search.get("alloggio") ?? "",
      category: "",
      urgency: "",
      title: "",
      description: "",
      assignee: "",
      photos: null,
    },
  });
  const fieldLabels: Record<Field, string> = {
    unitId: t("fields.unit"),
    category: t("fields.category"),
    urgency: t("fields.urgency"),
    title: mode === "portal" ? t("form.titleOptional") : t("fields.title"),
    description: mode === "portal" ? t("form.whatHappened") : t("fields.description"),
    assignee: t("fields.assignee"),
    photos: t("photos.label"),
  };
  const summary = useErrorSummary<Field>({
    errors,
    setFocus,
    fieldOf: (path) => (isField(path) ? path : null),
    fieldId,
    labelOf: (name) => fieldLabels[name],
    message,
  });
  const errorOf = summary.errorOf;
  const submit = handleSubmit(
    async ({ input, photos }) => {
      summary.clear();
      let ticketId: string;
      try {
        ticketId = (await open.mutateAsync(input)).id;
      } catch (e) {
        summary.refused(e, setError);
        return;
      }
      let failed = 0;
      for (const file of photos) {
        try {
          await upload.mutateAsync({ ticketId, file });
        } catch {
          failed += 1;
        }
      }
      navigate(`${ticketHref(mode, ticketId)}?inviata=1${failed > 0 ? `&fotoNonCaricate=${failed}` : ""}`);
    },
    (invalid) => summary.invalid(invalid),
  );
  const unexpected = open.error && !isApiError(open.error) ? open.error : null;
  const title = mode === "staff" ? t("form.staffTitle") : t("form.portalTitle");
  return (
    <div className={mode === "portal" ? "portal-page" : undefined}>
      <RecordBreadcrumb
        listHref={mode === "staff" ? MAINTENANCE_PATH : PORTAL_TICKETS_PATH}
        listLabel={mode === "staff" ? t("list.title") : t("portal.title")}
        current={title}
      />
      <PageTitle title={title} lead={mode === "staff" ? t("form.staffLead") : t("form.portalLead")} />
      <form noValidate onSubmit={submit} aria-labelledby="page-title" encType="multipart/form-data">
        <p className="small">{t("form.requiredNote")}</p>
        {unexpected ? <ErrorAlert error={unexpected} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="ticket-form-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          {mode === "staff" ? (
            <TextField
              id={fieldId("unitId")}
              label={fieldLabels.unitId}
              className="col-12 col-md-6"
              required
              autoComplete="off"
              hint={t("form.unitHint")}
              error={errorOf("unitId")}
              registration={register("unitId")}
            />
          ) : null}
          <SelectField
            id={fieldId("category")}
            label={fieldLabels.category}
            className="col-12 col-md-6"
            required
            empty={t("form.choose")}
            options={labels.categoryOptions}
            error={errorOf("category")}
            registration={register("category")}
          />
        </div>
        <UrgencyChoice
          legend={fieldLabels.urgency}
          error={errorOf("urgency")}
          registration={register("urgency")}
        />
        <TextField
          id={fieldId("title")}
          label={fieldLabels.title}
          required={mode === "staff"}
          hint={mode === "portal" ? t("form.titleHint") : undefined}
          error={errorOf("title")}
          registration={register("title")}
        />
        <TextAreaField
          id={fieldId("description")}
          label={fieldLabels.description}
          rows={5}
          required
          hint={t("form.descriptionHint")}
          error={errorOf("description")}
          registration={register("description")}
        />
        {mode === "staff" ? (
          <TextField
            id={fieldId("assignee")}
            label={fieldLabels.assignee}
            hint={t("form.assigneeHint")}
            error={errorOf("assignee")}
            registration={register("assignee")}
          />
        ) : null}
        <PhotoInput
          id={fieldId("photos")}
          label={fieldLabels.photos}
          error={errorOf("photos")}
          registration={register("photos")}
        />
        <div className="d-flex flex-wrap gap-2">
          <SubmitButton submitting={isSubmitting} label={t("form.submit")} busyLabel={t("form.sending")} />
        </div>
      </form>
    </div>
  );
}
