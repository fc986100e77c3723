// SPDX-License-Identifier: EUPL-1.2
import "./funding.css";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  PLEDGE_SOURCES,
  PledgeInput,
  type PledgeSource,
  ReceiptInput,
} from "../../domain/funding/funding.ts";
import type { PledgeView } from "../../domain/funding/funding-api.schema.ts";
import { daysBetween } from "../../domain/ledger/period.ts";
import { useCan } from "../auth/session.ts";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { navigate, useLocation } from "../router.tsx";
import { centsOf, euroInput } from "../tenancies/money.ts";
import { useCreatePledge, usePledges, useReceipt } from "./funding-api.ts";
import { DaysLeft } from "./funding-badges.tsx";
import {
  FormCard,
  localToday,
  orNull,
  orUndefined,
  TableScroll,
  useDone,
  useFundingForm,
  useScrollToHash,
} from "./funding-form.tsx";
import { useFundingLabels, useFundingT } from "./funding-i18n.ts";
import { anchorOf, FUNDING_PATH, PLEDGES_PATH, sourceFromSearch } from "./funding-paths.ts";

/** Impegni e incassi: the pledges grouped by source, what came in, what is still to come. */
export function PledgesPage() {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const canWrite = useCan("funding:write");
  const { search } = useLocation();
  const source = sourceFromSearch(search);
  const pledges = usePledges();
  const items = pledges.data?.items;
  const shown = items?.filter((p) => source === undefined || p.source === source);
  const done = useDone();
  useScrollToHash(items !== undefined);
  return (
    <>
      <RecordBreadcrumb listHref={FUNDING_PATH} listLabel={t("summary.title")} current={t("pledges.title")} />
      <PageTitle title={t("pledges.title")} lead={t("pledges.lead")} />
      <form
        className="row align-items-end mb-3"
        aria-label={t("pledges.filter")}
        onSubmit={(event) => {
          const params = searchOfForm(event);
          navigate(`${PLEDGES_PATH}${params.size > 0 ? `?${params}` : ""}`);
        }}
      >
        <FilterSelect
          key={source ?? "all"}
          id="pledges-source"
          name="source"
          className="col-12 col-md-5"
          label={t("pledges.filterSource")}
          value={source}
          options={labels.sourceOptions}
        />
        <FilterActions className="col-12 col-md-7 mb-3" resetHref={source ? PLEDGES_PATH : null} />
      </form>
      <ListStatus query={pledges} count={shown?.length} empty={<p>{t("pledges.empty")}</p>} />
      {shown && shown.length > 0
        ? PLEDGE_SOURCES.filter((s) => shown.some((p) => p.source === s)).map((s) => (
            <SourceGroup
              key={s}
              source={s}
              pledges={shown.filter((p) => p.source === s)}
              canWrite={canWrite}
            />
          ))
        : null}
      {canWrite ? (
        <section aria-labelledby="pledge-form-title" className="mt-5">
          <h2 id="pledge-form-title" className="h3">
            {t("pledgeForm.title")}
          </h2>
          {done.node}
          <PledgeForm
            onSaved={(saved) =>
              done.say(t("pledgeForm.done", { donor: saved.donor, source: labels.source(saved.source) }))
            }
          />
        </section>
      ) : null}
    </>
  );
}

