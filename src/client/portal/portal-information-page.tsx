// SPDX-License-Identifier: EUPL-1.2
import "./portal.css";
import type { ReactNode } from "react";
import type { PortalInformation } from "../../domain/portal/portal.schema.ts";
import { Icon } from "../components/icon.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { PORTAL_NEW_TICKET_PATH } from "../maintenance/maintenance-paths.ts";
import { Link } from "../router.tsx";
import { NoticeList } from "./notice-list.tsx";
import { usePortalInformation } from "./portal-api.ts";
import { PortalBreadcrumb } from "./portal-breadcrumb.tsx";
import { telHref, usePortalT } from "./portal-i18n.ts";
import { PortalPending } from "./portal-pending.tsx";

function Contact(props: { icon: string; label: string; children: ReactNode }) {
  return (
    <div className="facts-row portal-contact">
      <dt>
        <Icon name={props.icon} size="sm" className="icon-primary me-1" />
        {props.label}
      </dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function Contacts({ information: info }: { information: PortalInformation }) {
  const { t } = usePortalT();
  const tel = telHref(info.phone);
  const none = info.phone === "" && info.email === "" && info.officeHours === "" && info.address === "";
  return (
    <section className="card shadow-sm" aria-labelledby="portal-contacts-title">
      <div className="card-body">
        <h2 id="portal-contacts-title" className="h4">
          {t("information.contactsTitle")}
        </h2>
        {info.managerName ? <p className="fw-semibold">{info.managerName}</p> : null}
        {none ? (
          <p className="mb-0">{t("information.contactsEmpty")}</p>
        ) : (
          <dl className="facts mb-0">
            {info.phone !== "" ? (
              <Contact icon="telephone" label={t("information.phone")}>
                {tel ? (
                  <a href={tel} className="portal-contact-link">
                    {info.phone}
                  </a>
                ) : (
                  info.phone
                )}
              </Contact>
            ) : null}
            {info.email !== "" ? (
              <Contact icon="mail" label={t("information.email")}>
                <a href={`mailto:${info.email}`} className="portal-contact-link">
                  {info.email}
                </a>
              </Contact>
            ) : null}
            {info.officeHours !== "" ? (
              <Contact icon="clock" label={t("information.officeHours")}>
                <span className="portal-text">{info.officeHours}</span>
              </Contact>
            ) : null}
            {info.address !== "" ? (
              <Contact icon="map-marker" label={t("information.address")}>
                <span className="portal-text">{info.address}</span>
              </Contact>
            ) : null}
          </dl>
        )}
        <p className="mt-3 mb-0 small">{t("information.emergency")}</p>
      </div>
    </section>
  );
}

function HouseRules({ text }: { text: string }) {
  const { t } = usePortalT();
  return (
    <section className="mt-5" aria-labelledby="portal-rules-title">
      <h2 id="portal-rules-title" className="h4">
        {t("information.rulesTitle")}
      </h2>
      {text === "" ? (
        <p>{t("information.rulesEmpty")}</p>
      ) : (
        <div className="card shadow-sm">
          <div className="card-body">
            <p className="portal-text mb-0" data-testid="house-rules">
              {text}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}

/** Informazioni: the manager's contacts and office hours, the house rules, every notice. */
export function PortalInformationPage() {
  const { t } = usePortalT();
  const information = usePortalInformation();
  const data = information.data;
  return (
    <div className="portal-page">
      <PortalBreadcrumb current={t("information.title")} />
      <PageTitle title={t("information.title")} lead={t("information.lead")} />
      {data ? (
        <>
          <Contacts information={data} />
          <p className="mt-4">
            <Link to={PORTAL_NEW_TICKET_PATH} className="btn btn-primary btn-full-sm">
              <Icon name="tool" size="sm" className="icon-white me-1" />
              {t("information.report")}
            </Link>
          </p>
          <HouseRules text={data.houseRules} />
          <section className="mt-5" aria-labelledby="portal-all-notices-title">
            <h2 id="portal-all-notices-title" className="h4">
              {t("information.noticesTitle")}
            </h2>
            {data.notices.length === 0 ? <p>{t("notices.empty")}</p> : <NoticeList notices={data.notices} />}
          </section>
        </>
      ) : (
        <PortalPending query={information} />
      )}
    </div>
  );
}
