// SPDX-License-Identifier: EUPL-1.2
import { Fragment, useState } from "react";
import type { ActionView } from "../../domain/governance/governance-api.schema.ts";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { Link } from "../router.tsx";
import { UpdateActionPanel } from "./action-forms.tsx";
import { useOrganisationName } from "./governance-api.ts";
import { ActionStatusBadge } from "./governance-badges.tsx";
import { useGovernanceT } from "./governance-i18n.ts";
import { actionRowId, bodyHref } from "./governance-paths.ts";

/**
 * Actions in a table (caption, headers with scope): what, who, by when, their status with "In ritardo"
 * in words on an overdue one, and the place where an action the account may change is updated.
 */
export function ActionsTable({
  actions,
  caption,
  showBody = false,
  say,
}: {
  actions: readonly ActionView[];
  caption: string;
  showBody?: boolean;
  /** Where a saved change is told; above the table unless the page has its own place. */
  say?: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const format = useFormat();
  const organisation = useOrganisationName();
  const done = useDone();
  const [open, setOpen] = useState<string | null>(null);
  const canEdit = actions.some((a) => a.editable);
  const columns = 5 + (showBody ? 1 : 0) + (canEdit ? 1 : 0);
  return (
    <>
      {/* Above the table: an action saved may leave it (a filter of the list), its message stays. */}
      {say ? null : done.node}
      <TableScroll label={caption} className="governance-scroll">
        <table className="table table-sm governance-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("actions.title")}</th>
              {showBody ? <th scope="col">{t("actions.body")}</th> : null}
              <th scope="col">{t("actions.owner")}</th>
              <th scope="col">{t("actions.dueOn")}</th>
              <th scope="col">{t("actions.status")}</th>
              <th scope="col">{t("actions.decision")}</th>
              {canEdit ? <th scope="col">{t("actions.change")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => {
              const isOpen = open === action.id;
              const panelId = `${actionRowId(action.id)}-aggiorna`;
              return (
                <Fragment key={action.id}>
                  <tr id={actionRowId(action.id)} className={action.overdue ? "is-overdue" : undefined}>
                    <th scope="row">{action.title}</th>
                    {showBody ? (
                      <td>
                        <Link to={bodyHref(action.bodyId)}>{action.bodyName}</Link>
                      </td>
                    ) : null}
                    <td>
                      {action.ownerName}
                      <div className="small">{organisation(action.ownerOrganisationCode)}</div>
                    </td>
                    <td className="text-nowrap">{format.date(action.dueOn)}</td>
                    <td>
                      <ActionStatusBadge action={action} />
                      {action.note ? (
                        <div className="small mt-1">{t("actions.note", { note: action.note })}</div>
                      ) : null}
                    </td>
                    <td>
                      {action.decisionNumber === null
                        ? "—"
                        : t("actions.decisionN", { number: action.decisionNumber })}
                    </td>
                    {canEdit ? (
                      <td>
                        {action.editable ? (
                          <button
                            type="button"
                            className="btn btn-sm btn-outline-primary"
                            aria-expanded={isOpen}
                            aria-controls={panelId}
                            onClick={() => setOpen(isOpen ? null : action.id)}
                          >
                            {t("actions.update")}
                            <span className="visually-hidden">
                              {" "}
                              {t("actions.updateOf", { title: action.title })}
                            </span>
                          </button>
                        ) : (
                          <span className="small">{t("actions.readOnly")}</span>
                        )}
                      </td>
                    ) : null}
                  </tr>
                  {action.editable ? (
                    <tr id={panelId} className="governance-panel-row" hidden={!isOpen}>
                      <td colSpan={columns}>
                        {isOpen ? <UpdateActionPanel action={action} onSaved={say ?? done.say} /> : null}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
