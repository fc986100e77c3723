// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { type ReactNode, useMemo, useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import {
  type AllowedTransition,
  TICKET_URGENCIES,
  type TicketDetail,
  type TicketStatus,
  TicketTransition,
  TicketUpdate,
  type TicketUrgency,
} from "../../domain/maintenance/ticket.schema.ts";
import { TICKET_PHOTO_MAX_COUNT } from "../../domain/maintenance/ticket-photo.ts";
import { acceptsChanges, acceptsPhotos, transitionProblems } from "../../domain/maintenance/ticket-status.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import {
  photoSrc,
  useTicket,
  useTransitionTicket,
  useUpdateTicket,
  useUploadPhoto,
} from "./maintenance-api.ts";
import { useMaintenanceLabels, useMaintenanceMessage, useMaintenanceT } from "./maintenance-i18n.ts";
import { MAINTENANCE_PATH, PORTAL_TICKETS_PATH, type TicketMode } from "./maintenance-paths.ts";
import { Deadline, TicketStatusBadge, UrgencyBadge } from "./ticket-badges.tsx";
import { PhotoInput, photosProblem } from "./ticket-form-page.tsx";

type Entry = { label: string; value: ReactNode };

function Facts({ title, entries }: { title: string; entries: Entry[] }) {
  return (
    <section className="card shadow-sm h-100" aria-labelledby="ticket-facts-title">
      <div className="card-body">
        <h2 id="ticket-facts-title" className="h5">
          {title}
        </h2>
        <dl className="facts mb-0">
          {entries.map((e) => (
            <div key={e.label} className="facts-row">
              <dt>{e.label}</dt>
              <dd>{e.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

/** An outcome said once, in a live region, with the focus on it. */
function useAnnouncement() {
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const region = (
    <div aria-live="polite">
      {done ? (
        <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
          {done.text}
        </div>
      ) : null}
    </div>
  );
  return { region, announce: (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 })) };
}

/** The message of a refused change that has no field of its own, in the interface language. */
function RefusedAlert({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const message = useMaintenanceMessage();
  if (!error) return null;
  if (!isApiError(error) || error.status === 0 || error.status === 403 || error.status === 404)
    return <ErrorAlert error={error} />;
  if (error.errors.some((i) => fields.includes(i.path))) return null;
  const text = error.errors[0]?.message ?? error.detail;
  return (
    <div className="alert alert-danger" role="alert">
      {message(text)}
    </div>
  );
}

type TransitionValues = { to: string; reason: string };

/** The shared schema, then the transition table: a move that needs a reason says so before sending. */
function transitionResolver(from: TicketStatus): Resolver<TransitionValues, unknown, TicketTransition> {
  return async (values, _context, options) => {
    const parsed = TicketTransition.safeParse({
      to: values.to === "" ? undefined : values.to,
      reason: values.reason,
    });
    const flat: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        flat[issue.path.join(".") || "to"] ??= { type: issue.code, message: issue.message };
    } else {
      for (const issue of transitionProblems(from, parsed.data.to, parsed.data.reason))
        flat[issue.path] ??= { type: "rule", message: issue.message };
    }
    if (Object.keys(flat).length > 0) return { values: {}, errors: toNestErrors(flat, options) };
    return { values: parsed.success ? parsed.data : ({} as TicketTransition), errors: {} };
  };
}

/** Cambia stato: the moves allowed from the current status, with the reason where one is required. */
function TransitionForm({
  ticket,
  onDone,
}: {
  ticket: TicketDetail;
  onDone: (status: TicketStatus) => void;
}) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const message = useMaintenanceMessage();
  const transition = useTransitionTicket(ticket.id);
  const resolver = useMemo(() => transitionResolver(ticket.status), [ticket.status]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<TransitionValues, unknown, TicketTransition>({
    resolver,
    defaultValues: { to: "", reason: "" },
  });
  const chosen = ticket.allowedTransitions.find((a) => a.to === watch("to"));
  const errorOf = (name: keyof TransitionValues) => {
    const text = messageAt(errors, name);
    return text === undefined ? undefined : message(text);
  };
  const submit = handleSubmit(
    async (input) => {
      try {
        const moved = await transition.mutateAsync({ ...input, version: ticket.version });
        reset({ to: "", reason: "" });
        onDone(moved.status);
      } catch (e) {
        if (!isApiError(e)) return;
        const issue = e.errors.find((i) => i.path === "reason" || i.path === "to");
        if (issue) {
          const field = issue.path === "reason" ? "reason" : "to";
          setError(field, { type: "server", message: issue.message });
          setFocus(field === "to" ? "to" : "reason");
        }
      }
    },
    (invalid) => setFocus(invalid.to ? "to" : "reason"),
  );
  const toError = errorOf("to");
  const reasonRequired = chosen?.reasonRequired ?? false;
  return (
    <section className="card shadow-sm mb-4" aria-labelledby="ticket-transition-title">
      <div className="card-body">
        <h2 id="ticket-transition-title" className="h5">
          {t("detail.transition.title")}
        </h2>
        <p className="small">{t("detail.transition.intro", { status: labels.status(ticket.status) })}</p>
        <RefusedAlert error={transition.error} fields={["to", "reason"]} />
        <form noValidate onSubmit={submit}>
          <fieldset className="form-group" aria-describedby={toError ? "ticket-to-error" : undefined}>
            <legend className="h6">{t("detail.transition.to")}</legend>
            {ticket.allowedTransitions.map((a: AllowedTransition, i) => (
              <div className="form-check" key={a.to}>
                <input
                  type="radio"
                  id={i === 0 ? "ticket-to" : `ticket-to-${a.to}`}
                  value={a.to}
                  aria-invalid={toError ? true : undefined}
                  {...register("to")}
                />
                <label htmlFor={i === 0 ? "ticket-to" : `ticket-to-${a.to}`}>
                  {labels.status(a.to)}
                  {a.reasonRequired ? ` ${t("detail.transition.needsReason")}` : ""}
                </label>
              </div>
            ))}
            {toError ? (
              <div id="ticket-to-error" className="field-error">
                {toError}
              </div>
            ) : null}
          </fieldset>
          <TextAreaField
            id="ticket-reason"
            label={reasonRequired ? t("detail.transition.reasonRequired") : t("detail.transition.reason")}
            rows={2}
            required={reasonRequired}
            hint={t("detail.transition.reasonHint")}
            error={errorOf("reason")}
            registration={register("reason")}
          />
          <SubmitButton submitting={isSubmitting} label={t("detail.transition.submit")} />
        </form>
      </div>
    </section>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as a `datetime-local` value, in the browser's time zone. */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

type AssignValues = { assignee: string; urgency: string; dueAt: string };
const ASSIGN_FIELDS = ["assignee", "urgency", "dueAt"] as const;

/** Only what changed is sent, with the version read; the shared schema checks it first. */
function assignResolver(ticket: TicketDetail): Resolver<AssignValues, unknown, TicketUpdate> {
  return async (values, _context, options) => {
    const dueAt = values.dueAt === "" || values.dueAt === localInput(ticket.dueAt) ? undefined : values.dueAt;
    const dueAtIso = dueAt === undefined ? undefined : new Date(dueAt);
    const parsed = TicketUpdate.safeParse({
      version: ticket.version,
      assignee: values.assignee.trim() === ticket.assignee ? undefined : values.assignee,
      urgency: values.urgency === ticket.urgency ? undefined : values.urgency,
      dueAt:
        dueAtIso === undefined
          ? undefined
          : Number.isNaN(dueAtIso.getTime())
            ? values.dueAt
            : dueAtIso.toISOString(),
    });
    if (parsed.success) return { values: parsed.data, errors: {} };
    const flat: FieldErrors = {};
    for (const issue of parsed.error.issues)
      flat[issue.path.join(".") || "assignee"] ??= { type: issue.code, message: issue.message };
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

/** Assegnazione e scadenza: who does the work, the urgency (the deadline follows it) or the deadline itself. */
function AssignForm({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const message = useMaintenanceMessage();
  const update = useUpdateTicket(ticket.id);
  const resolver = useMemo(() => assignResolver(ticket), [ticket]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<AssignValues, unknown, TicketUpdate>({
    resolver,
    values: { assignee: ticket.assignee, urgency: ticket.urgency, dueAt: localInput(ticket.dueAt) },
  });
  const errorOf = (name: keyof AssignValues) => {
    const text = messageAt(errors, name);
    return text === undefined ? undefined : message(text);
  };
  const submit = handleSubmit(
    async (patch) => {
      try {
        await update.mutateAsync(patch);
        onDone();
      } catch (e) {
        if (!isApiError(e)) return;
        const issue = e.errors.find((i) => ASSIGN_FIELDS.some((f) => f === i.path));
        const field = ASSIGN_FIELDS.find((f) => f === issue?.path);
        if (issue && field) {
          setError(field, { type: "server", message: issue.message });
          setFocus(field);
        }
      }
    },
    (invalid) => {
      const first = ASSIGN_FIELDS.find((f) => invalid[f]);
      if (first) setFocus(first);
    },
  );
  const stale = isApiError(update.error, 409) && update.error.errors.some((i) => i.path === "version");
  return (
    <section className="card shadow-sm mb-4" aria-labelledby="ticket-assign-title">
      <div className="card-body">
        <h2 id="ticket-assign-title" className="h5">
          {t("detail.assign.title")}
        </h2>
        {stale ? (
          <div className="alert alert-warning" role="alert">
            {t("detail.assign.stale")}
          </div>
        ) : (
          <RefusedAlert error={update.error} fields={ASSIGN_FIELDS} />
        )}
        <form noValidate onSubmit={submit}>
          <TextField
            id="ticket-assign-assignee"
            label={t("fields.assignee")}
            hint={t("form.assigneeHint")}
            error={errorOf("assignee")}
            registration={register("assignee")}
          />
          <SelectField
            id="ticket-assign-urgency"
            label={t("fields.urgency")}
            hint={t("detail.assign.urgencyHint")}
            options={TICKET_URGENCIES.map((u: TicketUrgency) => ({ value: u, label: labels.urgency(u) }))}
            error={errorOf("urgency")}
            registration={register("urgency")}
          />
          <TextField
            id="ticket-assign-dueAt"
            label={t("fields.dueAt")}
            type="datetime-local"
            hint={t("detail.assign.dueAtHint")}
            error={errorOf("dueAt")}
            registration={register("dueAt")}
          />
          <SubmitButton submitting={isSubmitting} label={t("detail.assign.submit")} />
        </form>
      </div>
    </section>
  );
}

type PhotoValues = { photos: FileList | null };

/** Add photos to a ticket, up to the 6 a ticket may have. */
function PhotoUploadForm({
  ticket,
  mode,
  onDone,
}: {
  ticket: TicketDetail;
  mode: TicketMode;
  onDone: (n: number) => void;
}) {
  const { t } = useMaintenanceT();
  const message = useMaintenanceMessage();
  const upload = useUploadPhoto(mode);
  const room = TICKET_PHOTO_MAX_COUNT - ticket.photos.length;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PhotoValues>({ defaultValues: { photos: null } });
  const text = messageAt(errors, "photos");
  const submit = handleSubmit(async ({ photos }) => {
    const files = [...(photos ?? [])];
    const problem =
      files.length === 0
        ? "Choose the photos to add"
        : files.length > room
          ? "A ticket may have at most 6 photos"
          : photosProblem(files);
    if (problem !== null) {
      setError("photos", { type: "photos", message: problem });
      setFocus("photos");
      return;
    }
    let added = 0;
    for (const file of files) {
      try {
        await upload.mutateAsync({ ticketId: ticket.id, file });
        added += 1;
      } catch (e) {
        setError("photos", {
          type: "server",
          message: isApiError(e) ? (e.errors[0]?.message ?? e.detail) : "The photo could not be sent",
        });
        setFocus("photos");
        break;
      }
    }
    if (added > 0) {
      reset({ photos: null });
      onDone(added);
    }
  });
  return (
    <form noValidate onSubmit={submit} className="mt-3" encType="multipart/form-data">
      <PhotoInput
        id="ticket-add-photos"
        label={t("photos.add")}
        error={text === undefined ? undefined : message(text)}
        registration={register("photos")}
      />
      <SubmitButton submitting={isSubmitting} label={t("photos.submit")} busyLabel={t("form.sending")} />
    </form>
  );
}

function Photos({
  ticket,
  mode,
  canAdd,
  onAdded,
}: {
  ticket: TicketDetail;
  mode: TicketMode;
  canAdd: boolean;
  onAdded: (n: number) => void;
}) {
  const { t } = useMaintenanceT();
  const format = useFormat();
  const total = ticket.photos.length;
  return (
    <section className="mb-4" aria-labelledby="ticket-photos-title">
      <h2 id="ticket-photos-title" className="h4">
        {t("photos.title")}
      </h2>
      {total === 0 ? <p>{t("photos.none")}</p> : null}
      {total > 0 ? (
        <ul className="ticket-photos">
          {ticket.photos.map((photo, i) => (
            <li key={photo.id}>
              <figure>
                <a href={photoSrc(mode, ticket.id, photo.id)} target="_blank" rel="noreferrer">
                  <img
                    src={photoSrc(mode, ticket.id, photo.id)}
                    alt={t("photos.alt", {
                      n: i + 1,
                      total,
                      reference: ticket.reference,
                      title: ticket.title,
                    })}
                  />
                </a>
                <figcaption>
                  {photo.fileName} · {format.dateTime(photo.uploadedAt)}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : null}
      {canAdd && acceptsPhotos(ticket.status) && total < TICKET_PHOTO_MAX_COUNT ? (
        <PhotoUploadForm ticket={ticket} mode={mode} onDone={onAdded} />
      ) : null}
    </section>
  );
}

function History({ ticket, mode }: { ticket: TicketDetail; mode: TicketMode }) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const format = useFormat();
  return (
    <section className="mb-4" aria-labelledby="ticket-history-title">
      <h2 id="ticket-history-title" className="h4">
        {t("history.title")}
      </h2>
      <ol className="ticket-history">
        {ticket.history.map((event) => (
          <li key={event.id}>
            <p className="mb-1">
              <strong>
                {event.fromStatus === null
                  ? t("history.opened")
                  : t("history.moved", {
                      from: labels.status(event.fromStatus),
                      to: labels.status(event.toStatus),
                    })}
              </strong>
            </p>
            <p className="mb-1 small">
              {format.dateTime(event.at)} ·{" "}
              {event.actorName ?? (mode === "portal" ? t("history.manager") : t("history.someone"))}
            </p>
            {event.note ? (
              <p className="mb-0 history-note">
                <span className="visually-hidden">{t("history.reason")}: </span>
                {event.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One ticket: its facts and deadline, the manager's forms, its photos and its history. */
export function TicketDetailPage({ mode, id }: { mode: TicketMode; id: string }) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const format = useFormat();
  const { search } = useLocation();
  const query = useTicket(mode, id);
  const canManage = useCan("maintenance:manage") && mode === "staff";
  const canOpen = useCan("maintenance:open");
  const canSeeUnits = useCan("units:read");
  const { region, announce } = useAnnouncement();
  const listHref = mode === "staff" ? MAINTENANCE_PATH : PORTAL_TICKETS_PATH;
  const listLabel = mode === "staff" ? t("list.title") : t("portal.title");
  const ticket = query.data;
  if (!ticket)
    return (
      <div className={mode === "portal" ? "portal-page" : undefined}>
        <RecordBreadcrumb listHref={listHref} listLabel={listLabel} current={null} />
        <PageTitle title={t("detail.loadingTitle")} />
        <RecordPending query={query} notFound={t("detail.notFound")} listHref={listHref} />
      </div>
    );
  const sent = search.get("inviata") === "1";
  const photosLost = Number(search.get("fotoNonCaricate") ?? "0");
  const entries: Entry[] = [
    { label: t("fields.reference"), value: <span className="font-monospace">{ticket.reference}</span> },
    { label: t("fields.status"), value: <TicketStatusBadge status={ticket.status} /> },
    ...(ticket.statusReason ? [{ label: t("fields.statusReason"), value: ticket.statusReason }] : []),
    { label: t("fields.urgency"), value: <UrgencyBadge urgency={ticket.urgency} /> },
    { label: t("fields.dueAt"), value: <Deadline dueAt={ticket.dueAt} overdue={ticket.overdue} /> },
    { label: t("fields.category"), value: labels.category(ticket.category) },
    {
      label: t("fields.unit"),
      value:
        mode === "staff" && canSeeUnits ? (
          <Link to={`/alloggi/${ticket.unit.id}`}>
            {ticket.unit.code} — {ticket.unit.address}, {ticket.unit.town}
          </Link>
        ) : (
          `${ticket.unit.address}, ${ticket.unit.town}`
        ),
    },
    ...(mode === "staff" && ticket.tenancy
      ? [{ label: t("fields.tenancy"), value: ticket.tenancy.reference }]
      : []),
    { label: t("fields.assignee"), value: ticket.assignee || t("detail.unassigned") },
    {
      label: t("fields.openedBy"),
      value: `${ticket.openedByTenant ? t("detail.byTenant") : t("detail.byStaff")}${ticket.openedBy ? ` (${ticket.openedBy})` : ""}, ${format.dateTime(ticket.createdAt)}`,
    },
  ];
  return (
    <div className={mode === "portal" ? "portal-page" : undefined}>
      <RecordBreadcrumb listHref={listHref} listLabel={listLabel} current={ticket.reference} />
      <PageTitle
        title={ticket.title}
        lead={t("detail.lead", { reference: ticket.reference, status: labels.status(ticket.status) })}
      />
      {sent ? (
        <div className="alert alert-success" role="status">
          {mode === "portal"
            ? t("detail.sentPortal", { reference: ticket.reference })
            : t("detail.sent", { reference: ticket.reference })}
        </div>
      ) : null}
      {photosLost > 0 ? (
        <div className="alert alert-warning" role="alert">
          {t("detail.photosLost", { count: photosLost })}
        </div>
      ) : null}
      {region}
      <div className="row g-4 mb-4">
        <div className="col-12 col-lg-6">
          <Facts title={t("detail.facts")} entries={entries} />
        </div>
        <div className="col-12 col-lg-6">
          <section className="card shadow-sm h-100" aria-labelledby="ticket-description-title">
            <div className="card-body">
              <h2 id="ticket-description-title" className="h5">
                {t("fields.description")}
              </h2>
              <p className="ticket-description mb-0">{ticket.description}</p>
            </div>
          </section>
        </div>
      </div>
      {canManage && ticket.allowedTransitions.length > 0 ? (
        <TransitionForm
          key={`${ticket.id}-${ticket.version}`}
          ticket={ticket}
          onDone={(status) => announce(t("detail.transition.done", { status: labels.status(status) }))}
        />
      ) : null}
      {canManage && acceptsChanges(ticket.status) ? (
        <AssignForm ticket={ticket} onDone={() => announce(t("detail.assign.done"))} />
      ) : null}
      <Photos
        ticket={ticket}
        mode={mode}
        canAdd={mode === "portal" || canOpen}
        onAdded={(n) => announce(t("photos.added", { count: n }))}
      />
      <History ticket={ticket} mode={mode} />
    </div>
  );
}
