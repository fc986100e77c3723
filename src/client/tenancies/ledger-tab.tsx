// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AGEING_BUCKETS } from "../../domain/ledger/account.ts";
import { PAYMENT_METHODS } from "../../domain/ledger/ledger-api.schema.ts";
import type { Tenancy, TenancyLedger } from "../../domain/tenancies/tenancy-api.schema.ts";
import { FactsCard } from "../allocation/facts-list.tsx";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { Loading } from "../components/loading.tsx";
import { type Format, useFormat } from "../format.ts";
import { PaymentForm, WriteOffForm } from "./ledger-forms.tsx";
import { useLedger } from "./tenancies-api.ts";
import { type TenancyLabels, useTenanciesT, useTenancyLabels } from "./tenancies-i18n.ts";

type Entry = TenancyLedger["entries"][number];

/** A balance in words: what is owed, what was paid ahead, or even. */
export function balanceText(
  t: (key: string, options?: Record<string, unknown>) => string,
  format: Format,
  cents: number,
) {
  if (cents > 0) return t("ledger.owes", { amount: format.euro(cents, { cents: true }) });
  if (cents < 0) return t("ledger.inCredit", { amount: format.euro(-cents, { cents: true }) });
  return t("ledger.even");
}

/** What a ledger entry is, in the interface language (the API labels it in English). */
function entryText(entry: Entry, labels: TenancyLabels, t: (key: string) => string): string {
  switch (entry.kind) {
    case "charge": {
      const [kind = "", period = ""] = entry.label.split(" ");
      return labels.charge(kind, period);
    }
    case "payment": {
      const [first = "", ...rest] = entry.label.split(" ");
      const method = PAYMENT_METHODS.find((m) => m === first);
      const text = method ? [labels.method(method), ...rest].join(" ") : entry.label;
      return `${t("ledger.payment")}: ${text}`;
    }
    case "write_off":
      return `${t("ledger.writeOff")}: ${entry.label}`;
  }
}

function Summary({ ledger }: { ledger: TenancyLedger }) {
  const { t } = useTenanciesT();
  const labels = useTenancyLabels();
  const format = useFormat();
  const euro = (cents: number) => format.euro(cents, { cents: true });
  return (
    <div className="row g-4">
      <div className="col-12 col-lg-6">
        <FactsCard
          id="ledger-balance"
          title={t("ledger.balanceTitle")}
          facts={[
            {
              key: "balance",
              label: t("ledger.balance"),
              value: (
                <span
                  data-testid="ledger-balance"
                  className={
                    ledger.balanceCents > 0
                      ? "ledger-balance-owed"
                      : ledger.balanceCents < 0
                        ? "ledger-balance-credit"
                        : undefined
                  }
                >
                  {balanceText(t, format, ledger.balanceCents)}
                </span>
              ),
            },
            { key: "charged", label: t("ledger.charged"), value: euro(ledger.chargedCents) },
            { key: "paid", label: t("ledger.paid"), value: euro(ledger.paidCents) },
            { key: "writtenOff", label: t("ledger.writtenOff"), value: euro(ledger.writtenOffCents) },
          ]}
        />
      </div>
      <div className="col-12 col-lg-6">
        <FactsCard
          id="ledger-ageing"
          title={t("ledger.ageingTitle")}
          facts={[
            { key: "notDue", label: t("ledger.notDue"), value: euro(ledger.ageing.notDueCents) },
            { key: "overdue", label: t("ledger.overdue"), value: euro(ledger.ageing.overdueCents) },
            ...AGEING_BUCKETS.map((b) => ({
              key: b,
              label: labels.bucket(b),
              value: euro((ledger.ageing as Record<string, number>)[b] ?? 0),
            })),
          ]}
        />
      </div>
    </div>
  );
}

