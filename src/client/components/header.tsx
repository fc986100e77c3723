// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../domain/auth/roles.ts";
import { ALLOCATION_PATH, HUB_MENU_PERMISSIONS } from "../allocation/allocation-paths.ts";
import { useLogout, useMe } from "../auth/session.ts";
import { changeLanguage, LANGUAGES } from "../i18n/i18n.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { NotificationsLink } from "../workspace/notifications-link.tsx";
import { WORKSPACE_PATH } from "../workspace/workspace-paths.ts";
import { Icon } from "./icon.tsx";

/** A menu entry, shown to whoever has its permission (or any one of them). */
type NavEntry = {
  to: string;
  label: string;
  permission: Permission | readonly Permission[];
  exact?: boolean;
};

const mayOpen = (entry: NavEntry, permissions: readonly Permission[]) =>
  (typeof entry.permission === "string" ? [entry.permission] : entry.permission).some((p) =>
    permissions.includes(p),
  );

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t("language.label")}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="btn btn-sm language-button"
          aria-pressed={i18n.language === language}
          onClick={() => changeLanguage(language)}
        >
          {t(`language.${language}`, { lng: language })}
        </button>
      ))}
    </fieldset>
  );
}

function AccountZone() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  if (!me) return null;
  return (
    <div className="account-zone">
      <NotificationsLink />
      <span className="account-name">
        <Icon name="user" size="sm" className="icon-white me-1" />
        <span className="visually-hidden">{t("nav.signedInAs")} </span>
        {me.name} <span className="account-org">· {me.organisation.name}</span>
      </span>
      <button
        type="button"
        className="btn btn-sm btn-outline-light"
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/") })}
        disabled={logout.isPending}
      >
        {t("nav.logout")}
      </button>
    </div>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  // A page change closes the menu on small screens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not a value used.
  useEffect(() => setOpen(false), [pathname]);
  const close = useCallback(() => {
    setOpen(false);
    toggler.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, close]);
  if (!me) return null;
  const entries: NavEntry[] = [
    { to: "/", label: t("nav.dashboard"), permission: "stock:read", exact: true },
    { to: "/alloggi", label: t("nav.units"), permission: "units:read" },
    { to: "/alloggi/nuovo", label: t("nav.newUnit"), permission: "units:write", exact: true },
    { to: "/alloggi/importa", label: t("nav.import"), permission: "units:import", exact: true },
    { to: "/casi", label: t("caseload.nav"), permission: "households:write" },
    { to: "/nuclei", label: t("households.nav"), permission: "households:read" },
    { to: "/invii", label: t("referrals.nav"), permission: "households:read" },
    // One entry for the allocation area: its hub lists the pages the account may open.
    { to: ALLOCATION_PATH, label: t("allocation.nav.hub"), permission: HUB_MENU_PERMISSIONS },
    { to: "/contratti", label: t("tenancies:nav.tenancies"), permission: "tenancies:read" },
    { to: "/canoni", label: t("tenancies:nav.rentRoll"), permission: ["ledger:write", "ledger:close"] },
    { to: "/morosita", label: t("arrears:nav.list"), permission: "tenancies:read" },
    { to: "/attivita", label: t("arrears:nav.tasks"), permission: "arrears:work" },
    { to: "/manutenzione", label: t("maintenance:nav.tickets"), permission: "maintenance:read" },
    { to: "/lavori", label: t("works:nav.works"), permission: "works:read" },
    { to: "/piano", label: t("finance:nav.plan"), permission: "plan:read" },
    { to: "/finanziamenti", label: t("funding:nav.funding"), permission: "funding:read" },
    { to: "/monitoraggio", label: t("monitoring:nav.monitoring"), permission: "monitoring:read" },
    { to: "/rendiconti", label: t("expenses:nav.expenses"), permission: "expenses:read" },
    { to: "/cronoprogramma", label: t("timeline:nav.timeline"), permission: "timeline:read" },
    { to: "/governance", label: t("governance:nav.governance"), permission: "governance:read" },
    { to: WORKSPACE_PATH, label: t("workspace:nav.workspace"), permission: "governance:read" },
    { to: "/welfare", label: t("welfare:nav.welfare"), permission: "governance:read" },
    { to: "/reti", label: t("fund:nav.networks"), permission: "governance:read" },
    { to: "/proprietari", label: t("owners:nav.owners"), permission: "owners:read" },
    { to: "/comunicazioni", label: t("portal:nav.notices"), permission: "notices:write" },
    { to: "/portale", label: t("portal:nav.home"), permission: "portal:use", exact: true },
    { to: "/portale/pagamenti", label: t("portal:nav.payments"), permission: "portal:use" },
    { to: "/portale/contratto", label: t("portal:nav.contract"), permission: "portal:use" },
    { to: "/portale/segnalazioni", label: t("maintenance:nav.portalTickets"), permission: "portal:use" },
    { to: "/portale/informazioni", label: t("portal:nav.information"), permission: "portal:use" },
  ];
  const visible = entries.filter((e) => mayOpen(e, me.permissions));
  const isCurrent = (entry: NavEntry) => {
    if (entry.exact) return pathname === entry.to;
    // "Alloggi" covers the list and the unit pages, not the pages that have their own entry.
    const claimedElsewhere = visible.some((other) => other !== entry && other.exact && pathname === other.to);
    return !claimedElsewhere && (pathname === entry.to || pathname.startsWith(`${entry.to}/`));
  };
  return (
    <div className="it-header-navbar-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            <nav className="navbar navbar-expand-lg" aria-label={t("nav.main")}>
              <button
                ref={toggler}
                className="custom-navbar-toggler"
                type="button"
                aria-controls="main-menu"
                aria-expanded={open}
                aria-label={open ? t("nav.closeMenu") : t("nav.openMenu")}
                onClick={() => setOpen(true)}
              >
                <Icon name="burger" />
              </button>
              <div
                className={`navbar-collapsable${open ? " expanded" : ""}`}
                id="main-menu"
                style={open ? { display: "block" } : undefined}
              >
                {open ? <div className="menu-backdrop d-lg-none" onClick={close} aria-hidden="true" /> : null}
                <div className="menu-wrapper">
                  {open ? (
                    <div className="d-flex justify-content-end d-lg-none p-2">
                      <button ref={closer} type="button" className="btn btn-sm menu-close" onClick={close}>
                        <Icon name="close-big" size="sm" className="icon-primary" />
                        <span className="visually-hidden">{t("nav.closeMenu")}</span>
                      </button>
                    </div>
                  ) : null}
                  <ul className="navbar-nav flex-wrap">
                    {visible.map((entry) => {
                      const current = isCurrent(entry);
                      return (
                        <li className="nav-item" key={entry.to}>
                          <Link
                            to={entry.to}
                            className={`nav-link${current ? " active" : ""}`}
                            aria-current={current ? "page" : undefined}
                          >
                            <span>{entry.label}</span>
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              </div>
            </nav>
          </div>
        </div>
      </div>
    </div>
  );
}

/** Bootstrap Italia header: slim bar (owner, language, account), brand, main navigation. */
export function Header() {
  const { t } = useTranslation();
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <span className="navbar-brand">{t("app.owner")}</span>
                <div className="it-header-slim-right-zone">
                  <LanguageSwitch />
                  <AccountZone />
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to="/">
                      <Icon name="pa" />
                      <div className="it-brand-text">
                        <div className="it-brand-title">{t("app.name")}</div>
                        <div className="it-brand-tagline d-none d-md-block">{t("app.tagline")}</div>
                      </div>
                    </Link>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        <MainNav />
      </div>
    </header>
  );
}
