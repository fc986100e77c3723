// SPDX-License-Identifier: EUPL-1.2
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReferralView } from "../../domain/households/household-api.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { useFormat } from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useUnitLabels } from "../units/unit-labels.ts";
import { OverdueFlag, ReferralStatusBadge } from "./household-badges.tsx";
import {
  hasReferralFilters,
  type ReferralFilters,
  referralFiltersFromSearch,
  referralListHref,
} from "./household-filters.ts";
import { useHouseholdLabels } from "./household-labels.ts";
import { useHouseholdMessage } from "./household-messages.ts";
import {
  referralListParams,
  useAcceptReferral,
  useReferralPage,
  useReturnReferral,
} from "./households-api.ts";

/** How many pending referrals the first section shows; more is a backlog the page says it cut. */
const PENDING_LIMIT = 100;

/** Overdue first, then urgent, then by due date: what needs an answer soonest comes first. */
export function byUrgencyOfAnswer(a: ReferralView, b: ReferralView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.urgency !== b.urgency) return a.urgency === "urgent" ? -1 : 1;
  return a.dueAt.localeCompare(b.dueAt);
}

type Announce = (text: string) => void;

function ReturnForm({
  referral,
  onDone,
  onCancel,
}: {
  referral: ReferralView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const message = useHouseholdMessage();
  const giveBack = useReturnReferral();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = `return-reason-${referral.id}`;
  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setError(t("referrals.inbox.reasonRequired"));
      field.current?.focus();
      return;
    }
    setError(null);
    giveBack.mutate(
      { id: referral.id, reason: reason.trim() },
      {
        onSuccess: onDone,
        onError: (e) => {
          if (!isApiError(e)) return setError(t("errors.generic"));
          const issue = e.errors.find((i) => i.path === "reason");
          setError(
            e.status === 409 ? t("referrals.inbox.alreadyAnswered") : message(issue?.message ?? e.detail),
          );
          field.current?.focus();
        },
      },
    );
  };
  const described = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <form className="return-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h6">
        {t("referrals.inbox.returnTitle", { reference: referral.householdReference })}
      </h3>
      <div className="form-group">
        <label htmlFor={id} className="active">
          {t("referrals.inbox.reason")}
          <span className="text-danger ms-1" aria-hidden="true">
            *
          </span>
        </label>
        <textarea
          ref={field}
          id={id}
          className={`form-control${error ? " is-invalid" : ""}`}
          rows={3}
          maxLength={2000}
          value={reason}
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => setReason(e.target.value)}
        />
        <small id={`${id}-hint`} className="form-text">
          {t("referrals.inbox.reasonHint")}
        </small>
        {error ? (
          <div id={`${id}-error`} className="field-error">
            {error}
          </div>
        ) : null}
      </div>
      <div className="d-flex flex-wrap gap-2 mb-3">
        <button type="submit" className="btn btn-danger btn-sm" disabled={giveBack.isPending}>
          {t("referrals.inbox.confirmReturn")}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}

