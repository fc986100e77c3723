// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";

/** A column of figures: right-aligned (`nowrap` keeps a range on one line); `words` for text. */
export type FigureColumn = string | { header: string; words?: boolean; nowrap?: boolean };

export type FigureRow = { key: string; label: ReactNode; cells: readonly ReactNode[] };

const headerOf = (c: FigureColumn) => (typeof c === "string" ? c : c.header);
const alignOf = (c: FigureColumn) => (typeof c !== "string" && c.words ? undefined : "text-end");
const cellClassOf = (c: FigureColumn) =>
  typeof c !== "string" && c.nowrap ? `${alignOf(c) ?? ""} text-nowrap`.trim() : alignOf(c);

/**
 * A small table of figures: each row named in its header cell, then one cell per column. The
 * caption names the table for screen readers even when it is not shown.
 */
export function FigureTable(props: {
  id?: string;
  caption: string;
  hideCaption?: boolean;
  rowHeader: string;
  columns: readonly FigureColumn[];
  rows: readonly FigureRow[];
  /** The one line shown when there are no rows. */
  empty?: string;
  className?: string;
  /** A last row, such as the totals. */
  footer?: ReactNode;
}) {
  return (
    <table className={props.className ?? "table table-sm"} id={props.id}>
      <caption className={props.hideCaption ? "visually-hidden" : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.rowHeader}</th>
          {props.columns.map((c) => (
            <th key={headerOf(c)} scope="col" className={alignOf(c)}>
              {headerOf(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && props.empty !== undefined ? (
          <tr>
            <td colSpan={props.columns.length + 1}>{props.empty}</td>
          </tr>
        ) : null}
        {props.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {props.columns.map((c, i) => (
              <td key={headerOf(c)} className={cellClassOf(c)}>
                {r.cells[i]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {props.footer ? <tfoot>{props.footer}</tfoot> : null}
    </table>
  );
}
