// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
// The namespace is loaded with the routes, so a menu or footer entry (`openData:nav.openData`) has its label.
import "./open-data-i18n.ts";
import { OpenDataPage } from "./open-data-page.tsx";
import { OPEN_DATA_PAGE_PATH } from "./open-data-paths.ts";

/** The public open-data page for `pathname` (shown with or without login), or null. */
export function openDataPage(pathname: string): ReactNode | null {
  return pathname === OPEN_DATA_PAGE_PATH ? <OpenDataPage /> : null;
}
