// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type Hold, HoldInput, HoldRelease } from "../../domain/allocation/hold.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { Link, useLocation } from "../router.tsx";
import { useCreateHold, useHolds, useReleaseHold } from "./allocation-api.ts";
import { HubBreadcrumb } from "./allocation-hub-page.tsx";
import { holdsHref } from "./allocation-paths.ts";

type HoldValues = { unitId: string; householdId: string; expiresOn: string; reason: string };
type HoldField = keyof HoldValues;
const HOLD_FIELDS: readonly HoldField[] = ["unitId", "householdId", "expiresOn", "reason"];
const isHoldField = (path: string): path is HoldField => HOLD_FIELDS.some((f) => f === path);

/** An empty household field means a hold for nobody: the unit stays out of every run. */
const holdResolver = schemaResolver<HoldValues, HoldInput>(
  HoldInput,
  (values) => {
    const household = values.householdId.trim();
    return { ...values, householdId: household === "" ? undefined : household };
  },
  (path) => (isHoldField(path) ? path : "root"),
);

function dayFromToday(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const holdFieldId = (name: string) => `hold-${name}`;

/** Nuova riserva: a unit, optionally the household it is kept for, until when and why. */
function HoldForm({ onCreated }: { onCreated: (hold: Hold) => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const create = useCreateHold();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<HoldValues, unknown, HoldInput>({
    resolver: holdResolver,
    defaultValues: { unitId: "", householdId: "", expiresOn: dayFromToday(30), reason: "" },
  });
  const labels: Record<HoldField, string> = {
    unitId: t("allocation.holds.fields.unit"),
    householdId: t("allocation.holds.fields.household"),
    expiresOn: t("allocation.holds.fields.expiresOn"),
    reason: t("allocation.holds.fields.reason"),
  };
  const summary = useErrorSummary<HoldField>({
    errors,
    setFocus,
    fieldOf: (path) => (isHoldField(path) ? path : null),
    fieldId: holdFieldId,
    labelOf: (name) => labels[name],
    message,
  });
  const errorOf = summary.errorOf;
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const hold = await create.mutateAsync(input);
        reset({ unitId: "", householdId: "", expiresOn: dayFromToday(30), reason: "" });
        onCreated(hold);
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(HOLD_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  const unexpected = create.error && !isApiError(create.error) ? create.error : null;
  return (
    <form noValidate onSubmit={submit} aria-labelledby="hold-form-title" className="card shadow-sm mb-4">
      <div className="card-body">
        <h2 id="hold-form-title" className="h4">
          {t("allocation.holds.form.title")}
        </h2>
        <p className="small">
          {t("allocation.holds.form.intro")} {t("form.requiredNote")}
        </p>
        {unexpected ? <ErrorAlert error={unexpected} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="hold-form-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id={holdFieldId("unitId")}
            label={labels.unitId}
            className="col-12 col-md-6"
            required
            autoComplete="off"
            hint={t("allocation.holds.hints.unit")}
            error={errorOf("unitId")}
            registration={register("unitId")}
          />
          <TextField
            id={holdFieldId("householdId")}
            label={labels.householdId}
            className="col-12 col-md-6"
            autoComplete="off"
            hint={t("allocation.holds.hints.household")}
            error={errorOf("householdId")}
            registration={register("householdId")}
          />
          <TextField
            id={holdFieldId("expiresOn")}
            label={labels.expiresOn}
            className="col-12 col-md-6"
            type="date"
            required
            hint={t("allocation.holds.hints.expiresOn")}
            error={errorOf("expiresOn")}
            registration={register("expiresOn")}
          />
        </div>
        <TextAreaField
          id={holdFieldId("reason")}
          label={labels.reason}
          rows={2}
          required
          error={errorOf("reason")}
          registration={register("reason")}
        />
        <SubmitButton submitting={isSubmitting} label={t("allocation.holds.form.submit")} />
      </div>
    </form>
  );
}

/** Rilascio: why the hold ends before its day. */
function ReleaseForm({
  hold,
  onReleased,
  onCancel,
}: {
  hold: Hold;
  onReleased: (hold: Hold) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const release = useReleaseHold();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<HoldRelease, unknown, HoldRelease>({
    resolver: zodResolver(HoldRelease),
    defaultValues: { reason: "" },
  });
  // Opened from its row's button: the focus goes to the one thing to fill in.
  useEffect(() => setFocus("reason"), [setFocus]);
  const text = messageAt(errors, "reason");
  const failure = release.error && isApiError(release.error) && text === undefined ? release.error : null;
  const submit = handleSubmit(async (input) => {
    try {
      onReleased(await release.mutateAsync({ id: hold.id, input }));
    } catch (e) {
      const issue = isApiError(e) ? e.errors.find((i) => i.path === "reason") : undefined;
      if (issue) {
        setError("reason", { type: "server", message: issue.message });
        setFocus("reason");
      }
    }
  });
  return (
    <section className="card shadow-sm mt-3 hold-release" aria-labelledby="hold-release-title">
      <div className="card-body">
        <h3 id="hold-release-title" className="h5">
          {t("allocation.holds.release.title", { unit: hold.unit.code })}
        </h3>
        <p className="small">{t("allocation.holds.release.intro")}</p>
        {failure ? (
          <div className="alert alert-danger" role="alert">
            {message(failure.errors[0]?.message ?? failure.detail)}
          </div>
        ) : null}
        {release.error && !isApiError(release.error) ? <ErrorAlert error={release.error} /> : null}
        <form noValidate onSubmit={submit}>
          <TextAreaField
            id="hold-release-reason"
            label={t("allocation.holds.release.reason")}
            rows={2}
            required
            error={text === undefined ? undefined : message(text)}
            registration={register("reason")}
          />
          <div className="d-flex flex-wrap gap-2">
            <SubmitButton submitting={isSubmitting} label={t("allocation.holds.release.submit")} />
            <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
              {t("form.cancel")}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

function HoldState({ hold }: { hold: Hold }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (hold.releasedAt)
    return (
      <>
        {t("allocation.holds.state.released", { date: format.dateTime(hold.releasedAt) })}
        {hold.releaseReason ? <div className="small">{hold.releaseReason}</div> : null}
      </>
    );
  return <>{hold.active ? t("allocation.holds.state.active") : t("allocation.holds.state.expired")}</>;
}

/** Alloggi riservati: the holds in force (or all), a form for a new one, and release with a reason. */
export function HoldsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { search } = useLocation();
  const all = search.get("tutte") === "1";
  const holds = useHolds(all);
  const [releasing, setReleasing] = useState<Hold | null>(null);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const announce = (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  const title = t("allocation.holds.title");
  const items = holds.data?.items ?? [];
  const releaseButton = useRef<HTMLButtonElement | null>(null);
  return (
    <>
      <HubBreadcrumb current={title} />
      <PageTitle title={title} lead={t("allocation.holds.lead")} />
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
      <HoldForm
        onCreated={(hold) =>
          announce(
            t(hold.household ? "allocation.holds.created" : "allocation.holds.createdForNobody", {
              unit: hold.unit.code,
              household: hold.household?.reference ?? "",
              date: format.date(hold.expiresOn),
            }),
          )
        }
      />
      <section aria-labelledby="holds-list-title">
        <h2 id="holds-list-title" className="h4">
          {t("allocation.holds.listTitle")}
        </h2>
        <nav aria-label={t("allocation.holds.which")} className="mb-3">
          <ul className="nav nav-pills gap-2">
            {[false, true].map((value) => (
              <li className="nav-item" key={String(value)}>
                <Link
                  to={holdsHref(value)}
                  className={`nav-link${value === all ? " active" : ""}`}
                  aria-current={value === all ? "page" : undefined}
                >
                  {value ? t("allocation.holds.showAll") : t("allocation.holds.showActive")}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p role="status">{holds.data ? t("allocation.holds.count", { count: items.length }) : ""}</p>
        <ListStatus
          query={holds}
          count={holds.data?.items.length}
          empty={<div className="alert alert-info">{t("allocation.holds.empty")}</div>}
        />
        {items.length > 0 ? (
          <div className="table-responsive">
            <table className="table" aria-busy={holds.isFetching}>
              <caption className="visually-hidden">{t("allocation.holds.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("allocation.fields.unit")}</th>
                  <th scope="col">{t("allocation.holds.fields.household")}</th>
                  <th scope="col">{t("allocation.holds.fields.expiresOn")}</th>
                  <th scope="col">{t("allocation.holds.fields.reason")}</th>
                  <th scope="col">{t("allocation.fields.status")}</th>
                  <th scope="col">{t("allocation.run.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((hold) => (
                  <tr key={hold.id}>
                    <th scope="row" className="font-monospace">
                      {hold.unit.code}
                    </th>
                    <td className={hold.household ? "font-monospace" : undefined}>
                      {hold.household?.reference ?? t("allocation.holds.nobody")}
                    </td>
                    <td className="text-nowrap">{format.date(hold.expiresOn)}</td>
                    <td className="notes">{hold.reason}</td>
                    <td>
                      <HoldState hold={hold} />
                    </td>
                    <td>
                      {hold.active ? (
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          aria-label={t("allocation.holds.releaseOf", { unit: hold.unit.code })}
                          aria-expanded={releasing?.id === hold.id}
                          aria-controls={releasing?.id === hold.id ? "hold-release" : undefined}
                          onClick={(e) => {
                            releaseButton.current = e.currentTarget;
                            setReleasing(hold);
                          }}
                        >
                          {t("allocation.holds.release.open")}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {releasing ? (
          <div id="hold-release">
            <ReleaseForm
              key={releasing.id}
              hold={releasing}
              onCancel={() => {
                setReleasing(null);
                releaseButton.current?.focus();
              }}
              onReleased={(hold) => {
                setReleasing(null);
                announce(t("allocation.holds.released", { unit: hold.unit.code }));
              }}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}
