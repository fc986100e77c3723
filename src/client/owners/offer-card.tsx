// SPDX-License-Identifier: EUPL-1.2
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DECISION_STATUSES, type OfferStatus } from "../../domain/owners/owners.ts";
import type { OfferView } from "../../domain/owners/owners-api.schema.ts";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { Link } from "../router.tsx";
import { AcceptForm, DecisionForm, UptakeForm } from "./offer-forms.tsx";
import { useOwnersLabels, useOwnersT } from "./owners-i18n.ts";
import { offerId, unitHref } from "./owners-paths.ts";

/**
 * One offered home: where it stands, its figures, the rent asked against the caps, its guarantees
 * once in the stock, and the moves it may still make (for who writes, each as a form).
 */
export function OfferCard({ offer, canWrite }: { offer: OfferView; canWrite: boolean }) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const format = useFormat();
  const done = useDone();
  const headingId = `${offerId(offer.id)}-title`;
  const facts: [string, ReactNode][] = [
    [t("offerForm.surfaceM2"), format.squareMetres(offer.surfaceM2)],
    [t("offerForm.rooms"), offer.rooms],
    [
      t("offer.askedRent"),
      t("offer.perMonth", { amount: format.euro(offer.askedRentCents, { cents: true }) }),
    ],
    [t("offerForm.offeredOn"), format.date(offer.offeredOn)],
  ];
  return (
    <article id={offerId(offer.id)} className="card shadow-sm mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <h3 id={headingId} className="h4">
          {offer.address}, {labels.place(offer)}
        </h3>
        <p>
          <span className={`badge owners-badge status-${offer.status}`}>{labels.status(offer.status)}</span>{" "}
          <Standing offer={offer} />
        </p>
        <dl className="owners-facts">
          {facts.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
        {done.node}
        <RentAgainstCaps offer={offer} />
        {offer.status === "accepted" ? (
          <Guarantees offer={offer} canWrite={canWrite} onSaved={done.say} />
        ) : null}
        <Moves offer={offer} canWrite={canWrite} onSaved={done.say} />
      </div>
    </article>
  );
}

/** Where the offer stands, in words: since when, why, and the unit it became. */
function Standing({ offer }: { offer: OfferView }) {
  const { t } = useOwnersT();
  const format = useFormat();
  const decided = offer.decidedOn === null ? "" : format.date(offer.decidedOn);
  switch (offer.status) {
    case "offered":
      return <>{t("offer.standing.offered", { date: format.date(offer.offeredOn) })}</>;
    case "under_review":
      return <>{t("offer.standing.under_review", { date: decided })}</>;
    case "accepted":
      return (
        <>
          {t("offer.standing.accepted", { date: decided })}{" "}
          {offer.unitCode === null ? null : (
            <Link to={unitHref(offer.unitCode)}>
              <span className="visually-hidden">{t("offer.unitLink")} </span>
              {offer.unitCode}
            </Link>
          )}
        </>
      );
    case "declined":
    case "withdrawn":
      return <>{t(`offer.standing.${offer.status}`, { date: decided, reason: offer.reason })}</>;
  }
}

/** The rent asked against the monthly cap of each category it could be let in (of its own, once in). */
function RentAgainstCaps({ offer }: { offer: OfferView }) {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const money = (cents: number) => format.euro(cents, { cents: true });
  const caption = t("caps.caption", { rent: money(offer.askedRentCents) });
  return (
    <>
      <h4 className="h6">{t("caps.title")}</h4>
      <TableScroll label={caption} className="owners-scroll">
        <table className="table table-sm owners-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("caps.category")}</th>
              <th scope="col" className="text-end">
                {t("caps.cap")}
              </th>
              <th scope="col">{t("caps.against")}</th>
            </tr>
          </thead>
          <tbody>
            {offer.rentAgainstCap.map((c) => (
              <tr key={c.category}>
                <th scope="row">{common(`enums.category.${c.category}`)}</th>
                <td className="text-end text-nowrap">
                  {c.maxMonthlyRentCents === null ? t("caps.noCap") : money(c.maxMonthlyRentCents)}
                </td>
                <td>
                  {c.overCapCents === null ? (
                    t("caps.uncapped")
                  ) : c.overCapCents > 0 ? (
                    <strong>{t("caps.over", { amount: money(c.overCapCents) })}</strong>
                  ) : (
                    t("caps.within", { amount: money(-c.overCapCents) })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** The guarantees granted on a home in the stock, and for who writes a form to grant one. */
function Guarantees({
  offer,
  canWrite,
  onSaved,
}: {
  offer: OfferView;
  canWrite: boolean;
  onSaved: (text: string) => void;
}) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const format = useFormat();
  const caption = t("uptakes.caption", { address: offer.address });
  return (
    <>
      <h4 className="h6">{t("uptakes.title")}</h4>
      {offer.uptakes.length === 0 ? (
        <p>{t("uptakes.none")}</p>
      ) : (
        <TableScroll label={caption} className="owners-scroll">
          <table className="table table-sm owners-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("uptakes.scheme")}</th>
                <th scope="col">{t("uptakes.kind")}</th>
                <th scope="col">{t("uptakes.from")}</th>
                <th scope="col">{t("uptakes.to")}</th>
                <th scope="col" className="text-end">
                  {t("uptakes.months")}
                </th>
                <th scope="col" className="text-end">
                  {t("uptakes.cover")}
                </th>
              </tr>
            </thead>
            <tbody>
              {offer.uptakes.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.schemeName}</th>
                  <td>{labels.schemeKind(u.schemeKind)}</td>
                  <td className="text-nowrap">{format.date(u.from)}</td>
                  <td className="text-nowrap">{format.date(u.to)}</td>
                  <td className="text-end">{u.months}</td>
                  <td className="text-end text-nowrap">{format.euro(u.coverCents, { cents: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canWrite ? (
        <details className="owners-details mb-3">
          <summary>{t("uptakeForm.open")}</summary>
          <UptakeForm key={offer.uptakes.length} offer={offer} onSaved={onSaved} />
        </details>
      ) : null}
    </>
  );
}

const isDecision = (s: OfferStatus): s is (typeof DECISION_STATUSES)[number] =>
  (DECISION_STATUSES as readonly OfferStatus[]).includes(s);

/** The moves the offer may still make: in words, and for who writes a decision and the acceptance. */
function Moves({
  offer,
  canWrite,
  onSaved,
}: {
  offer: OfferView;
  canWrite: boolean;
  onSaved: (text: string) => void;
}) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const decisions = offer.nextStatuses.filter(isDecision);
  const accept = offer.nextStatuses.includes("accepted");
  return (
    <>
      <h4 className="h6">{t("moves.title")}</h4>
      <p className="mb-2">
        {offer.nextStatuses.length === 0
          ? t("moves.final")
          : t("moves.next", { statuses: offer.nextStatuses.map(labels.status).join(", ") })}
      </p>
      {canWrite && decisions.length > 0 ? (
        <details className="owners-details">
          <summary>{t("decisionForm.open")}</summary>
          {/* A decision brings a new version: the form starts again from it. */}
          <DecisionForm key={offer.version} offer={offer} statuses={decisions} onSaved={onSaved} />
        </details>
      ) : null}
      {canWrite && accept ? (
        <details className="owners-details">
          <summary>{t("acceptForm.open")}</summary>
          <AcceptForm key={offer.version} offer={offer} onSaved={onSaved} />
        </details>
      ) : null}
      {canWrite && offer.status === "offered" ? <p className="small mt-2">{t("moves.reviewFirst")}</p> : null}
    </>
  );
}
