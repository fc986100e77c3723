// SPDX-License-Identifier: EUPL-1.2
import "./portal.css";
import { useMe } from "../auth/session.ts";
import { Icon } from "../components/icon.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { PORTAL_NEW_TICKET_PATH, PORTAL_TICKETS_PATH } from "../maintenance/maintenance-paths.ts";
import { Link } from "../router.tsx";
import { BalanceSummary } from "./balance-summary.tsx";
import { NoticeList } from "./notice-list.tsx";
import { usePortalAccount, usePortalInformation, usePortalTenancy } from "./portal-api.ts";
import { usePortalT } from "./portal-i18n.ts";
import { PORTAL_CONTRACT_PATH, PORTAL_INFORMATION_PATH, PORTAL_PAYMENTS_PATH } from "./portal-paths.ts";
import { isNoTenancy, PortalPending } from "./portal-pending.tsx";

/** How many notices the home page shows; the information page has them all. */
const LATEST_NOTICES = 3;

type Shortcut = { key: string; to: string; icon: string; primary?: boolean };

const SHORTCUTS: readonly Shortcut[] = [
  { key: "report", to: PORTAL_NEW_TICKET_PATH, icon: "tool", primary: true },
  { key: "payments", to: PORTAL_PAYMENTS_PATH, icon: "card" },
  { key: "contract", to: PORTAL_CONTRACT_PATH, icon: "file" },
  { key: "tickets", to: PORTAL_TICKETS_PATH, icon: "list" },
  { key: "information", to: PORTAL_INFORMATION_PATH, icon: "info-circle" },
];

/** Big cards a thumb can hit, each one link (stretched over its card) with a line saying what is there. */
function Shortcuts() {
  const { t } = usePortalT();
  return (
    <section className="mt-4" aria-labelledby="portal-shortcuts-title">
      <h2 id="portal-shortcuts-title" className="h4">
        {t("home.shortcutsTitle")}
      </h2>
      <ul className="portal-shortcuts list-unstyled mb-0">
        {SHORTCUTS.map((s) => (
          <li
            key={s.key}
            className={`card shadow-sm portal-shortcut${s.primary ? " portal-shortcut-primary" : ""}`}
          >
            <div className="card-body">
              <Icon name={s.icon} className={s.primary ? "icon-white" : "icon-primary"} />
              <div>
                <Link to={s.to} className="stretched-link portal-shortcut-link">
                  {t(`home.shortcuts.${s.key}.title`)}
                </Link>
                <p className="mb-0 small">{t(`home.shortcuts.${s.key}.text`)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LatestNotices() {
  const { t } = usePortalT();
  const information = usePortalInformation();
  if (information.error && isNoTenancy(information.error)) return null;
  const notices = information.data?.notices ?? [];
  return (
    <section className="mt-5" aria-labelledby="portal-latest-notices-title">
      <h2 id="portal-latest-notices-title" className="h4">
        {t("home.noticesTitle")}
      </h2>
      {information.data ? null : <PortalPending query={information} />}
      {information.data && notices.length === 0 ? <p>{t("notices.empty")}</p> : null}
      {notices.length > 0 ? <NoticeList notices={notices.slice(0, LATEST_NOTICES)} /> : null}
      {notices.length > 0 ? (
        <p>
          <Link to={PORTAL_INFORMATION_PATH}>{t("home.allNotices")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** La mia casa: the tenant's start page, made for a phone first. */
export function PortalHomePage() {
  const { t } = usePortalT();
  const { data: me } = useMe();
  const account = usePortalAccount();
  const tenancy = usePortalTenancy();
  const address = tenancy.data?.unit.address;
  // Without a tenancy the account says why once; the other sections would only repeat it.
  if (account.error && isNoTenancy(account.error))
    return (
      <div className="portal-page">
        <PageTitle title={t("home.title")} lead={t("home.greeting", { name: me?.name ?? "" })} />
        <PortalPending query={account} />
      </div>
    );
  return (
    <div className="portal-page">
      <PageTitle
        title={t("home.title")}
        lead={
          <>
            {t("home.greeting", { name: me?.name ?? "" })}
            {address ? <> {t("home.address", { address })}</> : null}
          </>
        }
      />
      {account.data ? (
        <BalanceSummary account={account.data} titleId="portal-home-balance-title">
          <Link to={PORTAL_PAYMENTS_PATH} className="btn btn-outline-primary btn-full-sm mt-1">
            {account.data.balanceCents > 0 ? t("home.howToPay") : t("home.seePayments")}
          </Link>
        </BalanceSummary>
      ) : (
        <PortalPending query={account} />
      )}
      <Shortcuts />
      <LatestNotices />
    </div>
  );
}
