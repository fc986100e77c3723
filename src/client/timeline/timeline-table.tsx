// SPDX-License-Identifier: EUPL-1.2
import { Fragment, useState } from "react";
import type { TimelineItemView, TimelineList } from "../../domain/timeline/timeline-api.schema.ts";
import { Icon } from "../components/icon.tsx";
import { useFormat } from "../format.ts";
import { UpdateItemPanel } from "./timeline-forms.tsx";
import { useSlippageText, useTimelineLabels, useTimelineT } from "./timeline-i18n.ts";
import { rowIdOf } from "./timeline-paths.ts";

const ICONS: Partial<Record<TimelineItemView["standing"], string>> = {
  late: "error",
  done_late: "warning-circle",
  at_risk: "clock",
  done: "check-circle",
};

/** An item's standing as a badge in words (the colour and the icon only repeat them), with its days. */
export function StandingBadge({ item }: { item: TimelineItemView }) {
  const labels = useTimelineLabels();
  const slippage = useSlippageText();
  const icon = ICONS[item.standing];
  const days = slippage(item);
  return (
    <>
      <span className={`badge timeline-badge standing-${item.standing}`}>
        {icon ? <Icon name={icon} size="xs" className="icon-white me-1" /> : null}
        {labels.standing(item.standing)}
      </span>
      {days ? <div className="small mt-1">{days}</div> : null}
    </>
  );
}

/**
 * Every item shown, in the chart's order: the chart's data as a table (caption, headers with scope),
 * and the place where an editable item is updated.
 */
export function TimelineTable({ list, items }: { list: TimelineList; items: readonly TimelineItemView[] }) {
  const { t } = useTimelineT();
  const labels = useTimelineLabels();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const canEdit = items.some((i) => i.editable);
  const columns = canEdit ? 8 : 7;
  const caption = t("table.caption", { count: items.length });
  // Each date on one line, the range free to break between them: the table fits a laptop's width.
  const day = (iso: string) => <span className="text-nowrap">{format.date(iso)}</span>;
  const range = (from: string, to: string | null) =>
    to === null ? (
      <>
        {t("table.from")} {day(from)}
      </>
    ) : (
      <>
        {day(from)} – {day(to)}
      </>
    );
  return (
    <section
      className="table-responsive timeline-scroll"
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
    >
      <table className="table table-sm timeline-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.lineKind")}</th>
            <th scope="col">{t("table.item")}</th>
            <th scope="col">{t("table.owner")}</th>
            <th scope="col">{t("table.planned")}</th>
            <th scope="col">{t("table.actual")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("table.standing")}</th>
            {canEdit ? <th scope="col">{t("table.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const isOpen = open === item.id;
            const panelId = `${rowIdOf(item.id)}-aggiorna`;
            const late = item.standing === "late" || item.standing === "done_late";
            return (
              <Fragment key={item.id}>
                <tr id={rowIdOf(item.id)} className={late ? "is-late" : undefined}>
                  <td>
                    <span className="text-nowrap">{item.line}</span>
                    <div className="small">{labels.kind(item.kind)}</div>
                  </td>
                  <th scope="row">
                    {item.title}
                    {item.description ? <div className="small fw-normal">{item.description}</div> : null}
                  </th>
                  <td>
                    {item.ownerOrganisation}
                    {item.ownerName ? <div className="small">{item.ownerName}</div> : null}
                  </td>
                  <td>
                    {item.kind === "milestone"
                      ? day(item.plannedStart)
                      : range(item.plannedStart, item.plannedEnd)}
                  </td>
                  <td>
                    {item.actualStart === null
                      ? t("table.notYet")
                      : item.kind === "milestone" && item.actualEnd === item.actualStart
                        ? day(item.actualStart)
                        : range(item.actualStart, item.actualEnd)}
                  </td>
                  <td>{labels.status(item.status)}</td>
                  <td>
                    <StandingBadge item={item} />
                  </td>
                  {canEdit ? (
                    <td>
                      {item.editable ? (
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-primary"
                          aria-expanded={isOpen}
                          aria-controls={panelId}
                          onClick={() => setOpen(isOpen ? null : item.id)}
                        >
                          {t("table.update")}
                          <span className="visually-hidden">
                            {" "}
                            {t("table.updateOf", { title: item.title })}
                          </span>
                        </button>
                      ) : (
                        <span className="small">{t("table.readOnly")}</span>
                      )}
                    </td>
                  ) : null}
                </tr>
                {canEdit && item.editable ? (
                  <tr id={panelId} className="timeline-actions-row" hidden={!isOpen}>
                    <td colSpan={columns}>
                      {isOpen ? <UpdateItemPanel item={item} context={list} /> : null}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