function PendingRow({
  referral,
  canAnswer,
  showPartner,
  announce,
}: {
  referral: ReferralView;
  canAnswer: boolean;
  showPartner: boolean;
  announce: Announce;
}) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const unitLabels = useUnitLabels();
  const format = useFormat();
  const accept = useAcceptReferral();
  const [returning, setReturning] = useState(false);
  const returnButton = useRef<HTMLButtonElement>(null);
  const reference = referral.householdReference;
  const columns = 7 + (showPartner ? 1 : 0) + (canAnswer ? 1 : 0);
  const doAccept = () =>
    accept.mutate(
      { id: referral.id },
      {
        onSuccess: () => announce(t("referrals.inbox.accepted", { reference })),
        onError: (e) =>
          announce(
            isApiError(e, 409)
              ? t("referrals.inbox.alreadyAnswered")
              : t("referrals.inbox.acceptFailed", { reference }),
          ),
      },
    );
  return (
    <>
      <tr className={referral.overdue ? "is-overdue" : undefined}>
        <th scope="row" className="text-nowrap">
          <Link to={`/nuclei/${referral.householdId}`}>{reference}</Link>
        </th>
        {showPartner ? <td>{referral.partner.name}</td> : null}
        <td>{labels.targetGroup(referral.targetGroup)}</td>
        <td>{unitLabels.categoryShort(referral.category)}</td>
        <td>
          {referral.urgency === "urgent" ? (
            <strong>{labels.urgency(referral.urgency)}</strong>
          ) : (
            labels.urgency(referral.urgency)
          )}
        </td>
        <td className="text-nowrap">
          <time dateTime={referral.referredAt}>{format.dateTime(referral.referredAt)}</time>
        </td>
        <td className="text-nowrap">
          <time dateTime={referral.dueAt}>{format.dateTime(referral.dueAt)}</time>
          {referral.overdue ? (
            <div className="mt-1">
              <OverdueFlag />
            </div>
          ) : null}
        </td>
        <td>
          <ReferralStatusBadge status={referral.status} />
        </td>
        {canAnswer ? (
          <td>
            <div className="d-flex flex-wrap gap-2">
              <button
                type="button"
                className="btn btn-primary btn-sm"
                disabled={accept.isPending}
                onClick={doAccept}
              >
                {t("referrals.inbox.accept")}
                <span className="visually-hidden"> {reference}</span>
              </button>
              <button
                ref={returnButton}
                type="button"
                className="btn btn-outline-danger btn-sm"
                aria-expanded={returning}
                aria-controls={`return-${referral.id}`}
                onClick={() => setReturning((open) => !open)}
              >
                {t("referrals.inbox.return")}
                <span className="visually-hidden"> {reference}</span>
              </button>
            </div>
          </td>
        ) : null}
      </tr>
      {canAnswer && returning ? (
        <tr id={`return-${referral.id}`}>
          <td colSpan={columns}>
            <ReturnForm
              referral={referral}
              onDone={() => announce(t("referrals.inbox.returned", { reference }))}
              onCancel={() => {
                setReturning(false);
                returnButton.current?.focus();
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function PendingSection({ showPartner }: { showPartner: boolean }) {
  const { t } = useTranslation();
  const canAnswer = useCan("referrals:answer");
  const pending = useReferralPage({ status: "pending", limit: PENDING_LIMIT, offset: 0 });
  const [announcement, setAnnouncement] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  // The answered row leaves the list with the focused button: put the focus back at the list's top.
  const announce = (text: string) => {
    setAnnouncement(text);
    heading.current?.focus();
  };
  const items = pending.data ? [...pending.data.items].sort(byUrgencyOfAnswer) : [];
  const overdue = items.filter((r) => r.overdue).length;
  return (
    <section aria-labelledby="pending-title" className="mb-5">
      <h2 id="pending-title" className="h4" tabIndex={-1} ref={heading}>
        {t("referrals.inbox.pendingTitle")}
      </h2>
      <p className="mb-2">
        {pending.data
          ? t("referrals.inbox.pendingCount", { count: pending.data.total }) +
            (overdue > 0 ? ` ${t("referrals.inbox.overdueCount", { count: overdue })}` : "")
          : ""}
      </p>
      <div role="status" aria-live="polite" className="mb-2">
        {announcement ? <div className="alert alert-info mb-0">{announcement}</div> : null}
      </div>
      <ListStatus
        query={pending}
        count={pending.data?.items.length}
        empty={<p>{t("referrals.inbox.pendingEmpty")}</p>}
      />
      {items.length > 0 ? (
        <div className="table-responsive">
          <table className="table referral-table" data-testid="pending-referrals">
            <caption className="visually-hidden">{t("referrals.inbox.pendingCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referrals.fields.household")}</th>
                {showPartner ? <th scope="col">{t("referrals.fields.partner")}</th> : null}
                <th scope="col">{t("households.fields.targetGroup")}</th>
                <th scope="col">{t("households.list.columns.category")}</th>
                <th scope="col">{t("referrals.fields.urgency")}</th>
                <th scope="col">{t("referrals.fields.referredAt")}</th>
                <th scope="col">{t("referrals.fields.dueAt")}</th>
                <th scope="col">{t("referrals.fields.status")}</th>
                {canAnswer ? <th scope="col">{t("referrals.fields.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((referral) => (
                <PendingRow
                  key={referral.id}
                  referral={referral}
                  canAnswer={canAnswer}
                  showPartner={showPartner}
                  announce={announce}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pending.data && pending.data.total > PENDING_LIMIT ? (
        <p className="small">{t("referrals.inbox.pendingLimited", { limit: PENDING_LIMIT })}</p>
      ) : null}
    </section>
  );
}

function AllFilterForm({ filters }: { filters: ReferralFilters }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const search = searchOfForm(event);
    navigate(referralListHref({ ...referralFiltersFromSearch(search), limit: filters.limit, page: 1 }));
  };
  return (
    <form
      className="filter-form card shadow-sm p-3 mb-3"
      onSubmit={submit}
      aria-labelledby="all-filters-title"
    >
      <h3 id="all-filters-title" className="h6 mb-3">
        {t("referrals.inbox.filtersTitle")}
      </h3>
      <div className="row g-3 align-items-end">
        <FilterSelect
          id="referral-filter-status"
          name="status"
          className="col-12 col-md-4"
          label={t("referrals.fields.status")}
          value={filters.status}
          options={labels.referralStatusOptions}
        />
        <div className="col-12 col-md-4 form-group">
          <div className="form-check">
            <input
              id="referral-filter-overdue"
              name="overdue"
              type="checkbox"
              value="true"
              defaultChecked={filters.overdue === "true"}
            />
            <label htmlFor="referral-filter-overdue">{t("referrals.inbox.onlyOverdue")}</label>
          </div>
        </div>
        <FilterActions
          className="col-12 col-md-4 form-group"
          resetHref={hasReferralFilters(filters) ? referralListHref({ limit: filters.limit, page: 1 }) : null}
        />
      </div>
    </form>
  );
}

function AllSection({ showPartner }: { showPartner: boolean }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const format = useFormat();
  const { search, href } = useLocation();
  const filters = referralFiltersFromSearch(search);
  const page = useReferralPage(referralListParams(filters));
  const total = page.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / filters.limit));
  return (
    <section aria-labelledby="all-title">
      <ResultsHeader
        titleId="all-title"
        title={t("referrals.inbox.allTitle")}
        count={
          page.data
            ? t("referrals.inbox.allCount", { count: total, page: Math.min(filters.page, last), pages: last })
            : ""
        }
        pageSizeId="referral-page-size"
        limit={filters.limit}
        href={(limit) => referralListHref({ ...filters, limit, page: 1 })}
      />
      <AllFilterForm key={href} filters={filters} />
      <ListStatus
        query={page}
        count={page.data?.items.length}
        empty={<div className="alert alert-info">{t("referrals.inbox.allEmpty")}</div>}
      />
      {page.data && page.data.items.length > 0 ? (
        <div className="table-responsive">
          <table
            className={`table referral-table${page.isFetching ? " is-fetching" : ""}`}
            aria-busy={page.isFetching}
          >
            <caption className="visually-hidden">{t("referrals.inbox.allCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("referrals.fields.household")}</th>
                {showPartner ? <th scope="col">{t("referrals.fields.partner")}</th> : null}
                <th scope="col">{t("referrals.fields.status")}</th>
                <th scope="col">{t("referrals.fields.urgency")}</th>
                <th scope="col">{t("referrals.fields.referredAt")}</th>
                <th scope="col">{t("referrals.fields.dueAt")}</th>
                <th scope="col">{t("referrals.fields.answeredAt")}</th>
                <th scope="col">{t("referrals.fields.returnReason")}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((r) => (
                <tr key={r.id} className={r.overdue ? "is-overdue" : undefined}>
                  <th scope="row" className="text-nowrap">
                    {r.status === "returned" && !showPartner ? (
                      r.householdReference
                    ) : (
                      <Link to={`/nuclei/${r.householdId}`}>{r.householdReference}</Link>
                    )}
                  </th>
                  {showPartner ? <td>{r.partner.name}</td> : null}
                  <td>
                    <ReferralStatusBadge status={r.status} />
                    {r.overdue ? (
                      <div className="mt-1">
                        <OverdueFlag />
                      </div>
                    ) : null}
                  </td>
                  <td>{labels.urgency(r.urgency)}</td>
                  <td className="text-nowrap">
                    <time dateTime={r.referredAt}>{format.dateTime(r.referredAt)}</time>
                  </td>
                  <td className="text-nowrap">
                    <time dateTime={r.dueAt}>{format.dateTime(r.dueAt)}</time>
                  </td>
                  <td className="text-nowrap">
                    {r.answeredAt ? (
                      <time dateTime={r.answeredAt}>{format.dateTime(r.answeredAt)}</time>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{r.returnReason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page.data ? (
        <Pagination
          page={filters.page}
          limit={filters.limit}
          total={total}
          href={(p) => referralListHref({ ...filters, page: p })}
          label={t("referrals.inbox.pagination")}
        />
      ) : null}
    </section>
  );
}

/**
 * Invii: the referrals awaiting an answer first (overdue ones flagged and on top), then all the
 * referrals with their state. Area B managers accept or return; the Comune follows every partner's.
 */
export function ReferralInboxPage() {
  const { t } = useTranslation();
  const canRefer = useCan("referrals:create");
  const canAnswer = useCan("referrals:answer");
  // A partner sees only its own referrals: the partner column would say the same on every row.
  const showPartner = !canAnswer;
  return (
    <>
      <PageTitle
        title={t("referrals.inbox.title")}
        lead={canAnswer ? t("referrals.inbox.leadPartner") : t("referrals.inbox.leadComune")}
      >
        {canRefer ? (
          <Link to="/invii/nuovo" className="btn btn-primary">
            <Icon name="plus" size="sm" className="icon-white me-1" />
            {t("referrals.new")}
          </Link>
        ) : null}
      </PageTitle>
      <PendingSection showPartner={showPartner} />
      <AllSection showPartner={showPartner} />
    </>
  );
}
