// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import type { OpenDataTable, OpenDataTableEntry } from "../../domain/open-data/open-data-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { useOpenDataTable } from "./open-data-api.ts";
import { useBilingual, useOpenDataT } from "./open-data-i18n.ts";
import { tableAnchor } from "./open-data-paths.ts";

/** A table scrolls sideways on a narrow screen: the region takes the focus, so a keyboard can scroll it. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      className="table-responsive open-data-scroll"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
    >
      {children}
    </section>
  );
}

/** A withheld value: the marker `c` on screen, its meaning for a screen reader. */
export function Withheld({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">c</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

/** A link to download a CSV file, named by what it holds for a screen reader. */
export function CsvLink({ href, text, of }: { href: string; text: string; of: string }) {
  return (
    <a href={href} download className="btn btn-outline-primary btn-sm">
      {text}
      <span className="visually-hidden"> {of}</span>
    </a>
  );
}

/** One published table: its title, description, figures, notes and CSV download. */
export function OpenDataTableSection({ entry }: { entry: OpenDataTableEntry }) {
  const { t } = useOpenDataT();
  const pick = useBilingual();
  const query = useOpenDataTable(entry.name);
  const id = tableAnchor(entry.name);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-5">
      <h3 id={`${id}-title`} className="h4">
        {pick(entry.title)}
      </h3>
      <p>{pick(entry.description)}</p>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data ? <Figures table={query.data} /> : null}
      <p>
        <CsvLink
          href={entry.csv}
          text={t("table.download")}
          of={t("table.downloadOf", { title: pick(entry.title) })}
        />
      </p>
    </section>
  );
}

function Figures({ table }: { table: OpenDataTable }) {
  const { t } = useOpenDataT();
  const pick = useBilingual();
  const format = useFormat();
  const withheld = <Withheld label={t("table.withheld")} />;
  const value = (v: number | null | undefined, measure: "count" | "share") => {
    if (v === null || v === undefined) return withheld;
    return measure === "share" ? format.percent(v) : format.number(v, 0);
  };
  const columns = [
    ...table.columns.map((c) => pick(c.label)),
    ...(table.rowTotals ? [t("table.total")] : []),
  ];
  const cellsOf = (row: OpenDataTable["rows"][number]) => [
    ...table.columns.map((c, j) => value(row.cells[j], c.measure)),
    ...(table.rowTotals ? [value(row.total, "count")] : []),
  ];
  const title = pick(table.title);
  const caption = t("table.caption", { title, date: format.date(table.asOf) });
  return (
    <>
      <ScrollRegion label={t("table.scroll", { title })}>
        <FigureTable
          className="table table-sm open-data-table"
          caption={caption}
          rowHeader={pick(table.rowHeader)}
          columns={columns}
          rows={table.rows.map((r) => ({ key: r.key, label: pick(r.label), cells: cellsOf(r) }))}
          footer={
            <tr>
              <th scope="row">{pick(table.totals.label)}</th>
              {cellsOf(table.totals).map((cell, i) => (
                <td key={columns[i]} className="text-end">
                  {cell}
                </td>
              ))}
            </tr>
          }
        />
      </ScrollRegion>
      {table.derived.length > 0 ? (
        <dl className="open-data-derived">
          {table.derived.map((d) => (
            <div key={d.key}>
              <dt>{pick(d.label)}</dt>
              <dd>
                {d.value === null ? t("table.notPublished") : format.percent(d.value)}{" "}
                <span className="small">({pick(d.note)})</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <ul className="small open-data-notes">
        {table.notes.map((n) => (
          <li key={n.en}>{pick(n)}</li>
        ))}
      </ul>
    </>
  );
}
