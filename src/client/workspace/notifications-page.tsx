// SPDX-License-Identifier: EUPL-1.2
import "./workspace.css";
import { type FormEvent, useState } from "react";
import { storedNoticeTitle } from "../../domain/workspace/notices.ts";
import type { NotificationView } from "../../domain/workspace/workspace-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { useDone } from "../funding/funding-form.tsx";
import { Link, navigate, useLocation } from "../router.tsx";
import { useMarkRead, useNotifications } from "./workspace-api.ts";
import { useWorkspaceLabels, useWorkspaceT } from "./workspace-i18n.ts";
import { appLink, notificationsHref, unreadOnlyFromSearch } from "./workspace-paths.ts";

/** Notifiche: the signed-in account's notifications, newest first, each a link to what it is about. */
export function NotificationsPage() {
  const { t, i18n } = useWorkspaceT();
  const language = i18n.language === "en" ? "en" : "it";
  const { search } = useLocation();
  const unreadOnly = unreadOnlyFromSearch(search);
  const notifications = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const done = useDone();
  const list = notifications.data;
  const markAll = () => markRead.mutate(null, { onSuccess: () => done.say(t("notifications.allMarked")) });
  return (
    <>
      <PageTitle
        title={t("notifications.title")}
        lead={list ? t("notifications.lead", { count: list.unread }) : undefined}
      />
      <UnreadFilter key={String(unreadOnly)} unreadOnly={unreadOnly} />
      {done.node}
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
      <ListStatus
        query={notifications}
        count={list?.items.length}
        empty={<p>{unreadOnly ? t("notifications.noneUnread") : t("notifications.none")}</p>}
      />
      {list && list.unread > 0 ? (
        <p>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={markAll}
            disabled={markRead.isPending}
          >
            {t("notifications.markAll")}
          </button>
        </p>
      ) : null}
      {list && list.items.length > 0 ? (
        <ul className="list-unstyled workspace-notifications" aria-label={t("notifications.listLabel")}>
          {list.items.map((n) => (
            <li key={n.id} className={n.read ? "is-read" : "is-unread"}>
              <Notification
                notification={n}
                title={storedNoticeTitle(n, language)}
                busy={markRead.isPending}
                onRead={(title) =>
                  markRead.mutate([n.id], {
                    onSuccess: () => done.say(t("notifications.marked", { title })),
                  })
                }
                // Opening what it is about reads it: marked on the way, the page follows at once.
                onFollow={() => (n.read ? undefined : markRead.mutate([n.id]))}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Notification({
  notification: n,
  title,
  busy,
  onRead,
  onFollow,
}: {
  notification: NotificationView;
  /** Its sentence in the interface language. */
  title: string;
  busy: boolean;
  onRead: (title: string) => void;
  onFollow: () => void;
}) {
  const { t } = useWorkspaceT();
  const labels = useWorkspaceLabels();
  const format = useFormat();
  return (
    <div className="workspace-notification">
      <p className="mb-1">
        {n.read ? null : <span className="badge workspace-unread me-2">{t("notifications.unread")}</span>}
        <Link to={appLink(n.link)} className={n.read ? undefined : "fw-semibold"} onClick={onFollow}>
          {title}
        </Link>
      </p>
      <p className="small mb-1">
        {labels.kind(n.kind)}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {format.dateTime(n.createdAt)}
        {n.read ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, </span>
            {t("notifications.read")}
          </>
        ) : null}
      </p>
      {n.read ? null : (
        <button
          type="button"
          className="btn btn-link btn-sm p-0"
          onClick={() => onRead(title)}
          disabled={busy}
          aria-label={t("notifications.markOneOf", { title })}
        >
          {t("notifications.markOne")}
        </button>
      )}
    </div>
  );
}

/** The filter: only the unread notifications, kept in the address; applied with its button. */
function UnreadFilter({ unreadOnly }: { unreadOnly: boolean }) {
  const { t } = useWorkspaceT();
  const [checked, setChecked] = useState(unreadOnly);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(notificationsHref(checked));
  };
  return (
    <form
      className="d-flex flex-wrap align-items-center gap-3 mb-4"
      onSubmit={apply}
      aria-label={t("notifications.filter")}
    >
      <div className="form-check mb-0">
        <input
          id="notifications-unread"
          type="checkbox"
          checked={checked}
          onChange={(e) => setChecked(e.target.checked)}
        />
        <label htmlFor="notifications-unread">{t("notifications.unreadOnly")}</label>
      </div>
      <button type="submit" className="btn btn-primary btn-sm">
        {t("notifications.apply")}
      </button>
    </form>
  );
}
