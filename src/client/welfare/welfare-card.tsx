// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";

/** A service's or a space's card: an article named by its h4. */
export function WelfareCard({ id, name, children }: { id: string; name: string; children: ReactNode }) {
  return (
    <article id={id} className="card shadow-sm mb-3" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h4 id={`${id}-title`} className="h5">
          {name}
        </h4>
        {children}
      </div>
    </article>
  );
}

/** A disclosure on a card; its summary also says, to assistive technology, whose card it is on. */
export function CardDetails({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  return (
    <details className="welfare-details">
      <summary>
        {label}
        <span className="visually-hidden">: {name}</span>
      </summary>
      {children}
    </details>
  );
}
