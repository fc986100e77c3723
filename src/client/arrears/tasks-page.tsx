// SPDX-License-Identifier: EUPL-1.2
import "./arrears.css";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { TaskDone, type TaskView } from "../../domain/arrears/arrears-api.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useCompleteTask, useTasks } from "./arrears-api.ts";
import { useArrearsLabels, useArrearsMessage } from "./arrears-labels.ts";
import { arrearsCaseHref, TASKS_PATH } from "./arrears-paths.ts";

/** Svolta: what came of the task, then it leaves the open list. */
function DoneForm({
  task,
  onDone,
  onCancel,
}: {
  task: TaskView;
  onDone: (task: TaskView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const message = useArrearsMessage();
  const complete = useCompleteTask();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<TaskDone, unknown, TaskDone>({
    resolver: zodResolver(TaskDone),
    defaultValues: { outcome: "" },
  });
  // Opened from its row's button: the focus goes to the one thing to fill in.
  useEffect(() => setFocus("outcome"), [setFocus]);
  const text = messageAt(errors, "outcome");
  const submit = handleSubmit(
    async (input) => {
      try {
        onDone(await complete.mutateAsync({ id: task.id, outcome: input.outcome }));
      } catch (e) {
        const issue = isApiError(e) ? (e.errors[0]?.message ?? e.detail) : null;
        if (issue) {
          setError("outcome", { type: "server", message: issue });
          setFocus("outcome");
        }
      }
    },
    () => setFocus("outcome"),
  );
  return (
    <section className="card shadow-sm mt-3" aria-labelledby="task-done-title" id="task-done">
      <div className="card-body">
        <h2 id="task-done-title" className="h5">
          {t("arrears:tasks.doneTitle", {
            kind: labels.taskKind(task.kind),
            household: task.household.reference,
          })}
        </h2>
        {complete.error && !isApiError(complete.error) ? <ErrorAlert error={complete.error} /> : null}
        <form noValidate onSubmit={submit}>
          <TextAreaField
            id="task-outcome"
            label={t("arrears:tasks.outcome")}
            rows={3}
            required
            hint={t("arrears:tasks.outcomeHint")}
            error={text === undefined ? undefined : message(text)}
            registration={register("outcome")}
          />
          <div className="d-flex flex-wrap gap-2">
            <SubmitButton submitting={isSubmitting} label={t("arrears:tasks.markDone")} />
            <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
              {t("form.cancel")}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

/** Le mie attività: the tasks given to me (the first arrears signals, meetings), the soonest due first. */
export function TasksPage() {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  const { search } = useLocation();
  const all = search.get("tutte") === "1";
  const tasks = useTasks({ mine: true, ...(all ? {} : { status: "open" as const }) });
  const [doing, setDoing] = useState<TaskView | null>(null);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const items = tasks.data?.items ?? [];
  return (
    <>
      <PageTitle title={t("arrears:tasks.title")} lead={t("arrears:tasks.lead")} />
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
      <nav aria-label={t("arrears:tasks.which")} className="mb-3">
        <ul className="nav nav-pills gap-2">
          {[false, true].map((value) => (
            <li className="nav-item" key={String(value)}>
              <Link
                to={value ? `${TASKS_PATH}?tutte=1` : TASKS_PATH}
                className={`nav-link${value === all ? " active" : ""}`}
                aria-current={value === all ? "page" : undefined}
              >
                {value ? t("arrears:tasks.showAll") : t("arrears:tasks.showOpen")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">{tasks.data ? t("arrears:tasks.count", { count: items.length }) : ""}</p>
      <ListStatus
        query={tasks}
        count={tasks.data?.items.length}
        empty={<div className="alert alert-info">{t("arrears:tasks.empty")}</div>}
      />
      {items.length > 0 ? (
        <div className="table-responsive">
          <table className="table" data-testid="my-tasks">
            <caption className="visually-hidden">{t("arrears:tasks.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("arrears:tasks.kind")}</th>
                <th scope="col">{t("arrears:fields.household")}</th>
                <th scope="col">{t("arrears:tasks.dueOn")}</th>
                <th scope="col">{t("arrears:tasks.detail")}</th>
                <th scope="col">{t("arrears:tasks.status")}</th>
                <th scope="col">{t("arrears:tasks.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((task) => (
                <tr key={task.id} className={task.overdue ? "is-overdue" : undefined}>
                  <th scope="row">
                    {labels.taskKind(task.kind)}
                    {task.caseId && task.tenancyReference ? (
                      <div className="small">
                        <Link to={arrearsCaseHref(task.caseId)}>
                          {t("arrears:tasks.caseLink", { reference: task.tenancyReference })}
                        </Link>
                      </div>
                    ) : null}
                  </th>
                  <td className="font-monospace">{task.household.reference}</td>
                  <td className="text-nowrap">
                    {format.date(task.dueOn)}
                    {task.overdue ? <div className="small late-flag">{t("arrears:tasks.late")}</div> : null}
                  </td>
                  <td className="small">
                    {task.arrears ? (
                      <p className="mb-1">
                        {task.arrears.daysOverdue > 0
                          ? t("arrears:tasks.position", {
                              count: task.arrears.daysOverdue,
                              overdue: format.euro(task.arrears.overdueCents, { cents: true }),
                            })
                          : t("arrears:tasks.nothingOverdue")}
                        {task.arrears.warnings.length > 0
                          ? ` ${t("arrears:tasks.warnings", { warnings: task.arrears.warnings.map(labels.warning).join(", ") })}`
                          : ""}
                      </p>
                    ) : null}
                    {/* A signal's text is the API's (English); a meeting's is what its author wrote. */}
                    {task.kind !== "arrears_signal" && task.detail ? (
                      <div className="notes">{task.detail}</div>
                    ) : null}
                  </td>
                  <td>
                    {labels.taskStatus(task.status)}
                    {task.outcome ? <div className="small notes">{task.outcome}</div> : null}
                  </td>
                  <td>
                    {task.status === "open" ? (
                      <button
                        type="button"
                        className="btn btn-primary btn-sm"
                        aria-expanded={doing?.id === task.id}
                        aria-controls={doing?.id === task.id ? "task-done" : undefined}
                        aria-label={t("arrears:tasks.markDoneOf", {
                          kind: labels.taskKind(task.kind),
                          household: task.household.reference,
                        })}
                        onClick={(e) => {
                          opener.current = e.currentTarget;
                          setDoing(task);
                        }}
                      >
                        {t("arrears:tasks.markDone")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {doing ? (
        <DoneForm
          key={doing.id}
          task={doing}
          onCancel={() => {
            setDoing(null);
            opener.current?.focus();
          }}
          onDone={(task) => {
            setDoing(null);
            setDone((d) => ({
              text: t("arrears:tasks.doneMessage", {
                kind: labels.taskKind(task.kind),
                household: task.household.reference,
              }),
              n: (d?.n ?? 0) + 1,
            }));
          }}
        />
      ) : null}
    </>
  );
}
