// SPDX-License-Identifier: EUPL-1.2
import "./workspace.css";
import { useMe } from "../auth/session.ts";
import { Icon } from "../components/icon.tsx";
import { Link, useLocation } from "../router.tsx";
import { useUnreadCount } from "./workspace-api.ts";
import { useWorkspaceT } from "./workspace-i18n.ts";
import { NOTIFICATIONS_PATH } from "./workspace-paths.ts";

/**
 * The header's link to the notifications, for signed-in staff: a bell, the word, and the unread
 * count in a compact badge. Its name says it whole ("Notifiche, 3 non lette"), starting with the
 * visible word; the badge only shows the number.
 */
export function NotificationsLink() {
  const { t } = useWorkspaceT();
  const { data: me } = useMe();
  const unread = useUnreadCount();
  const { pathname } = useLocation();
  if (!me || me.permissions.includes("portal:use")) return null;
  const count = unread.data;
  return (
    <Link
      to={NOTIFICATIONS_PATH}
      className="notifications-link"
      aria-current={pathname === NOTIFICATIONS_PATH ? "page" : undefined}
      aria-label={count === undefined ? undefined : t("header.label", { count })}
    >
      <Icon name="mail" size="sm" className="icon-white me-1" />
      <span>{t("header.notifications")}</span>
      {count !== undefined && count > 0 ? (
        <span className="badge notifications-badge ms-1">{count}</span>
      ) : null}
    </Link>
  );
}
