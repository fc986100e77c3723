// SPDX-License-Identifier: EUPL-1.2
import "./governance.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BodyInput, GOVERNANCE_LEVELS, type GovernanceLevel } from "../../domain/governance/governance.ts";
import type { BodyList, BodySummaryView } from "../../domain/governance/governance-api.schema.ts";
import { reportsToLevels } from "../../domain/governance/governance-rules.ts";
import { useCan } from "../auth/session.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday, orNull, orUndefined, TableScroll, useDone } from "../funding/funding-form.tsx";
import { Link } from "../router.tsx";
import { useBodies, useCreateBody } from "./governance-api.ts";
import { AnnualReviewStanding, useMembersText } from "./governance-badges.tsx";
import { useGovernanceForm } from "./governance-form.tsx";
import { useGovernanceLabels, useGovernanceT } from "./governance-i18n.ts";
import { ACTIONS_PATH, bodyHref } from "./governance-paths.ts";

/** Governance del programma: the bodies on their three levels, each with its standing. */
export function GovernancePage() {
  const { t } = useGovernanceT();
  const format = useFormat();
  const canWrite = useCan("governance:write");
  const bodies = useBodies();
  const list = bodies.data;
  return (
    <>
      <PageTitle
        title={t("page.title")}
        lead={list ? t("page.lead", { date: format.date(list.asOf) }) : undefined}
      >
        <Link to={ACTIONS_PATH} className="btn btn-outline-primary btn-sm">
          <Icon name="list" size="sm" className="me-1" />
          {t("page.actionsLink")}
        </Link>
      </PageTitle>
      <ListStatus query={bodies} count={list?.bodies.length} empty={<p>{t("page.empty")}</p>} />
      {list
        ? GOVERNANCE_LEVELS.map((level) => (
            <LevelSection key={level} level={level} bodies={list.bodies.filter((b) => b.level === level)} />
          ))
        : null}
      {list && canWrite ? <NewBodyForm list={list} /> : null}
    </>
  );
}

/** One level of the model: what it is for, and its bodies in a table. */
function LevelSection({ level, bodies }: { level: GovernanceLevel; bodies: readonly BodySummaryView[] }) {
  const { t } = useGovernanceT();
  const labels = useGovernanceLabels();
  const format = useFormat();
  const membersText = useMembersText();
  const directive = level === "directive";
  const headingId = `livello-${level}`;
  return (
    <section className="mb-5" aria-labelledby={headingId}>
      <h2 id={headingId} className="h3">
        {labels.levelTitle(level)}
      </h2>
      <p>{t(`levelLeads.${level}`)}</p>
      {bodies.length === 0 ? (
        <p>{t("page.noBodies")}</p>
      ) : (
        <TableScroll label={t("page.caption", { level: labels.level(level) })} className="governance-scroll">
          <table className="table table-sm governance-table">
            <caption>{t("page.caption", { level: labels.level(level) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("page.body")}</th>
                {directive ? null : <th scope="col">{t("page.reportsTo")}</th>}
                <th scope="col">{t("page.members")}</th>
                <th scope="col" className="text-end">
                  {t("page.openActions")}
                </th>
                <th scope="col" className="text-end">
                  {t("page.overdueActions")}
                </th>
                <th scope="col">{t("page.nextMeeting")}</th>
                {directive ? <th scope="col">{t("page.annualReview")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id} className={body.overdueActions > 0 ? "is-overdue" : undefined}>
                  <th scope="row">
                    <Link to={bodyHref(body.id)}>{body.name}</Link>
                  </th>
                  {directive ? null : <td>{body.reportsToName ?? "—"}</td>}
                  <td>{membersText(body)}</td>
                  <td className="text-end">{body.openActions}</td>
                  <td className="text-end">
                    {body.overdueActions > 0 ? (
                      <strong>{t("page.overdueCount", { count: body.overdueActions })}</strong>
                    ) : (
                      body.overdueActions
                    )}
                  </td>
                  <td>
                    {body.nextMeetingOn === null ? t("page.noMeeting") : format.date(body.nextMeetingOn)}
                  </td>
                  {directive ? (
                    <td>{body.annualReview ? <AnnualReviewStanding review={body.annualReview} /> : "—"}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

const BODY_FIELDS = [
  "name",
  "level",
  "reportsToId",
  "area",
  "municipio",
  "establishedOn",
  "description",
] as const;
type BodyField = (typeof BODY_FIELDS)[number];

const MUNICIPI = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Nuovo organo: its name and level, the body it reports to, its area or Municipio, when it was set up. */
function NewBodyForm({ list }: { list: BodyList }) {
  const { t } = useGovernanceT();
  const { t: common } = useTranslation();
  const labels = useGovernanceLabels();
  const create = useCreateBody();
  const done = useDone();
  const [level, setLevel] = useState<GovernanceLevel | "">("");
  const form = useGovernanceForm<BodyField, BodyInput>({
    id: "body-new",
    schema: BodyInput,
    fields: BODY_FIELDS,
    defaults: {
      name: "",
      level: "",
      reportsToId: "",
      area: "",
      municipio: "",
      establishedOn: localToday(),
      description: "",
    },
    inputOf: (v) => ({
      name: v.name,
      level: orUndefined(v.level),
      reportsToId: orNull(v.reportsToId),
      area: orNull(v.area),
      municipio: v.municipio === "" ? null : Number(v.municipio),
      establishedOn: v.establishedOn,
      description: v.description,
    }),
    labelOf: (f) => t(`bodyForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await create.mutateAsync(input);
      setLevel("");
      done.say(t("bodyForm.done", { name: saved.name, level: labels.level(saved.level) }));
    },
  });
  const allowed = level === "" ? [] : reportsToLevels(level);
  const parents = list.bodies
    .filter((b) => allowed.includes(b.level))
    .map((b) => ({ value: b.id, label: `${b.name} (${labels.levelTitle(b.level)})` }));
  return (
    <FormCard id="body-new" title={t("bodyForm.title")} lead={t("bodyForm.lead")}>
      {done.node}
      <form noValidate onSubmit={form.submit} aria-labelledby="body-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <FieldSet legend={t("bodyForm.legend")}>
          <div className="row">
            {form.text("name", "col-12 col-md-8", { required: true })}
            {form.select("level", "col-12 col-md-4", labels.levelOptions, {
              required: true,
              empty: t("form.choose"),
              onChange: (e) => setLevel(GOVERNANCE_LEVELS.find((l) => l === e.target.value) ?? ""),
            })}
            {form.select("reportsToId", "col-12 col-md-6", parents, {
              empty: t("bodyForm.noParent"),
              hint: t("bodyForm.reportsToHint"),
            })}
            {form.select(
              "area",
              "col-12 col-md-3",
              [
                { value: "A", label: t("areas.A") },
                { value: "B", label: t("areas.B") },
              ],
              { empty: t("bodyForm.noArea") },
            )}
            {form.select(
              "municipio",
              "col-12 col-md-3",
              MUNICIPI.map((m) => ({ value: String(m), label: t("bodyForm.municipioN", { n: m }) })),
              { empty: t("bodyForm.noMunicipio") },
            )}
            {form.text("establishedOn", "col-12 col-md-6", { type: "date", required: true })}
            {form.area("description", "col-12")}
          </div>
        </FieldSet>
        <SubmitButton submitting={form.isSubmitting} label={t("bodyForm.save")} />
      </form>
    </FormCard>
  );
}
