// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";

export type Fact = { key: string; label: string; value: ReactNode };

/** Label–value pairs of a record, as the unit and household pages show them. */
export function FactsList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts mb-0">
      {facts.map((f) => (
        <div key={f.key} className="facts-row">
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A card with a heading and its facts; `children` below them. */
export function FactsCard(props: {
  id: string;
  title: string;
  facts: readonly Fact[];
  children?: ReactNode;
}) {
  return (
    <section className="card shadow-sm h-100" aria-labelledby={props.id}>
      <div className="card-body">
        <h2 id={props.id} className="h5">
          {props.title}
        </h2>
        <FactsList facts={props.facts} />
        {props.children}
      </div>
    </section>
  );
}
