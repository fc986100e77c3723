// SPDX-License-Identifier: EUPL-1.2
import "./governance.css";
import { Fragment, type ReactNode, useState } from "react";
import type {
  BodyDetail,
  BodyList,
  MeetingView,
  MemberView,
} from "../../domain/governance/governance-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending, RecordSection } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { Link } from "../router.tsx";
import { AddActionForm, DecisionForm } from "./action-forms.tsx";
import { ActionsTable } from "./actions-table.tsx";
import { attachmentHref, useBodies, useBody } from "./governance-api.ts";
import { AnnualReviewStanding, useMembersText } from "./governance-badges.tsx";
import { useGovernanceLabels, useGovernanceT } from "./governance-i18n.ts";
import { actionsHref, bodyHref, GOVERNANCE_PATH, meetingId } from "./governance-paths.ts";
import { AttachmentForm, MinutesForm, PlanMeetingForm } from "./meeting-forms.tsx";
import { AddMemberForm, UpdateMemberPanel } from "./member-forms.tsx";

/** One body (organo): its facts, members and referents, meetings, decisions and actions. */
export function BodyPage({ id }: { id: string }) {
  const { t } = useGovernanceT();
  const body = useBody(id);
  const bodies = useBodies();
  const data = body.data;
  return (
    <>
      <RecordBreadcrumb
        listHref={GOVERNANCE_PATH}
        listLabel={t("page.title")}
        current={data?.body.name ?? null}
      />
      <PageTitle
        title={data ? data.body.name : t("body.loadingTitle")}
        lead={data && data.body.description !== "" ? data.body.description : undefined}
      />
      {data ? (
        <BodyView detail={data} organisations={bodies.data?.organisations ?? []} />
      ) : (
        <RecordPending query={body} notFound={t("body.notFound")} listHref={GOVERNANCE_PATH} />
      )}
    </>
  );
}

function BodyView({
  detail,
  organisations,
}: {
  detail: BodyDetail;
  organisations: BodyList["organisations"];
}) {
  const { t } = useGovernanceT();
  return (
    <>
      <RecordSection id="body-facts-title" title={t("body.facts")}>
        <BodyFacts detail={detail} />
      </RecordSection>
      <RecordSection id="body-members-title" title={t("body.members")}>
        <MembersSection detail={detail} organisations={organisations} />
      </RecordSection>
      <RecordSection id="body-meetings-title" title={t("body.meetings")}>
        <MeetingsSection detail={detail} />
      </RecordSection>
      <RecordSection id="body-decisions-title" title={t("body.decisions")}>
        <DecisionsSection detail={detail} />
      </RecordSection>
      <RecordSection id="body-actions-title" title={t("body.actions")}>
        <ActionsSection detail={detail} organisations={organisations} />
      </RecordSection>
    </>
  );
}

