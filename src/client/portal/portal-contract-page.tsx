// SPDX-License-Identifier: EUPL-1.2
import "./portal.css";
import type { PortalTenancy } from "../../domain/portal/portal.schema.ts";
import { type Fact, FactsCard } from "../allocation/facts-list.tsx";
import { Icon } from "../components/icon.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { Link } from "../router.tsx";
import { portalDocumentHref, usePortalTenancy } from "./portal-api.ts";
import { PortalBreadcrumb } from "./portal-breadcrumb.tsx";
import { fileTypeOf, usePortalLabels, usePortalT } from "./portal-i18n.ts";
import { PORTAL_INFORMATION_PATH } from "./portal-paths.ts";
import { PortalPending } from "./portal-pending.tsx";

function Terms({ tenancy }: { tenancy: PortalTenancy }) {
  const { t } = usePortalT();
  const labels = usePortalLabels();
  const format = useFormat();
  const date = (iso: string | null, none: string) => (iso ? format.date(iso) : none);
  const months = (n: number) => t("contract.months", { count: n });
  const facts: Fact[] = [
    { key: "reference", label: t("contract.reference"), value: tenancy.reference },
    {
      key: "type",
      label: t("contract.type"),
      value: tenancy.contractType ? labels.contractType(tenancy.contractType) : t("contract.notSet"),
    },
    { key: "status", label: t("contract.status"), value: labels.status(tenancy.status) },
    { key: "start", label: t("contract.startOn"), value: date(tenancy.startOn, t("contract.notSet")) },
    { key: "end", label: t("contract.endOn"), value: date(tenancy.endOn, t("contract.openEnded")) },
  ];
  if (tenancy.renewalMonths > 0)
    facts.push({ key: "renewal", label: t("contract.renewal"), value: months(tenancy.renewalMonths) });
  if (tenancy.noticeMonths > 0)
    facts.push({ key: "notice", label: t("contract.notice"), value: months(tenancy.noticeMonths) });
  return <FactsCard id="portal-contract-terms" title={t("contract.termsTitle")} facts={facts} />;
}

function Money({ tenancy }: { tenancy: PortalTenancy }) {
  const { t } = usePortalT();
  const labels = usePortalLabels();
  const format = useFormat();
  const euro = (cents: number) => format.euro(cents, { cents: true });
  return (
    <FactsCard
      id="portal-contract-money"
      title={t("contract.moneyTitle")}
      facts={[
        { key: "rent", label: labels.monthlyAmount(tenancy.contractType), value: euro(tenancy.rentCents) },
        { key: "service", label: t("contract.serviceCharges"), value: euro(tenancy.serviceChargeCents) },
        {
          key: "total",
          label: t("contract.monthlyTotal"),
          value: <strong>{euro(tenancy.rentCents + tenancy.serviceChargeCents)}</strong>,
        },
        { key: "deposit", label: t("contract.deposit"), value: euro(tenancy.depositCents) },
      ]}
    />
  );
}

function Home({ tenancy }: { tenancy: PortalTenancy }) {
  const { t } = usePortalT();
  const labels = usePortalLabels();
  return (
    <FactsCard
      id="portal-contract-home"
      title={t("contract.homeTitle")}
      facts={[
        { key: "address", label: t("contract.address"), value: tenancy.unit.address },
        { key: "code", label: t("contract.unitCode"), value: tenancy.unit.code },
        { key: "manager", label: t("contract.manager"), value: tenancy.manager.name ?? t("contract.notSet") },
        {
          key: "signatories",
          label: t("contract.signatories"),
          value:
            tenancy.signatories.length === 0 ? (
              t("contract.notSet")
            ) : (
              <ul className="list-unstyled mb-0">
                {tenancy.signatories.map((s) => (
                  <li key={`${s.role}-${s.name}`}>
                    {s.name} <span className="small">({labels.role(s.role)})</span>
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}

function Documents({ tenancy }: { tenancy: PortalTenancy }) {
  const { t } = usePortalT();
  const labels = usePortalLabels();
  const format = useFormat();
  return (
    <section className="mt-5" aria-labelledby="portal-documents-title">
      <h2 id="portal-documents-title" className="h4">
        {t("contract.documentsTitle")}
      </h2>
      {tenancy.documents.length === 0 ? (
        <p>
          {t("contract.documentsEmpty")} <Link to={PORTAL_INFORMATION_PATH}>{t("contract.askManager")}</Link>
        </p>
      ) : (
        <ul className="list-unstyled portal-documents mb-0">
          {tenancy.documents.map((d) => {
            const type = fileTypeOf(d.fileName);
            return (
              <li key={d.id} className="card shadow-sm mb-3">
                <div className="card-body">
                  <Icon name={type === "PDF" ? "file-pdf" : "file"} className="icon-primary" />
                  <div>
                    <a href={portalDocumentHref(d.id)} download={d.fileName} className="portal-download">
                      {t("contract.download", { title: d.title })}
                      {type ? <span className="small"> ({type})</span> : null}
                    </a>
                    <p className="small mb-0">
                      {labels.documentKind(d.kind)} ·{" "}
                      {t("contract.sharedOn", { date: format.dateTime(d.uploadedAt) })}
                    </p>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Il mio contratto: the terms, what is paid each month, the home, the documents shared with the tenant. */
export function PortalContractPage() {
  const { t } = usePortalT();
  const labels = usePortalLabels();
  const tenancy = usePortalTenancy();
  const data = tenancy.data;
  return (
    <div className="portal-page">
      <PortalBreadcrumb current={t("contract.title")} />
      <PageTitle
        title={t("contract.title")}
        lead={
          data
            ? t("contract.lead", { reference: data.reference, status: labels.status(data.status) })
            : undefined
        }
      />
      {data ? (
        <>
          <div className="row g-4">
            <div className="col-12 col-lg-6">
              <Home tenancy={data} />
            </div>
            <div className="col-12 col-lg-6">
              <Money tenancy={data} />
            </div>
            <div className="col-12 col-lg-6">
              <Terms tenancy={data} />
            </div>
          </div>
          <Documents tenancy={data} />
        </>
      ) : (
        <PortalPending query={tenancy} />
      )}
    </div>
  );
}
