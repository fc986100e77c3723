// SPDX-License-Identifier: EUPL-1.2
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

type PageTitleProps = { title: string; children?: ReactNode; lead?: ReactNode };

/**
 * The page's one h1, also written into the document title. The layout moves focus here after a
 * page change, so screen-reader users hear where they landed.
 */
export function PageTitle({ title, children, lead }: PageTitleProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  return (
    <div className="page-title mb-4">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-3">
        <h1 id="page-title" tabIndex={-1} className="mb-0">
          {title}
        </h1>
        {children}
      </div>
      {lead ? <p className="lead mt-2 mb-0">{lead}</p> : null}
    </div>
  );
}
