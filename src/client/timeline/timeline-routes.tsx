// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
// The namespace is loaded with the routes, so the menu entry (`timeline:nav.timeline`) has its label.
import "./timeline-i18n.ts";
import { TimelinePage } from "./timeline-page.tsx";
import { TIMELINE_PATH } from "./timeline-paths.ts";

/** The timeline's page for `pathname` (Cronoprogramma), or null. */
export function timelinePage(pathname: string): ReactNode | null {
  if (pathname !== TIMELINE_PATH) return null;
  return (
    <Requires anyOf={["timeline:read"]}>
      <TimelinePage />
    </Requires>
  );
}
