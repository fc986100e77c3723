// SPDX-License-Identifier: EUPL-1.2
import "./portal.css";
import type { PortalAccount } from "../../domain/portal/portal.schema.ts";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { BalanceSummary } from "./balance-summary.tsx";
import { CopyButton } from "./copy-button.tsx";
import { usePortalAccount } from "./portal-api.ts";
import { PortalBreadcrumb } from "./portal-breadcrumb.tsx";
import { groupedNoticeNumber, usePortalLabels, usePortalT } from "./portal-i18n.ts";
import { PortalPending } from "./portal-pending.tsx";

type Notice = PortalAccount["notices"][number];

function NoticeCard({ notice, index }: { notice: Notice; index: number }) {
  const { t } = usePortalT();
  const labels = usePortalLabels();
  const format = useFormat();
  const euro = (cents: number) => format.euro(cents, { cents: true });
  const what = labels.charge(notice.kind, notice.period);
  const titleId = `payment-notice-${index}`;
  const partlyPaid = notice.outstandingCents !== notice.amountCents;
  return (
    <li className={`card shadow-sm mb-3 portal-notice${notice.overdue ? " portal-notice-overdue" : ""}`}>
      <article className="card-body" aria-labelledby={titleId}>
        <h3 id={titleId} className="h5 mb-2">
          {what}
        </h3>
        <p className="portal-notice-amount mb-1">{euro(notice.outstandingCents)}</p>
        {partlyPaid ? (
          <p className="small mb-1">{t("payments.partlyPaid", { amount: euro(notice.amountCents) })}</p>
        ) : null}
        <p className={`mb-2${notice.overdue ? " portal-overdue" : ""}`}>
          {notice.overdue
            ? t("payments.overdue", { date: format.date(notice.dueOn) })
            : t("payments.dueOn", { date: format.date(notice.dueOn) })}
        </p>
        {notice.noticeNumber ? (
          <>
            <p className="mb-2">
              <span className="d-block small fw-semibold">{t("payments.noticeNumber")}</span>
              <span className="portal-notice-number">{groupedNoticeNumber(notice.noticeNumber)}</span>
            </p>
            <CopyButton
              text={notice.noticeNumber}
              label={t("payments.copy")}
              what={t("payments.copyWhat", { what })}
            />
          </>
        ) : (
          <p className="small mb-0">{t("payments.noNoticeNumber")}</p>
        )}
      </article>
    </li>
  );
}

function Notices({ account }: { account: PortalAccount }) {
  const { t } = usePortalT();
  const notices = [...account.notices].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <section className="mt-5" aria-labelledby="portal-notices-title">
      <h2 id="portal-notices-title" className="h4">
        {t("payments.noticesTitle")}
      </h2>
      {notices.length === 0 ? (
        <p>{t("payments.noticesEmpty")}</p>
      ) : (
        <ul className="list-unstyled mb-0" data-testid="payment-notices">
          {notices.map((n, i) => (
            <NoticeCard key={`${n.period}-${n.kind}-${n.noticeNumber ?? i}`} notice={n} index={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** How to pay a pagoPA notice, in plain words: where, and what to have at hand. */
function HowToPay() {
  const { t } = usePortalT();
  return (
    <section className="mt-5" aria-labelledby="portal-how-to-pay-title">
      <h2 id="portal-how-to-pay-title" className="h4">
        {t("payments.howTitle")}
      </h2>
      <p>{t("payments.howIntro")}</p>
      <ul>
        <li>{t("payments.howPsp")}</li>
        <li>{t("payments.howBank")}</li>
        <li>{t("payments.howIo")}</li>
      </ul>
      <p className="mb-0">{t("payments.howAfter")}</p>
    </section>
  );
}

/** Movimenti: every charge and payment, newest first, with the balance after each. */
function Entries({ account }: { account: PortalAccount }) {
  const { t } = usePortalT();
  const labels = usePortalLabels();
  const format = useFormat();
  const euro = (cents: number) => format.euro(cents, { cents: true });
  // A credit may wrap before "a credito"; an amount never breaks.
  const balance = (cents: number) =>
    cents < 0 ? (
      <>
        <span className="text-nowrap">{euro(-cents)}</span> {t("entries.inCredit")}
      </>
    ) : (
      <span className="text-nowrap">{euro(cents)}</span>
    );
  const entries = account.entries.map((e, i) => ({ ...e, key: `${i}` })).reverse();
  return (
    <section className="mt-5" aria-labelledby="portal-entries-title">
      <h2 id="portal-entries-title" className="h4">
        {t("entries.title")}
      </h2>
      {entries.length === 0 ? (
        <p>{t("entries.empty")}</p>
      ) : (
        <>
          <p className="small">{t("entries.intro")}</p>
          {/* Three columns fit a phone (the date goes under each movement's name); what is still too
              wide scrolls inside its own region, never the page, and the region takes the focus so it
              scrolls by keyboard too. */}
          <section
            className="table-responsive portal-table-scroll"
            aria-label={t("entries.caption")}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
            tabIndex={0}
          >
            <table className="table table-sm portal-entries mb-0" data-testid="portal-entries">
              <caption className="visually-hidden">{t("entries.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("entries.entry")}</th>
                  <th scope="col" className="text-end">
                    {t("entries.amount")}
                  </th>
                  <th scope="col" className="text-end">
                    {t("entries.balance")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.key} className={`portal-entry-${e.kind}`}>
                    <th scope="row" className="fw-normal">
                      <span className="d-block">{labels.entry(e)}</span>
                      <span className="small">{format.date(e.on)}</span>
                    </th>
                    <td className="text-end text-nowrap">
                      {e.debitCents > 0
                        ? euro(e.debitCents)
                        : t("entries.credit", { amount: euro(e.creditCents) })}
                    </td>
                    <td className="text-end">{balance(e.balanceCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}

/** Pagamenti: the balance, the pagoPA notices still to pay and how, and the account's movements. */
export function PortalPaymentsPage() {
  const { t } = usePortalT();
  const account = usePortalAccount();
  return (
    <div className="portal-page">
      <PortalBreadcrumb current={t("payments.title")} />
      <PageTitle title={t("payments.title")} lead={t("payments.lead")} />
      {account.data ? (
        <>
          <BalanceSummary account={account.data} titleId="portal-payments-balance-title" />
          <Notices account={account.data} />
          <HowToPay />
          <Entries account={account.data} />
        </>
      ) : (
        <PortalPending query={account} />
      )}
    </div>
  );
}
