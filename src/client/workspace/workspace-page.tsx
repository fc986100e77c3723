// SPDX-License-Identifier: EUPL-1.2
import "./workspace.css";
import type { AnnouncementView } from "../../domain/workspace/workspace-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { useDone } from "../funding/funding-form.tsx";
import { AnnouncementForm } from "./announcement-form.tsx";
import { Library } from "./library.tsx";
import { useAnnouncements } from "./workspace-api.ts";
import { useWorkspaceT } from "./workspace-i18n.ts";

/** Spazio partner: the announcements to the partners, newest first, and the shared document library. */
export function WorkspacePage() {
  const { t } = useWorkspaceT();
  return (
    <>
      <PageTitle title={t("page.title")} lead={t("page.lead")} />
      <Announcements />
      <Library />
    </>
  );
}

function Announcements() {
  const { t } = useWorkspaceT();
  const canWrite = useCan("governance:write");
  const announcements = useAnnouncements();
  const done = useDone();
  const items = announcements.data?.items;
  return (
    <section className="mb-5" aria-labelledby="avvisi">
      <h2 id="avvisi" className="h3">
        {t("announcements.title")}
      </h2>
      <ListStatus query={announcements} count={items?.length} empty={<p>{t("announcements.empty")}</p>} />
      {items && items.length > 0 ? (
        <ul className="list-unstyled workspace-announcements">
          {items.map((a) => (
            <li key={a.id}>
              <Announcement announcement={a} />
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <>
          {done.node}
          <AnnouncementForm onSaved={done.say} />
        </>
      ) : null}
    </section>
  );
}

function Announcement({ announcement: a }: { announcement: AnnouncementView }) {
  const { t } = useWorkspaceT();
  const format = useFormat();
  const headingId = `avviso-${a.id}`;
  return (
    <article className="card shadow-sm mb-3" aria-labelledby={headingId}>
      <div className="card-body">
        <h3 id={headingId} className="h5">
          {a.title}
        </h3>
        <p className="small mb-2">
          {t("announcements.meta", { author: a.authorName, date: format.dateTime(a.publishedAt) })}
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">. </span>
          {t("announcements.audience", {
            audience: a.bodyName ?? t("announcements.everyone"),
          })}
        </p>
        <p className="mb-0 workspace-text">{a.body}</p>
      </div>
    </article>
  );
}
