// SPDX-License-Identifier: EUPL-1.2

import { type ReactNode, useEffect, useState } from "react";
import { type AreaFormOptions, useAreaForm } from "../components/area-form.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { useFundingMessage } from "./funding-i18n.ts";

// The register's forms are small: a handful of text fields turned into a shared schema's input. Each
// has its error summary above it and each error beside its field, whether the schema found it in the
// browser or the API answered it (422 on a path, 409 for a stale version).

/** Today where the browser runs, as YYYY-MM-DD: the default of the forms' dates. */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Empty text as null, for the schemas' optional dates and choices. */
export const orNull = (text: string): string | null => (text.trim() === "" ? null : text);
/** Empty text as undefined, so the schema names a missing choice with its own message. */
export const orUndefined = (text: string): string | undefined => (text === "" ? undefined : text);

/** A form of the area (`useAreaForm`), with this area's messages. */
export function useFundingForm<F extends string, O>(options: AreaFormOptions<F, O>) {
  return useAreaForm(options, useFundingMessage());
}

/**
 * What a saved form says, in a live region where the form is: focused, so keyboard users hear it and
 * stay where they were.
 */
export function useDone() {
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  return {
    say: (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 })),
    node: (
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
    ),
  };
}

/** A titled form section: a card whose heading names the form for assistive technology. */
export function FormCard({
  id,
  title,
  level = 2,
  lead,
  children,
}: {
  id: string;
  title: string;
  level?: 2 | 3 | 4;
  lead?: ReactNode;
  children: ReactNode;
}) {
  const Heading = `h${level}` as const;
  return (
    <section className="card shadow-sm mb-4 funding-form" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <Heading id={`${id}-title`} className={level === 2 ? "h4" : "h5"}>
          {title}
        </Heading>
        {lead ? <p className="small">{lead}</p> : null}
        {children}
      </div>
    </section>
  );
}

/**
 * Once the page's records are there, bring the one the address names (`#prestito-…`, from a warning
 * of the day) into view and put the focus on it. After the layout's own focus on the page's title.
 */
export function useScrollToHash(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id === "") return;
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById(id);
      if (!target) return;
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready]);
}

/**
 * A table too wide for a phone scrolls in its own region, never the page; the region takes the focus
 * so it scrolls by keyboard too, and holds the table's visually hidden texts inside it.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`table-responsive funding-scroll ${className ?? ""}`}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
    >
      {children}
    </section>
  );
}
