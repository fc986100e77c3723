// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { NotificationsPage } from "./notifications-page.tsx";
// The namespace is loaded with the routes, so the menu entry (`workspace:nav.workspace`) has its label.
import "./workspace-i18n.ts";
import { WorkspacePage } from "./workspace-page.tsx";
import { NOTIFICATIONS_PATH, WORKSPACE_PATH } from "./workspace-paths.ts";

/** The workspace pages for `pathname` (the partners' space, the notifications), or null. */
export function workspacePage(pathname: string): ReactNode | null {
  if (pathname === WORKSPACE_PATH)
    return (
      <Requires anyOf={["governance:read"]}>
        <WorkspacePage />
      </Requires>
    );
  // Every signed-in account has its notifications.
  if (pathname === NOTIFICATIONS_PATH) return <NotificationsPage />;
  return null;
}
