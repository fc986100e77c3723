// SPDX-License-Identifier: EUPL-1.2
import type { PortalInformation } from "../../domain/portal/portal.schema.ts";
import { useFormat } from "../format.ts";
import { usePortalT } from "./portal-i18n.ts";

type Notice = PortalInformation["notices"][number];

/** The manager's notices, newest first, each with its date; the body keeps its line breaks. */
export function NoticeList({ notices }: { notices: readonly Notice[] }) {
  const { t } = usePortalT();
  const format = useFormat();
  return (
    <ul className="list-unstyled portal-notices mb-0">
      {notices.map((n) => (
        <li key={n.id} className="card shadow-sm mb-3">
          <article className="card-body" aria-labelledby={`notice-${n.id}`}>
            <h3 id={`notice-${n.id}`} className="h5 mb-1">
              {n.title}
            </h3>
            <p className="small mb-2">{t("notices.publishedOn", { date: format.date(n.publishedOn) })}</p>
            <p className="portal-text mb-0">{n.body}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}
