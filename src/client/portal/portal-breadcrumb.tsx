// SPDX-License-Identifier: EUPL-1.2
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { usePortalT } from "./portal-i18n.ts";
import { PORTAL_PATH } from "./portal-paths.ts";

/** Where a portal page sits: "La mia casa", then the page. */
export function PortalBreadcrumb({ current }: { current: string }) {
  const { t } = usePortalT();
  return <RecordBreadcrumb listHref={PORTAL_PATH} listLabel={t("home.title")} current={current} />;
}