function Warnings({ ledger }: { ledger: TenancyLedger }) {
  const { t } = useTenanciesT();
  const labels = useTenancyLabels();
  const format = useFormat();
  if (ledger.warnings.length === 0) return null;
  return (
    <section className="alert alert-warning mt-4" aria-labelledby="ledger-warnings-title">
      <h3 id="ledger-warnings-title" className="h5">
        {t("ledger.warningsTitle")}
      </h3>
      <ul className="mb-0">
        {ledger.warnings.map((w) => (
          <li key={w.kind}>
            {t("ledger.warningSince", { warning: labels.warning(w.kind), date: format.date(w.since) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OpenCharges({ ledger }: { ledger: TenancyLedger }) {
  const { t } = useTenanciesT();
  const labels = useTenancyLabels();
  const format = useFormat();
  return (
    <section className="mt-5" aria-labelledby="open-charges-title">
      <h3 id="open-charges-title" className="h4">
        {t("ledger.openTitle")}
      </h3>
      {ledger.openCharges.length === 0 ? (
        <p>{t("ledger.openEmpty")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="open-charges">
            <caption className="visually-hidden">{t("ledger.openCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ledger.columns.charge")}</th>
                <th scope="col">{t("ledger.columns.dueOn")}</th>
                <th scope="col" className="text-end">
                  {t("ledger.columns.amount")}
                </th>
                <th scope="col" className="text-end">
                  {t("ledger.columns.outstanding")}
                </th>
                <th scope="col">{t("ledger.columns.notice")}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.openCharges.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{labels.charge(c.kind, c.period)}</th>
                  <td className="text-nowrap">{format.date(c.dueOn)}</td>
                  <td className="text-end text-nowrap">{format.euro(c.amountCents, { cents: true })}</td>
                  <td className="text-end text-nowrap">{format.euro(c.outstandingCents, { cents: true })}</td>
                  <td className="notice-number">{c.noticeNumber ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Entries({ ledger }: { ledger: TenancyLedger }) {
  const { t } = useTenanciesT();
  const labels = useTenancyLabels();
  const format = useFormat();
  const euro = (cents: number) => (cents === 0 ? "" : format.euro(cents, { cents: true }));
  return (
    <section className="mt-5" aria-labelledby="entries-title">
      <h3 id="entries-title" className="h4">
        {t("ledger.entriesTitle")}
      </h3>
      {ledger.entries.length === 0 ? (
        <p>{t("ledger.entriesEmpty")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm ledger-table" data-testid="ledger-entries">
            <caption className="visually-hidden">{t("ledger.entriesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ledger.columns.on")}</th>
                <th scope="col">{t("ledger.columns.entry")}</th>
                <th scope="col">{t("ledger.columns.notice")}</th>
                <th scope="col" className="text-end">
                  {t("ledger.columns.debit")}
                </th>
                <th scope="col" className="text-end">
                  {t("ledger.columns.credit")}
                </th>
                <th scope="col" className="text-end">
                  {t("ledger.columns.balance")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.entries.map((e) => (
                <tr key={`${e.kind}-${e.id}`}>
                  <td className="text-nowrap">{format.date(e.on)}</td>
                  <th scope="row" className="fw-normal">
                    {entryText(e, labels, t)}
                  </th>
                  <td className="notice-number">{e.noticeNumber ?? ""}</td>
                  <td className="text-end text-nowrap">{euro(e.debitCents)}</td>
                  <td className="text-end text-nowrap">{euro(e.creditCents)}</td>
                  <td className="text-end text-nowrap">{format.euro(e.balanceCents, { cents: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Estratto conto: balance, ageing, early warnings, what is open with its pagoPA notices, every entry. */
export function LedgerTab({ tenancy }: { tenancy: Tenancy }) {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const canWrite = useCan("ledger:write");
  const ledger = useLedger(tenancy.id);
  const [notice, setNotice] = useState<string | null>(null);
  const hasAccount = tenancy.status === "active" || tenancy.status === "ended";
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title" className="h4">
        {t("ledger.title")}
      </h2>
      <div aria-live="polite">
        {notice ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {notice}
          </div>
        ) : null}
      </div>
      {!hasAccount ? <p>{t("ledger.noAccount")}</p> : null}
      {ledger.error ? <ErrorAlert error={ledger.error} onRetry={() => ledger.refetch()} /> : null}
      {ledger.isPending ? <Loading label={common("common.loading")} /> : null}
      {ledger.data ? (
        <>
          <Summary ledger={ledger.data} />
          <Warnings ledger={ledger.data} />
          <OpenCharges ledger={ledger.data} />
          <Entries ledger={ledger.data} />
          {canWrite && hasAccount ? (
            <div className="row g-4 mt-2">
              <div className="col-12 col-xl-6">
                <PaymentForm tenancy={tenancy} onDone={setNotice} />
              </div>
              {ledger.data.balanceCents > 0 ? (
                <div className="col-12 col-xl-6">
                  <WriteOffForm
                    tenancy={tenancy}
                    balanceCents={ledger.data.balanceCents}
                    onDone={setNotice}
                  />
                </div>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
