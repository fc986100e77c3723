// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useWelfareLabels, useWelfareT } from "./welfare-i18n.ts";
import { byPlace, type Place } from "./welfare-paths.ts";

/**
 * A section of the welfare page whose records are grouped by place (Municipio or town): its heading
 * (`id`, the target of the page's contents), its lead, a sub-heading per place with the count, each
 * record's card, and what follows (the form to add one, for who may). `part` names its strings:
 * `<part>.title`, `<part>.lead`, `<part>.empty`, `<part>.count`.
 */
export function ByPlaceSection<R extends Place & { id: string }>(props: {
  id: string;
  part: "services" | "spaces";
  records: readonly R[];
  placeId: (key: string) => string;
  card: (record: R) => ReactNode;
  children?: ReactNode;
}) {
  const { id, part, records, placeId, card, children } = props;
  const { t } = useWelfareT();
  const labels = useWelfareLabels();
  return (
    <section className="mb-5" aria-labelledby={id}>
      <h2 id={id} className="h3" tabIndex={-1}>
        {t(`${part}.title`)}
      </h2>
      <p>{t(`${part}.lead`)}</p>
      {records.length === 0 ? <p>{t(`${part}.empty`)}</p> : null}
      {byPlace(records).map(({ key, place, records: here }) => (
        <section key={key} className="mb-4" aria-labelledby={placeId(key)}>
          <h3 id={placeId(key)} className="h4">
            {labels.place(place)}{" "}
            <span className="welfare-count">{t(`${part}.count`, { count: here.length })}</span>
          </h3>
          {here.map(card)}
        </section>
      ))}
      {children}
    </section>
  );
}