function BodyFacts({ detail }: { detail: BodyDetail }) {
  const { t } = useGovernanceT();
  const labels = useGovernanceLabels();
  const format = useFormat();
  const membersText = useMembersText();
  const { body } = detail;
  const facts: [string, ReactNode][] = [
    [t("body.level"), labels.levelTitle(body.level)],
    [
      t("body.reportsTo"),
      body.reportsToId && body.reportsToName ? (
        <Link key="reportsTo" to={bodyHref(body.reportsToId)}>
          {body.reportsToName}
        </Link>
      ) : (
        t("body.reportsToNone")
      ),
    ],
    ...(body.area === null ? [] : ([[t("body.area"), t(`areas.${body.area}`)]] as [string, ReactNode][])),
    ...(body.municipio === null
      ? []
      : ([[t("body.municipio"), t("bodyForm.municipioN", { n: body.municipio })]] as [string, ReactNode][])),
    [t("body.establishedOn"), format.date(body.establishedOn)],
    [t("body.memberCount"), membersText(body)],
    [t("body.actionCount"), t("body.actionTally", { open: body.openActions, count: body.overdueActions })],
    [
      t("body.nextMeeting"),
      body.nextMeetingOn === null ? t("page.noMeeting") : format.date(body.nextMeetingOn),
    ],
  ];
  if (body.annualReview)
    facts.push([t("page.annualReview"), <AnnualReviewStanding key="review" review={body.annualReview} />]);
  return (
    <dl className="governance-facts">
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Whether a membership covers the day, or ended, or is still to start: in words. */
function useTenure(asOf: string) {
  const { t } = useGovernanceT();
  const format = useFormat();
  return (member: MemberView) =>
    member.active
      ? t("members.active")
      : member.to !== null && member.to < asOf
        ? t("members.ended", { date: format.date(member.to) })
        : t("members.starts", { date: format.date(member.from) });
}

function MembersSection({
  detail,
  organisations,
}: {
  detail: BodyDetail;
  organisations: BodyList["organisations"];
}) {
  const { t } = useGovernanceT();
  const labels = useGovernanceLabels();
  const format = useFormat();
  const membersText = useMembersText();
  const tenure = useTenure(detail.asOf);
  const canWrite = useCan("governance:write");
  const done = useDone();
  const [open, setOpen] = useState<string | null>(null);
  const caption = t("members.caption", { name: detail.body.name });
  const columns = canWrite ? 7 : 6;
  return (
    <>
      <p>
        {membersText(detail.body)} {t("members.referentsNote")}
      </p>
      {done.node}
      {detail.members.length === 0 ? (
        <p>{t("members.none")}</p>
      ) : (
        <TableScroll label={caption} className="governance-scroll">
          <table className="table table-sm governance-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("members.person")}</th>
                <th scope="col">{t("members.organisation")}</th>
                <th scope="col">{t("members.role")}</th>
                <th scope="col">{t("members.from")}</th>
                <th scope="col">{t("members.to")}</th>
                <th scope="col">{t("members.tenure")}</th>
                {canWrite ? <th scope="col">{t("members.change")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {detail.members.map((member) => {
                const isOpen = open === member.id;
                const panelId = `componente-${member.id}-modifica`;
                return (
                  <Fragment key={member.id}>
                    <tr>
                      <th scope="row">{member.personName}</th>
                      <td>{member.organisationName}</td>
                      <td>{labels.role(member.role)}</td>
                      <td className="text-nowrap">{format.date(member.from)}</td>
                      <td className="text-nowrap">{member.to === null ? "—" : format.date(member.to)}</td>
                      <td>{tenure(member)}</td>
                      {canWrite ? (
                        <td>
                          <button
                            type="button"
                            className="btn btn-sm btn-outline-primary"
                            aria-expanded={isOpen}
                            aria-controls={panelId}
                            onClick={() => setOpen(isOpen ? null : member.id)}
                          >
                            {t("members.update")}
                            <span className="visually-hidden"> {member.personName}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {canWrite ? (
                      <tr id={panelId} className="governance-panel-row" hidden={!isOpen}>
                        <td colSpan={columns}>
                          {isOpen ? <UpdateMemberPanel member={member} onSaved={done.say} /> : null}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canWrite ? <AddMemberForm detail={detail} organisations={organisations} onSaved={done.say} /> : null}
    </>
  );
}

function MeetingsSection({ detail }: { detail: BodyDetail }) {
  const { t } = useGovernanceT();
  const canWrite = useCan("governance:write");
  const done = useDone();
  return (
    <>
      {done.node}
      {detail.meetings.length === 0 ? <p>{t("meetings.none")}</p> : null}
      {detail.meetings.map((meeting) => (
        <MeetingCard
          key={meeting.id}
          meeting={meeting}
          members={detail.members}
          asOf={detail.asOf}
          canWrite={canWrite}
        />
      ))}
      {canWrite ? <PlanMeetingForm detail={detail} onSaved={done.say} /> : null}
    </>
  );
}

/** One meeting: when and where, its agenda; once held, who attended and its minutes; its files. */
function MeetingCard({
  meeting,
  members,
  asOf,
  canWrite,
}: {
  meeting: MeetingView;
  members: readonly MemberView[];
  /** The server's today: the minutes of a meeting are recorded from its day. */
  asOf: string;
  canWrite: boolean;
}) {
  const { t } = useGovernanceT();
  const format = useFormat();
  const labels = useGovernanceLabels();
  const done = useDone();
  const date = format.date(meeting.date);
  const headingId = `${meetingId(meeting.id)}-title`;
  const attendees = meeting.attendeeIds
    .map((id) => members.find((m) => m.id === id))
    .filter((m): m is MemberView => m !== undefined);
  return (
    <article id={meetingId(meeting.id)} className="card shadow-sm mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <h3 id={headingId} className="h4">
          {t("meetings.title", { date })}{" "}
          <span className={`badge governance-badge ${meeting.held ? "is-held" : "is-planned"}`}>
            {meeting.held ? t("meetings.held") : t("meetings.planned")}
          </span>
        </h3>
        <p className="mb-2">
          {[
            meeting.startsAt ? t("meetings.startsAt", { time: meeting.startsAt.slice(0, 5) }) : null,
            meeting.place === "" ? null : t("meetings.place", { place: meeting.place }),
            meeting.annualReview ? t("meetings.annualReview") : null,
          ]
            .filter((part) => part !== null)
            .join(" · ")}
        </p>
        {done.node}
        <h4 className="h6">{t("meetings.agenda")}</h4>
        <ol>
          {meeting.agenda.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: agenda items may repeat; their order is their identity.
            <li key={i}>{item}</li>
          ))}
        </ol>
        {meeting.held ? (
          <>
            <h4 className="h6">{t("meetings.attendees", { count: attendees.length })}</h4>
            {attendees.length === 0 ? (
              <p>{t("meetings.noAttendees")}</p>
            ) : (
              <ul>
                {attendees.map((m) => (
                  <li key={m.id}>
                    {t("minutesForm.attendee", {
                      name: m.personName,
                      role: labels.role(m.role),
                      organisation: m.organisationName,
                    })}
                  </li>
                ))}
              </ul>
            )}
            <h4 className="h6">{t("meetings.minutes")}</h4>
            <p className="governance-minutes">{meeting.minutes}</p>
          </>
        ) : null}
        <h4 className="h6">{t("meetings.attachments")}</h4>
        {meeting.attachments.length === 0 ? (
          <p>{t("meetings.noAttachments")}</p>
        ) : (
          <ul>
            {meeting.attachments.map((a) => (
              <li key={a.id}>
                <a href={attachmentHref(a.id)} download={a.fileName}>
                  {a.fileName}
                  <span className="visually-hidden"> {t("meetings.download")}</span>
                </a>{" "}
                <span className="small">
                  {t("meetings.attachmentFacts", {
                    size: format.number(Math.max(1, Math.round(a.sizeBytes / 1024)), 0),
                    by: a.uploadedBy,
                    at: format.dateTime(a.uploadedAt),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canWrite ? <AttachmentForm meeting={meeting} onSaved={done.say} /> : null}
        {canWrite && !meeting.held && meeting.date <= asOf ? (
          <div className="mt-4">
            <MinutesForm meeting={meeting} members={members} onSaved={done.say} />
          </div>
        ) : null}
        {canWrite && !meeting.held && meeting.date > asOf ? (
          <p className="mt-3 small">{t("meetings.minutesLater")}</p>
        ) : null}
      </div>
    </article>
  );
}

function DecisionsSection({ detail }: { detail: BodyDetail }) {
  const { t } = useGovernanceT();
  const format = useFormat();
  const canWrite = useCan("governance:write");
  const done = useDone();
  const caption = t("decisions.caption", { name: detail.body.name });
  const held = detail.meetings.some((m) => m.held);
  return (
    <>
      {done.node}
      {detail.decisions.length === 0 ? (
        <p>{t("decisions.none")}</p>
      ) : (
        <TableScroll label={caption} className="governance-scroll">
          <table className="table table-sm governance-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("decisions.number")}</th>
                <th scope="col">{t("decisions.date")}</th>
                <th scope="col">{t("decisions.text")}</th>
                <th scope="col">{t("decisions.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.decisions.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="text-nowrap">
                    {t("decisions.numberN", { number: d.number })}
                  </th>
                  <td className="text-nowrap">{format.date(d.date)}</td>
                  <td>{d.text}</td>
                  <td>
                    {d.mode === "consensus"
                      ? t("decisions.byConsensus")
                      : t("decisions.votes", {
                          for: d.votesFor ?? 0,
                          against: d.votesAgainst ?? 0,
                          abstentions: d.abstentions ?? 0,
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canWrite && held ? <DecisionForm detail={detail} onSaved={done.say} /> : null}
      {canWrite && !held ? <p>{t("decisions.heldFirst")}</p> : null}
    </>
  );
}

function ActionsSection({
  detail,
  organisations,
}: {
  detail: BodyDetail;
  organisations: BodyList["organisations"];
}) {
  const { t } = useGovernanceT();
  const canWrite = useCan("governance:write");
  const done = useDone();
  return (
    <>
      <p>
        <Link to={actionsHref({ bodyId: detail.body.id })}>{t("body.allActions")}</Link>
      </p>
      {done.node}
      {detail.actions.length === 0 ? (
        <p>{t("actions.none")}</p>
      ) : (
        <ActionsTable
          actions={detail.actions}
          caption={t("actions.captionBody", { name: detail.body.name })}
          say={done.say}
        />
      )}
      {canWrite ? <AddActionForm detail={detail} organisations={organisations} onSaved={done.say} /> : null}
    </>
  );
}
