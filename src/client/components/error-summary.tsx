// SPDX-License-Identifier: EUPL-1.2
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";

/** One line of an error summary: a link that moves the focus to its field, or plain text. */
export type SummaryItem = { key: string; text: string; href?: string; focus?: () => void };

/**
 * The list of what stops a form from being saved, above the form: focusable (the form moves the
 * focus here when the first error has no field of its own), each line linking to its field.
 */
export function ErrorSummary({
  items,
  summaryRef,
  id,
}: {
  items: readonly SummaryItem[];
  summaryRef: RefObject<HTMLDivElement | null>;
  id?: string;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="alert alert-danger error-summary" tabIndex={-1} ref={summaryRef} id={id}>
      <h2 className="h5">{t("form.errorSummary", { count: items.length })}</h2>
      <ul className="mb-0">
        {items.map((item) => (
          <li key={item.key}>
            {item.href ? (
              <a
                href={item.href}
                onClick={(e) => {
                  e.preventDefault();
                  item.focus?.();
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
