// SPDX-License-Identifier: EUPL-1.2
// The pieces every record page (a unit, a household) shares: breadcrumb, pending states, audit link.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api.ts";
import { accessRegisterHref } from "../audit/access-register-page.tsx";
import { useCan } from "../auth/session.ts";
import { Link } from "../router.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";

/**
 * What a record page shows until its record is there: a spinner, "not found" with the way back to
 * its list (a 404, also what another partner's record answers), or the error with a retry.
 */
export function RecordPending(props: {
  query: { error: unknown; refetch: () => unknown };
  notFound: string;
  listHref: string;
}) {
  const { t } = useTranslation();
  const { query, notFound, listHref } = props;
  if (!query.error) return <Loading />;
  if (isApiError(query.error, 404)) {
    return (
      <div className="alert alert-warning" role="alert">
        {notFound} <Link to={listHref}>{t("detail.backToList")}</Link>
      </div>
    );
  }
  return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
}

/** The link to who accessed this record, for the roles that may read the audit trail. */
export function AccessRegisterLink({ entity, id }: { entity: string; id: string }) {
  const { t } = useTranslation();
  if (!useCan("audit:read")) return null;
  return (
    <Link to={accessRegisterHref(entity, id)} className="btn btn-outline-primary">
      {t("audit.linkFromUnit")}
    </Link>
  );
}

/** Where a record page sits: its list, then the record's code (or "…" while it loads). */
export function RecordBreadcrumb(props: { listHref: string; listLabel: string; current: string | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("detail.breadcrumb")} className="breadcrumb-container mb-2">
      <ol className="breadcrumb">
        <li className="breadcrumb-item">
          <Link to={props.listHref}>{props.listLabel}</Link>
          <span className="separator">/</span>
        </li>
        <li className="breadcrumb-item active" aria-current="page">
          {props.current ?? "…"}
        </li>
      </ol>
    </nav>
  );
}

/** A section of a record page: its h2 names it for assistive technology. */
export function RecordSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="mb-5" aria-labelledby={id}>
      <h2 id={id} className="h3">
        {title}
      </h2>
      {children}
    </section>
  );
}