/** One source's pledges, with its totals. */
function SourceGroup({
  source,
  pledges,
  canWrite,
}: {
  source: PledgeSource;
  pledges: readonly PledgeView[];
  canWrite: boolean;
}) {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const money = (cents: number) => format.euro(cents, { cents: true });
  const sum = (key: "amountCents" | "receivedCents" | "outstandingCents") =>
    pledges.reduce((total, p) => total + p[key], 0);
  const today = localToday();
  const columns = canWrite ? 9 : 8;
  const headingId = `pledges-${source}-title`;
  return (
    <section aria-labelledby={headingId} className="mb-5">
      <h2 id={headingId} className="h3">
        {labels.source(source)}
      </h2>
      <TableScroll label={t("pledges.caption", { source: labels.source(source), count: pledges.length })}>
        <table className="table funding-table">
          <caption>{t("pledges.caption", { source: labels.source(source), count: pledges.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("pledges.donor")}</th>
              <th scope="col">{t("pledges.partner")}</th>
              <th scope="col">{t("pledges.area")}</th>
              <th scope="col">{t("pledges.expectedOn")}</th>
              <th scope="col" className="text-end">
                {t("pledges.pledged")}
              </th>
              <th scope="col" className="text-end">
                {t("pledges.received")}
              </th>
              <th scope="col" className="text-end">
                {t("pledges.outstanding")}
              </th>
              <th scope="col">{t("pledges.receipts")}</th>
              {canWrite ? <th scope="col">{t("pledges.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {pledges.map((p) => {
              const late = p.outstandingCents > 0 && p.expectedOn < today;
              const isOpen = open === p.id;
              const panelId = `${anchorOf.pledge(p.id)}-incasso`;
              return (
                <Fragment key={p.id}>
                  <tr id={anchorOf.pledge(p.id)} tabIndex={-1}>
                    <th scope="row">
                      {p.donor}
                      {p.notes ? <div className="small fw-normal">{p.notes}</div> : null}
                    </th>
                    <td>{p.partnerCode}</td>
                    <td>{p.area === null ? "—" : labels.area(p.area)}</td>
                    <td>
                      <div className="text-nowrap">{format.date(p.expectedOn)}</div>
                      <div className="small">
                        {t("pledges.pledgedOn", { date: format.date(p.pledgedOn) })}
                      </div>
                      {late ? (
                        <DaysLeft days={daysBetween(today, p.expectedOn)} warn note={t("pledges.late")} />
                      ) : null}
                    </td>
                    <td className="text-end text-nowrap">{money(p.amountCents)}</td>
                    <td className="text-end text-nowrap">{money(p.receivedCents)}</td>
                    <td className="text-end text-nowrap">{money(p.outstandingCents)}</td>
                    <td>
                      {p.receipts.length === 0 ? (
                        t("pledges.noReceipts")
                      ) : (
                        <ul>
                          {p.receipts.map((r) => (
                            <li key={r.id}>
                              {t("pledges.receiptLine", {
                                date: format.date(r.receivedOn),
                                amount: money(r.amountCents),
                              })}
                              {r.reference ? ` (${r.reference})` : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    {canWrite ? (
                      <td>
                        {p.outstandingCents > 0 || isOpen ? (
                          <button
                            type="button"
                            className="btn btn-sm btn-outline-primary"
                            aria-expanded={isOpen}
                            aria-controls={panelId}
                            onClick={() => setOpen(isOpen ? null : p.id)}
                          >
                            {t("pledges.recordReceipt")}
                            <span className="visually-hidden">
                              {" "}
                              {t("pledges.ofDonor", { donor: p.donor })}
                            </span>
                          </button>
                        ) : (
                          t("pledges.settled")
                        )}
                      </td>
                    ) : null}
                  </tr>
                  {canWrite ? (
                    <tr id={panelId} className="funding-actions-row" hidden={!isOpen}>
                      <td colSpan={columns}>{isOpen ? <ReceiptPanel pledge={p} /> : null}</td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("pledges.total")}</th>
              <td />
              <td />
              <td />
              <td className="text-end text-nowrap">{money(sum("amountCents"))}</td>
              <td className="text-end text-nowrap">{money(sum("receivedCents"))}</td>
              <td className="text-end text-nowrap">{money(sum("outstandingCents"))}</td>
              <td />
              {canWrite ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}

function ReceiptPanel({ pledge }: { pledge: PledgeView }) {
  const { t } = useFundingT();
  const format = useFormat();
  const done = useDone();
  return (
    <div className="py-2">
      {done.node}
      <FormCard
        id={`pledge-${pledge.id}-receipt`}
        level={3}
        title={t("receipt.title", { donor: pledge.donor })}
        lead={t("receipt.lead", { amount: format.euro(pledge.outstandingCents, { cents: true }) })}
      >
        {pledge.outstandingCents > 0 ? (
          <ReceiptForm
            key={`${pledge.id}-${pledge.receivedCents}`}
            pledge={pledge}
            onSaved={(amount) =>
              done.say(
                t("receipt.done", { amount: format.euro(amount, { cents: true }), donor: pledge.donor }),
              )
            }
          />
        ) : (
          <p className="mb-0">{t("pledges.settled")}</p>
        )}
      </FormCard>
    </div>
  );
}

const RECEIPT_FIELDS = ["amount", "receivedOn", "reference"] as const;
type ReceiptField = (typeof RECEIPT_FIELDS)[number];

/** Incasso: money received against a pledge; more than what is outstanding is refused beside the amount. */
function ReceiptForm({ pledge, onSaved }: { pledge: PledgeView; onSaved: (amountCents: number) => void }) {
  const { t } = useFundingT();
  const { i18n } = useTranslation();
  const receive = useReceipt(pledge.id);
  const form = useFundingForm<ReceiptField, ReceiptInput>({
    id: `pledge-${pledge.id}-receipt`,
    schema: ReceiptInput,
    fields: RECEIPT_FIELDS,
    defaults: {
      amount: euroInput(pledge.outstandingCents, i18n.language),
      receivedOn: localToday(),
      reference: "",
    },
    inputOf: (v) => ({ amountCents: centsOf(v.amount), receivedOn: v.receivedOn, reference: v.reference }),
    labelOf: (f) => t(`receipt.${f}`),
    fieldOf: (path) => (path === "amountCents" ? "amount" : null),
    save: async (input) => {
      await receive.mutateAsync(input);
      onSaved(input.amountCents);
    },
  });
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      <div className="row">
        {form.text("amount", "col-12 col-md-4", { required: true, inputMode: "decimal" })}
        {form.text("receivedOn", "col-12 col-md-4", { required: true, type: "date" })}
        {form.text("reference", "col-12 col-md-4")}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("receipt.save")} />
    </form>
  );
}

const PLEDGE_FIELDS = ["source", "donor", "area", "amount", "pledgedOn", "expectedOn", "notes"] as const;
type PledgeField = (typeof PLEDGE_FIELDS)[number];

/** Nuovo impegno: who gives how much from which source, and when it is expected. */
function PledgeForm({ onSaved }: { onSaved: (saved: PledgeView) => void }) {
  const { t } = useFundingT();
  const { t: common } = useTranslation();
  const labels = useFundingLabels();
  const create = useCreatePledge();
  const form = useFundingForm<PledgeField, PledgeInput>({
    id: "pledge-new",
    schema: PledgeInput,
    fields: PLEDGE_FIELDS,
    defaults: {
      source: "",
      donor: "",
      area: "",
      amount: "",
      pledgedOn: localToday(),
      expectedOn: "",
      notes: "",
    },
    inputOf: (v) => ({
      source: orUndefined(v.source),
      donor: v.donor,
      area: orNull(v.area),
      amountCents: centsOf(v.amount),
      pledgedOn: v.pledgedOn,
      expectedOn: v.expectedOn,
      notes: v.notes,
    }),
    labelOf: (f) => t(`pledgeForm.${f}`),
    fieldOf: (path) => (path === "amountCents" ? "amount" : null),
    resetAfterSave: true,
    save: async (input) => onSaved(await create.mutateAsync(input)),
  });
  return (
    <form noValidate onSubmit={form.submit} aria-label={t("pledgeForm.title")}>
      <p className="small">{common("form.requiredNote")}</p>
      {form.problems}
      <FieldSet legend={t("pledgeForm.legend")}>
        <div className="row">
          {form.select("source", "col-12 col-md-6", labels.sourceOptions, {
            required: true,
            empty: t("pledgeForm.chooseSource"),
          })}
          {form.text("donor", "col-12 col-md-6", { required: true, hint: t("pledgeForm.donorHint") })}
          {form.select("area", "col-12 col-md-6", labels.areaOptions, {
            empty: t("pledgeForm.noArea"),
            hint: t("pledgeForm.areaHint"),
          })}
          {form.text("amount", "col-12 col-md-6", { required: true, inputMode: "decimal" })}
          {form.text("pledgedOn", "col-12 col-md-6", { required: true, type: "date" })}
          {form.text("expectedOn", "col-12 col-md-6", { required: true, type: "date" })}
          {form.area("notes", "col-12", { rows: 2 })}
        </div>
      </FieldSet>
      <SubmitButton submitting={form.isSubmitting} label={t("pledgeForm.save")} />
    </form>
  );
}
