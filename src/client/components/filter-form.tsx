// SPDX-License-Identifier: EUPL-1.2
// The pieces the list filter forms share (units, households, referrals): the filters live in the
// address, so submitting a form navigates to the list's address with them.
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "../router.tsx";
import { Icon } from "./icon.tsx";

export type FilterOption = { value: string; label: string };

/** The filled-in fields of a submitted filter form, trimmed, as an address's query. */
export function searchOfForm(event: FormEvent<HTMLFormElement>): URLSearchParams {
  event.preventDefault();
  const search = new URLSearchParams();
  for (const [key, value] of new FormData(event.currentTarget).entries()) {
    if (typeof value === "string" && value.trim() !== "") search.set(key, value.trim());
  }
  return search;
}

/** One select of a filter form; "all" (no filter) comes first. */
export function FilterSelect(props: {
  id: string;
  name: string;
  /** Bootstrap column classes of the field. */
  className: string;
  label: string;
  value: string | number | boolean | undefined;
  options: readonly FilterOption[];
}) {
  const { t } = useTranslation();
  return (
    <div className={`${props.className} select-wrapper form-group`}>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value === undefined ? "" : String(props.value)}
      >
        <option value="">{t("common.all")}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Apply, and reset to the unfiltered list when some filter is set (`resetHref` null otherwise). */
export function FilterActions({ resetHref, className }: { resetHref: string | null; className: string }) {
  const { t } = useTranslation();
  return (
    <div className={`${className} d-flex flex-wrap gap-2`}>
      <button type="submit" className="btn btn-primary">
        <Icon name="funnel" size="sm" className="icon-white me-1" />
        {t("list.filters.apply")}
      </button>
      {resetHref !== null ? (
        <Link to={resetHref} className="btn btn-outline-primary">
          {t("list.filters.reset")}
        </Link>
      ) : null}
    </div>
  );
}
