// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from "react";
import { Icon } from "../components/icon.tsx";
import { usePortalT } from "./portal-i18n.ts";

type Outcome = "copied" | "failed" | null;

/**
 * A button that copies `text` to the clipboard and says so in a polite status line. Where the browser
 * refuses (no clipboard outside a secure context), the line says to select the number instead.
 */
export function CopyButton(props: { text: string; label: string; what: string }) {
  const { t } = usePortalT();
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    if (outcome !== "copied") return;
    const timer = window.setTimeout(() => setOutcome(null), 5000);
    return () => window.clearTimeout(timer);
  }, [outcome]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  };
  return (
    <>
      <button type="button" className="btn btn-outline-primary btn-sm portal-copy" onClick={copy}>
        <Icon name="copy" size="sm" className="icon-primary me-1" />
        {props.label}
        <span className="visually-hidden"> {props.what}</span>
      </button>
      <span role="status" className="portal-copy-status small">
        {outcome === "copied" ? t("payments.copied") : null}
        {outcome === "failed" ? t("payments.copyFailed") : null}
      </span>
    </>
  );
}
