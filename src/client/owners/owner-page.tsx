// SPDX-License-Identifier: EUPL-1.2
import "./owners.css";
import { Fragment, type ReactNode, useState } from "react";
import type { OwnerDetail } from "../../domain/owners/owners-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending, RecordSection } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { OfferCard } from "./offer-card.tsx";
import { ContactForm, EditOwnerForm, OfferForm } from "./owner-forms.tsx";
import { useOwner } from "./owners-api.ts";
import { useOwnersLabels, useOwnersT } from "./owners-i18n.ts";
import { OWNERS_PATH } from "./owners-paths.ts";

/** One owner: its details (and their change), its contacts, and the homes it offered with their moves. */
export function OwnerPage({ id }: { id: string }) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const owner = useOwner(id);
  const data = owner.data;
  return (
    <>
      <RecordBreadcrumb
        listHref={OWNERS_PATH}
        listLabel={t("page.title")}
        current={data?.owner.name ?? null}
      />
      <PageTitle
        title={data ? data.owner.name : t("owner.loadingTitle")}
        lead={
          data
            ? t("owner.lead", { kind: labels.kind(data.owner.kind), place: labels.place(data.owner) })
            : undefined
        }
      />
      {data ? (
        <OwnerView detail={data} />
      ) : (
        <RecordPending query={owner} notFound={t("owner.notFound")} listHref={OWNERS_PATH} />
      )}
    </>
  );
}

function OwnerView({ detail }: { detail: OwnerDetail }) {
  const { t } = useOwnersT();
  const canWrite = useCan("owners:write");
  return (
    <>
      <RecordSection id="owner-facts-title" title={t("owner.facts")}>
        <OwnerFacts detail={detail} />
        {canWrite ? <EditOwner detail={detail} /> : null}
      </RecordSection>
      <RecordSection id="owner-contacts-title" title={t("contacts.title")}>
        <Contacts detail={detail} canWrite={canWrite} />
      </RecordSection>
      <RecordSection id="owner-offers-title" title={t("offers.title")}>
        <Offers detail={detail} canWrite={canWrite} />
      </RecordSection>
    </>
  );
}

function OwnerFacts({ detail }: { detail: OwnerDetail }) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const format = useFormat();
  const { owner } = detail;
  const facts: [string, ReactNode][] = [
    [t("ownerForm.kind"), labels.kind(owner.kind)],
    [t("ownerForm.contact"), owner.contact === "" ? t("owner.noContact") : owner.contact],
    [t("list.place"), labels.place(owner)],
    [
      t("list.contacts"),
      owner.lastContactOn === null
        ? t("owner.noContacts")
        : t("owner.contactsTally", { count: owner.contacts, date: format.date(owner.lastContactOn) }),
    ],
    [t("list.offers"), t("owner.offersTally", { count: owner.offers, entered: owner.unitsEntered })],
  ];
  if (owner.notes !== "")
    facts.push([
      t("ownerForm.notes"),
      <span key="notes" className="owners-text">
        {owner.notes}
      </span>,
    ]);
  return (
    <dl className="owners-facts">
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function EditOwner({ detail }: { detail: OwnerDetail }) {
  const { t } = useOwnersT();
  const done = useDone();
  // The form edits the owner as read when the page opened it, whatever the page reads again later:
  // a change made meanwhile by someone else is then refused (409), never overwritten. A saved change
  // starts the form again from what was saved.
  const [read, setRead] = useState(detail.owner);
  return (
    <>
      {done.node}
      <details className="owners-details mb-4">
        <summary>{t("ownerEdit.open")}</summary>
        <EditOwnerForm
          key={read.version}
          owner={read}
          onSaved={(saved) => {
            setRead(saved);
            done.say(t("ownerEdit.done", { name: saved.name }));
          }}
        />
      </details>
    </>
  );
}

function Contacts({ detail, canWrite }: { detail: OwnerDetail; canWrite: boolean }) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const format = useFormat();
  const done = useDone();
  const caption = t("contacts.caption", { name: detail.owner.name });
  return (
    <>
      {detail.contacts.length === 0 ? (
        <p>{t("contacts.none")}</p>
      ) : (
        <TableScroll label={caption} className="owners-scroll">
          <table className="table table-sm owners-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("contacts.date")}</th>
                <th scope="col">{t("contacts.channel")}</th>
                <th scope="col">{t("contacts.outcome")}</th>
                <th scope="col">{t("contacts.note")}</th>
                <th scope="col">{t("contacts.by")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="text-nowrap">
                    {format.date(c.contactedOn)}
                  </th>
                  <td>{labels.channel(c.channel)}</td>
                  <td>{labels.outcome(c.outcome)}</td>
                  <td className="owners-text">{c.note === "" ? "—" : c.note}</td>
                  <td>{c.organisationCode}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canWrite ? (
        <>
          {done.node}
          <ContactForm ownerId={detail.owner.id} onSaved={done.say} />
        </>
      ) : null}
    </>
  );
}

function Offers({ detail, canWrite }: { detail: OwnerDetail; canWrite: boolean }) {
  const { t } = useOwnersT();
  const done = useDone();
  return (
    <>
      <p>{t("offers.lead")}</p>
      {detail.offers.length === 0 ? <p>{t("offers.none")}</p> : null}
      {detail.offers.map((offer) => (
        <OfferCard key={offer.id} offer={offer} canWrite={canWrite} />
      ))}
      {canWrite ? (
        <>
          {done.node}
          <OfferForm owner={detail.owner} onSaved={done.say} />
        </>
      ) : null}
    </>
  );
}
