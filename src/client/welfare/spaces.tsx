// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BookingView, SpaceView, WelfareOverview } from "../../domain/welfare/welfare-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { useOrganisationName } from "../governance/governance-api.ts";
import { ByPlaceSection } from "./by-place-section.tsx";
import { AddSpaceForm, BookingForm } from "./space-forms.tsx";
import { useCancelBooking } from "./welfare-api.ts";
import { CardDetails, WelfareCard } from "./welfare-card.tsx";
import { useWelfareLabels, useWelfareT } from "./welfare-i18n.ts";
import { spaceId, spacesPlaceId } from "./welfare-paths.ts";

/** Gli spazi comuni e non residenziali: by place, each with its use, rules and bookings to come. */
export function SpacesSection({ overview }: { overview: WelfareOverview }) {
  const canWrite = useCan("welfare:write");
  return (
    <ByPlaceSection
      id="spazi"
      part="spaces"
      records={overview.spaces}
      placeId={spacesPlaceId}
      card={(s) => <SpaceCard key={s.id} space={s} canWrite={canWrite && s.editable} />}
    >
      {canWrite ? <AddSpaceForm /> : null}
    </ByPlaceSection>
  );
}

function SpaceCard({ space: s, canWrite }: { space: SpaceView; canWrite: boolean }) {
  const { t } = useWelfareT();
  const labels = useWelfareLabels();
  const format = useFormat();
  const organisation = useOrganisationName();
  const done = useDone();
  const id = spaceId(s.id);
  return (
    <WelfareCard id={id} name={s.name}>
      <dl className="welfare-facts small">
        <dt>{t("spaces.kind")}</dt>
        <dd>{labels.spaceKind(s.kind)}</dd>
        <dt>{t("spaces.building")}</dt>
        <dd>{s.buildingCode}</dd>
        <dt>{t("spaces.use")}</dt>
        <dd className="welfare-text">{s.use === "" ? "—" : s.use}</dd>
        <dt>{t("spaces.capacity")}</dt>
        <dd>{s.capacity === null ? t("spaces.notGiven") : t("spaces.people", { count: s.capacity })}</dd>
        <dt>{t("spaces.surface")}</dt>
        <dd>{s.surfaceM2 === null ? t("spaces.notGiven") : format.squareMetres(s.surfaceM2)}</dd>
        <dt>{t("spaces.booking")}</dt>
        <dd>{t(s.bookable ? "spaces.bookable" : "spaces.notBookable")}</dd>
        <dt>{t("spaces.organisation")}</dt>
        <dd>{organisation(s.organisationCode)}</dd>
      </dl>
      {s.rules === "" ? (
        <p className="small">{t("spaces.noRules")}</p>
      ) : (
        <CardDetails label={t("spaces.rules")} name={s.name}>
          <p className="welfare-text mt-2 mb-0">{s.rules}</p>
        </CardDetails>
      )}
      {s.bookable || s.bookings.length > 0 ? <BookingsTable space={s} canWrite={canWrite} /> : null}
      {canWrite && s.bookable ? (
        <>
          {done.node}
          <CardDetails label={t("bookingForm.open")} name={s.name}>
            <BookingForm space={s} onSaved={done.say} />
          </CardDetails>
        </>
      ) : null}
    </WelfareCard>
  );
}

/** The bookings from today on, in time order; the cancelled ones stay, said so. */
function BookingsTable({ space: s, canWrite }: { space: SpaceView; canWrite: boolean }) {
  const { t } = useWelfareT();
  const format = useFormat();
  const organisation = useOrganisationName();
  const done = useDone();
  if (s.bookings.length === 0) return <p className="small mt-3">{t("bookings.empty")}</p>;
  const caption = t("bookings.caption", { name: s.name });
  return (
    <>
      {canWrite ? done.node : null}
      <TableScroll label={caption} className="welfare-scroll mt-3">
        <table className="table table-sm welfare-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("bookings.day")}</th>
              <th scope="col">{t("bookings.hours")}</th>
              <th scope="col">{t("bookings.purpose")}</th>
              <th scope="col">{t("bookings.organisation")}</th>
              <th scope="col">{t("bookings.status")}</th>
              {canWrite ? <th scope="col">{t("bookings.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {s.bookings.map((b) => (
              <tr key={b.id} className={b.status === "cancelled" ? "is-cancelled" : undefined}>
                <th scope="row">{format.date(b.bookedFor)}</th>
                <td>{t("bookings.fromTo", { from: b.fromTime, to: b.toTime })}</td>
                <td>{b.purpose}</td>
                <td>{organisation(b.organisationCode)}</td>
                <td>{t(`bookings.statuses.${b.status}`)}</td>
                {canWrite ? (
                  <td>
                    {b.status === "booked" ? (
                      <CancelBooking space={s} booking={b} onCancelled={done.say} />
                    ) : (
                      "—"
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** Annulla una prenotazione, after a confirmation: it is not undone. */
function CancelBooking({
  space,
  booking: b,
  onCancelled,
}: {
  space: SpaceView;
  booking: BookingView;
  onCancelled: (text: string) => void;
}) {
  const { t } = useWelfareT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const cancel = useCancelBooking();
  const [confirming, setConfirming] = useState(false);
  // Back from the question without cancelling, the focus returns to the button.
  const [back, setBack] = useState(false);
  const what = t("bookings.what", {
    name: space.name,
    date: format.date(b.bookedFor),
    from: b.fromTime,
    to: b.toTime,
  });
  if (!confirming)
    return (
      <>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          ref={back ? focusOnMount : undefined}
          // The visible word starts the name, which says which booking.
          aria-label={t("bookings.cancelLabel", { what })}
          onClick={() => setConfirming(true)}
        >
          {t("bookings.cancel")}
        </button>
        {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      </>
    );
  return (
    <div className="welfare-confirm">
      <p className="small mb-2" tabIndex={-1} ref={focusOnMount}>
        {t("bookings.confirm", { what })}
      </p>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-danger btn-sm"
          disabled={cancel.isPending}
          onClick={() =>
            cancel.mutate(b.id, {
              onSuccess: () => {
                setConfirming(false);
                onCancelled(t("bookings.cancelled", { what }));
              },
              onError: () => {
                setBack(true);
                setConfirming(false);
              },
            })
          }
        >
          {cancel.isPending ? common("form.saving") : t("bookings.confirmYes")}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => {
            setBack(true);
            setConfirming(false);
          }}
        >
          {t("bookings.confirmNo")}
        </button>
      </div>
    </div>
  );
}
