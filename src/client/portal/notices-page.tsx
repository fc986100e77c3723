// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import type { Notice } from "../../domain/portal/portal.schema.ts";
import { useMe } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { NoticeForm } from "./notice-form.tsx";
import { useNotices, useTenantInformation } from "./portal-api.ts";
import { usePortalT } from "./portal-i18n.ts";
import { TenantInformationForm } from "./tenant-information-form.tsx";

/** Who a notice is for: all the organisation's tenants, one building's, or one unit's. */
function useAudience() {
  const { t } = usePortalT();
  return (notice: Notice) =>
    notice.unitCode !== null
      ? t("manage.audience.unitOf", { code: notice.unitCode })
      : notice.buildingCode !== null
        ? t("manage.audience.buildingOf", { code: notice.buildingCode })
        : t("manage.audience.allTenants");
}

function PublishedNotices() {
  const { t } = usePortalT();
  const format = useFormat();
  const audience = useAudience();
  const notices = useNotices();
  if (notices.isPending) return <Loading />;
  if (notices.isError) return <ErrorAlert error={notices.error} />;
  const items = notices.data.items;
  if (items.length === 0) return <p>{t("manage.list.empty")}</p>;
  return (
    <div className="table-responsive">
      <table className="table table-sm align-top">
        <caption>{t("manage.list.caption", { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("manage.list.publishedOn")}</th>
            <th scope="col">{t("manage.list.notice")}</th>
            <th scope="col">{t("manage.list.audience")}</th>
            <th scope="col">{t("manage.list.organisation")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              <td className="text-nowrap">{format.date(n.publishedOn)}</td>
              <td>
                <strong>{n.title}</strong>
                <p className="mb-0 small notice-body">{n.body}</p>
              </td>
              <td>{audience(n)}</td>
              <td>{n.organisationCode}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a form just did, said where the reader is and read out by screen readers. */
function Done({ text }: { text: string | null }) {
  return (
    <div aria-live="polite">
      {text ? (
        <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
          {text}
        </div>
      ) : null}
    </div>
  );
}

function InformationSection() {
  const { t } = usePortalT();
  const information = useTenantInformation();
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="information-title" className="mb-5">
      <h2 id="information-title" className="h4">
        {t("manage.information.title")}
      </h2>
      <p>{t("manage.information.intro")}</p>
      <Done text={done} />
      {information.isPending ? (
        <Loading />
      ) : information.isError ? (
        <ErrorAlert error={information.error} />
      ) : (
        <TenantInformationForm saved={information.data} onDone={setDone} />
      )}
    </section>
  );
}

function NoticeSection() {
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="mb-5">
      <Done text={done} />
      <NoticeForm onDone={setDone} />
    </div>
  );
}

/**
 * Comunicazioni agli inquilini: what the tenants of the organisation's units read in their portal —
 * the office's contacts and hours, the house rules, and notices to all of them, to one building's or
 * to one unit's.
 */
export function NoticesPage() {
  const { t } = usePortalT();
  const { data: me } = useMe();
  const isComune = me?.role.startsWith("comune_") ?? false;
  return (
    <>
      <PageTitle title={t("manage.title")} lead={isComune ? t("manage.leadComune") : t("manage.lead")} />
      <InformationSection />
      <NoticeSection />
      <section aria-labelledby="published-title">
        <h2 id="published-title" className="h4">
          {t("manage.list.title")}
        </h2>
        <PublishedNotices />
      </section>
    </>
  );
}
