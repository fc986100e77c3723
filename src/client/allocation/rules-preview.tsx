// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { TARGET_GROUPS } from "../../domain/households/household.schema.ts";
import { UNIT_CATEGORIES } from "../../domain/units/unit.schema.ts";
import { FigureTable } from "../components/figure-table.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { useFormat } from "../format.ts";
import { useHouseholdLabels } from "../households/household-labels.ts";
import { useUnitLabels } from "../units/unit-labels.ts";
import type { RulesPreviewView } from "./allocation-api.ts";

type Row = { key: string; label: string; before: string; after: string; change: string };

function BeforeAfterTable({ caption, rowHeader, rows }: { caption: string; rowHeader: string; rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <FigureTable
        caption={caption}
        rowHeader={rowHeader}
        columns={[
          t("allocation.preview.before"),
          t("allocation.preview.after"),
          t("allocation.preview.change"),
        ]}
        rows={rows.map((r) => ({ key: r.key, label: r.label, cells: [r.before, r.after, r.change] }))}
      />
    </div>
  );
}

function References({ id, title, references }: { id: string; title: string; references: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="col-12 col-md-6">
      <h3 id={id} className="h6">
        {title}
      </h3>
      {references.length === 0 ? (
        <p>{t("allocation.preview.none")}</p>
      ) : (
        <ul className="list-inline">
          {references.map((r) => (
            <li key={r} className="list-inline-item font-monospace">
              {r}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the proposed rules would change: who gains or loses eligibility, and the mix of eligible pairs. */
export function RulesPreviewPanel({ preview }: { preview: RulesPreviewView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unitLabels = useUnitLabels();
  const householdLabels = useHouseholdLabels();
  const count = (before: number, after: number) => ({
    before: format.number(before),
    after: format.number(after),
    change: format.signed(after - before),
  });
  const mixRows = UNIT_CATEGORIES.map((c) => {
    const before = preview.mix.before[c] ?? { pairs: 0, share: 0 };
    const after = preview.mix.after[c] ?? { pairs: 0, share: 0 };
    return {
      key: c,
      label: unitLabels.categoryShort(c),
      before: `${format.number(before.pairs)} (${format.percent(before.share)})`,
      after: `${format.number(after.pairs)} (${format.percent(after.share)})`,
      change: format.points((after.share - before.share) * 100),
    };
  });
  const equity = preview.equity;
  // Counts from 1 to 4 are withheld by the server (null), so no small group can be singled out.
  const eligible = (count: number | null | undefined) =>
    count === null || count === undefined ? t("allocation.preview.withheld") : format.number(count);
  const groupRows = equity
    ? TARGET_GROUPS.map((g) => {
        const before = equity.before.dimensions.householdType.find((r) => r.group === g)?.eligible;
        const after = equity.after.dimensions.householdType.find((r) => r.group === g)?.eligible;
        const known = typeof before === "number" && typeof after === "number";
        return {
          key: g,
          label: householdLabels.targetGroup(g),
          before: eligible(before),
          after: eligible(after),
          change: known ? format.signed(after - before) : "—",
        };
      })
    : null;
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="rules-preview-title">
      <div className="card-body">
        <h2 id="rules-preview-title" className="h4" tabIndex={-1} ref={focusOnMount}>
          {t("allocation.preview.title")}
        </h2>
        <p>
          {t("allocation.preview.intro", {
            version: preview.activeVersion,
            households: preview.households,
            units: preview.units,
          })}
        </p>
        <BeforeAfterTable
          caption={t("allocation.preview.eligibleCaption")}
          rowHeader={t("allocation.preview.measure")}
          rows={[
            {
              key: "eligible",
              label: t("allocation.preview.eligibleHouseholds"),
              ...count(preview.eligibleHouseholds.before, preview.eligibleHouseholds.after),
            },
          ]}
        />
        <div className="row">
          <References
            id="rules-preview-added"
            title={t("allocation.preview.added", { count: preview.added.length })}
            references={preview.added}
          />
          <References
            id="rules-preview-removed"
            title={t("allocation.preview.removed", { count: preview.removed.length })}
            references={preview.removed}
          />
        </div>
        <BeforeAfterTable
          caption={t("allocation.preview.mixCaption")}
          rowHeader={t("allocation.fields.category")}
          rows={mixRows}
        />
        {groupRows ? (
          <>
            <BeforeAfterTable
              caption={t("allocation.preview.targetGroupCaption")}
              rowHeader={t("households.fields.targetGroup")}
              rows={groupRows}
            />
            <p className="small mb-0">{t("allocation.preview.withheldNote")}</p>
          </>
        ) : null}
      </div>
    </section>
  );
}
