// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AllocationRules } from "../../domain/eligibility/rules-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { ListStatus } from "../components/list-status.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { Link } from "../router.tsx";
import { useActiveRules, useRulesVersions } from "./allocation-api.ts";
import { HubBreadcrumb } from "./allocation-hub-page.tsx";
import { FactsCard } from "./facts-list.tsx";
import { PUBLISHED_CRITERIA_PATH } from "./published-criteria-page.tsx";
import { RulesForm } from "./rules-form.tsx";

function ActiveVersion({ active }: { active: AllocationRules }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FactsCard
      id="rules-active-title"
      title={t("allocation.rules.activeTitle")}
      facts={[
        {
          key: "version",
          label: t("allocation.fields.version"),
          value: active.stored ? String(active.version) : t("allocation.rules.startingVersion"),
        },
        { key: "by", label: t("allocation.fields.savedBy"), value: active.createdBy?.name ?? "—" },
        {
          key: "at",
          label: t("allocation.fields.activeFrom"),
          value: active.activeFrom ? format.dateTime(active.activeFrom) : "—",
        },
        { key: "reason", label: t("allocation.fields.reason"), value: active.reason },
      ]}
    >
      <p className="mt-3 mb-0">
        <Link to={PUBLISHED_CRITERIA_PATH}>{t("allocation.rules.publishedLink")}</Link>
      </p>
    </FactsCard>
  );
}

function VersionHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useRulesVersions();
  return (
    <section className="mt-4" aria-labelledby="rules-history-title">
      <h2 id="rules-history-title" className="h4">
        {t("allocation.rules.historyTitle")}
      </h2>
      <ListStatus
        query={versions}
        count={versions.data?.items.length}
        empty={<p>{t("allocation.rules.noVersions")}</p>}
      />
      {versions.data && versions.data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t("allocation.rules.historyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("allocation.fields.version")}</th>
                <th scope="col">{t("allocation.fields.activeFrom")}</th>
                <th scope="col">{t("allocation.fields.savedBy")}</th>
                <th scope="col">{t("allocation.fields.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.items.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td className="text-nowrap">{v.activeFrom ? format.dateTime(v.activeFrom) : "—"}</td>
                  <td>{v.createdBy?.name ?? "—"}</td>
                  <td className="notes">{v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Regole di assegnazione: the version in force, its history, and the form for the next one. */
export function RulesPage() {
  const { t } = useTranslation();
  const active = useActiveRules();
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <>
      <HubBreadcrumb current={t("allocation.rules.title")} />
      <PageTitle title={t("allocation.rules.title")} lead={t("allocation.rules.lead")} />
      <div aria-live="polite">
        {saved !== null ? (
          <div key={saved} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {t("allocation.rules.saved", { version: saved })}
          </div>
        ) : null}
      </div>
      {active.error ? <ErrorAlert error={active.error} onRetry={() => active.refetch()} /> : null}
      {active.isPending ? <Loading /> : null}
      {active.data ? (
        <>
          <ActiveVersion active={active.data} />
          <VersionHistory />
          <div className="card shadow-sm mt-4">
            <div className="card-body">
              <RulesForm
                // A new version starts a fresh form from its own figures.
                key={active.data.version}
                active={active.data}
                onSaved={(version) => setSaved(version)}
              />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
