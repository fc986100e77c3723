// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import type { PortalAccount } from "../../domain/portal/portal.schema.ts";
import { Icon } from "../components/icon.tsx";
import { useFormat } from "../format.ts";
import { usePortalT } from "./portal-i18n.ts";

/** The notice due first among those still to pay (the oldest overdue, else the next due). */
export function nearestNotice(account: PortalAccount) {
  return [...account.notices].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

/**
 * The balance at a glance: "Sei in regola", or what is to pay and by when. A positive balance is owed;
 * a negative one is a credit the next charges use up. Overdue is said in words, the colour repeats it.
 */
export function BalanceSummary(props: { account: PortalAccount; titleId: string; children?: ReactNode }) {
  const { t } = usePortalT();
  const format = useFormat();
  const { account } = props;
  const euro = (cents: number) => format.euro(cents, { cents: true });
  const owes = account.balanceCents > 0;
  const nearest = nearestNotice(account);
  const overdueCents = account.notices
    .filter((n) => n.overdue)
    .reduce((sum, n) => sum + n.outstandingCents, 0);
  return (
    <section
      className={`card shadow-sm portal-balance ${owes ? "portal-balance-owed" : "portal-balance-even"}`}
      aria-labelledby={props.titleId}
      data-testid="portal-balance"
    >
      <div className="card-body">
        <h2 id={props.titleId} className="h5">
          {t("balance.title")}
        </h2>
        <p className="portal-balance-figure mb-2">
          <Icon
            name={owes ? "warning-circle" : "check-circle"}
            className={owes ? "icon-warning me-2" : "icon-success me-2"}
          />
          <span>{owes ? t("balance.toPay", { amount: euro(account.balanceCents) }) : t("balance.even")}</span>
        </p>
        {owes && nearest && !nearest.overdue ? (
          <p className="mb-2">{t("balance.nextDue", { date: format.date(nearest.dueOn) })}</p>
        ) : null}
        {owes && nearest?.overdue ? (
          <>
            <p className="mb-1 portal-overdue">
              {t("balance.overdueSince", { date: format.date(nearest.dueOn), amount: euro(overdueCents) })}
            </p>
            <p className="mb-2">{t("balance.overdueHelp")}</p>
          </>
        ) : null}
        {!owes && account.balanceCents < 0 ? (
          <p className="mb-2">{t("balance.credit", { amount: euro(-account.balanceCents) })}</p>
        ) : null}
        {!owes && account.balanceCents === 0 ? <p className="mb-2">{t("balance.nothingToPay")}</p> : null}
        {props.children}
      </div>
    </section>
  );
}
