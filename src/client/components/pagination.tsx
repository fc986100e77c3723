// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, navigate } from "../router.tsx";
import { Icon } from "./icon.tsx";

/** Page sizes every list offers; the first is the default. */
export const PAGE_SIZES = [25, 50, 100] as const;

// Pagination and page-size picker of the lists, whose address is built by a function (filters live
// in the address, so a page of a filtered list can be bookmarked).

/** Page numbers around the current one, with gaps: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current: number, last: number): (number | "gap")[] {
  const pages = new Set([1, last, current - 1, current, current + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  for (const [i, p] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous > 1) result.push("gap");
    result.push(p);
  }
  return result;
}

type PaginationProps = {
  page: number;
  limit: number;
  total: number;
  href: (page: number) => string;
  /** The accessible name of the navigation landmark, when a page has more than one list. */
  label?: string;
};

export function Pagination({ page, limit, total, href, label }: PaginationProps) {
  const { t } = useTranslation();
  const last = Math.max(1, Math.ceil(total / limit));
  if (last === 1) return null;
  const current = Math.min(page, last);
  return (
    <nav className="pagination-wrapper" aria-label={label ?? t("list.pagination")}>
      <ul className="pagination">
        <li className={`page-item${current === 1 ? " disabled" : ""}`}>
          {current === 1 ? (
            <span className="page-link" aria-hidden="true">
              <Icon name="chevron-left" className="icon-primary" />
            </span>
          ) : (
            <Link className="page-link" to={href(current - 1)}>
              <Icon name="chevron-left" className="icon-primary" />
              <span className="visually-hidden">{t("list.previousPage")}</span>
            </Link>
          )}
        </li>
        {pageWindow(current, last).map((p, i) =>
          p === "gap" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place.
            <li className="page-item" key={`gap-${i}`}>
              <span className="page-link">…</span>
            </li>
          ) : (
            <li className="page-item" key={p}>
              <Link
                className="page-link"
                to={href(p)}
                aria-current={p === current ? "page" : undefined}
                aria-label={t("list.pageN", { n: p })}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li className={`page-item${current === last ? " disabled" : ""}`}>
          {current === last ? (
            <span className="page-link" aria-hidden="true">
              <Icon name="chevron-right" className="icon-primary" />
            </span>
          ) : (
            <Link className="page-link" to={href(current + 1)}>
              <span className="visually-hidden">{t("list.nextPage")}</span>
              <Icon name="chevron-right" className="icon-primary" />
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}

export function PageSize({
  id,
  limit,
  href,
}: {
  id: string;
  limit: number;
  href: (limit: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="select-wrapper form-group page-size mb-0">
      <label htmlFor={id}>{t("list.pageSize")}</label>
      <select id={id} value={limit} onChange={(e) => navigate(href(Number(e.target.value)))}>
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Above a paged list: its title, how many were found and on which page (a status, so it is read
 * out when it changes), and the page size, with `children` beside it.
 */
export function ResultsHeader(props: {
  titleId: string;
  title: string;
  /** Empty until the first page has come. */
  count: string;
  countTestId?: string;
  pageSizeId: string;
  limit: number;
  href: (limit: number) => string;
  children?: ReactNode;
}) {
  const pageSize = <PageSize id={props.pageSizeId} limit={props.limit} href={props.href} />;
  return (
    <div className="d-flex flex-wrap align-items-end justify-content-between gap-3 mb-3">
      <div>
        <h2 id={props.titleId} className="h4 mb-1">
          {props.title}
        </h2>
        <p className="mb-0" role="status" data-testid={props.countTestId}>
          {props.count}
        </p>
      </div>
      {props.children ? (
        <div className="d-flex flex-wrap align-items-end gap-3">
          {pageSize}
          {props.children}
        </div>
      ) : (
        pageSize
      )}
    </div>
  );
}
