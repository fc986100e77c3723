// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canManageCategory } from "../../domain/organisations/organisation.schema.ts";
import {
  type DECISION_STATUSES,
  OfferAcceptance,
  OfferDecision,
  UptakeInput,
} from "../../domain/owners/owners.ts";
import type { OfferView } from "../../domain/owners/owners-api.schema.ts";
import { ENERGY_CLASSES, UNIT_CATEGORIES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { localToday, orNull, orUndefined } from "../funding/funding-form.tsx";
import { centsOf, numberOf } from "../tenancies/money.ts";
import { useUnitLabels } from "../units/unit-labels.ts";
import { useOrganisations } from "../units/units-api.ts";
import { useAcceptOffer, useAddUptake, useDecideOffer, useSchemes } from "./owners-api.ts";
import { ticked, useOwnersForm } from "./owners-form.tsx";
import { useOwnersLabels, useOwnersT } from "./owners-i18n.ts";
import { offerId } from "./owners-paths.ts";

// The moves of an offered home, each sent with the version read: a decision short of acceptance
// (under review, declined, withdrawn, with the reason), the acceptance that makes it a unit of the
// stock, and a guarantee granted on it once accepted.

const DECISION_FIELDS = ["status", "decidedOn", "reason"] as const;
type DecisionField = (typeof DECISION_FIELDS)[number];

/** Registra una decisione: under review, declined or withdrawn, on a day, with a reason when it ends it. */
export function DecisionForm({
  offer,
  statuses,
  onSaved,
}: {
  offer: OfferView;
  statuses: readonly (typeof DECISION_STATUSES)[number][];
  onSaved: (text: string) => void;
}) {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const labels = useOwnersLabels();
  const decide = useDecideOffer(offer.id);
  const id = `${offerId(offer.id)}-decision`;
  const form = useOwnersForm<DecisionField, OfferDecision>({
    id,
    schema: OfferDecision,
    fields: DECISION_FIELDS,
    defaults: { status: "", decidedOn: localToday(), reason: "" },
    inputOf: (v) => ({
      status: orUndefined(v.status),
      decidedOn: v.decidedOn,
      reason: v.reason,
      version: offer.version,
    }),
    labelOf: (f) => t(`decisionForm.${f}`),
    save: async (input) => {
      const saved = await decide.mutateAsync(input);
      onSaved(t("decisionForm.done", { address: saved.address, status: labels.status(saved.status) }));
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit}
      aria-label={t("decisionForm.title", { address: offer.address })}
      className="mt-3"
    >
      <p className="small">{common("form.requiredNote")}</p>
      {form.problems}
      <div className="row">
        {form.select(
          "status",
          "col-12 col-md-6",
          statuses.map((value) => ({ value, label: labels.status(value) })),
          { required: true, empty: t("form.choose") },
        )}
        {form.text("decidedOn", "col-12 col-md-6", { type: "date", required: true })}
        {form.area("reason", "col-12", { hint: t("decisionForm.reasonHint") })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("decisionForm.save")} />
    </form>
  );
}

const ACCEPT_FIELDS = [
  "code",
  "category",
  "managingPartnerCode",
  "buildingCode",
  "floor",
  "bedrooms",
  "energyClass",
  "condition",
  "lift",
  "stepFree",
  "wheelchairAdapted",
  "decidedOn",
] as const;
type AcceptField = (typeof ACCEPT_FIELDS)[number];

/**
 * Accetta e inserisci nello stock: what the unit needs beyond the offer (its code, category, managing
 * partner, floor, rooms for sleeping, condition); its address, surface and rooms are the offer's.
 */
export function AcceptForm({ offer, onSaved }: { offer: OfferView; onSaved: (text: string) => void }) {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const units = useUnitLabels();
  const { data: organisations = [] } = useOrganisations();
  const accept = useAcceptOffer(offer.id);
  const [category, setCategory] = useState<UnitCategory | null>(null);
  const id = `${offerId(offer.id)}-accept`;
  const form = useOwnersForm<AcceptField, OfferAcceptance>({
    id,
    schema: OfferAcceptance,
    fields: ACCEPT_FIELDS,
    defaults: {
      code: "",
      category: "",
      managingPartnerCode: "",
      buildingCode: "",
      floor: "",
      bedrooms: "",
      energyClass: "",
      condition: "",
      lift: "",
      stepFree: "",
      wheelchairAdapted: "",
      decidedOn: localToday(),
    },
    inputOf: (v) => ({
      code: v.code,
      category: orUndefined(v.category),
      managingPartnerCode: orUndefined(v.managingPartnerCode),
      buildingCode: orNull(v.buildingCode),
      floor: numberOf(v.floor),
      bedrooms: numberOf(v.bedrooms),
      energyClass: orNull(v.energyClass),
      condition: orUndefined(v.condition),
      lift: ticked(v.lift),
      stepFree: ticked(v.stepFree),
      wheelchairAdapted: ticked(v.wheelchairAdapted),
      decidedOn: v.decidedOn,
      version: offer.version,
    }),
    labelOf: (f) => t(`acceptForm.${f}`),
    save: async (input) => {
      const saved = await accept.mutateAsync(input);
      onSaved(t("acceptForm.done", { address: saved.address, code: saved.unitCode ?? "" }));
    },
  });
  const managers = organisations
    .filter((o) => category !== null && canManageCategory(o, category))
    .map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }));
  return (
    <form
      noValidate
      onSubmit={form.submit}
      aria-label={t("acceptForm.title", { address: offer.address })}
      className="mt-3"
    >
      <p className="small">
        {t("acceptForm.lead")} {common("form.requiredNote")}
      </p>
      {form.problems}
      <div className="row">
        {form.text("code", "col-12 col-md-4", {
          required: true,
          autoComplete: "off",
          hint: common("form.hints.code"),
        })}
        {form.select("category", "col-12 col-md-4", units.categoryOptions, {
          required: true,
          empty: t("form.choose"),
          onChange: (e) => setCategory(UNIT_CATEGORIES.find((c) => c === e.target.value) ?? null),
        })}
        {form.select("managingPartnerCode", "col-12 col-md-4", managers, {
          required: true,
          empty: category === null ? t("acceptForm.categoryFirst") : t("form.choose"),
          hint: common("form.hints.managingPartner"),
        })}
        {form.text("buildingCode", "col-12 col-md-4", {
          autoComplete: "off",
          hint: common("form.hints.buildingCode"),
        })}
        {form.text("floor", "col-6 col-md-2", { required: true, inputMode: "numeric" })}
        {form.text("bedrooms", "col-6 col-md-2", {
          required: true,
          inputMode: "numeric",
          hint: t("acceptForm.bedroomsHint", { rooms: offer.rooms }),
        })}
        {form.select(
          "energyClass",
          "col-12 col-md-4",
          ENERGY_CLASSES.map((value) => ({ value, label: value })),
          { empty: t("acceptForm.noEnergyClass") },
        )}
        {form.select("condition", "col-12 col-md-4", units.conditionOptions, {
          required: true,
          empty: t("form.choose"),
        })}
        {form.text("decidedOn", "col-12 col-md-4", { type: "date", required: true })}
      </div>
      <div className="mb-3">
        {form.check("lift", "")}
        {form.check("stepFree", "")}
        {form.check("wheelchairAdapted", "")}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("acceptForm.save")} />
    </form>
  );
}

const UPTAKE_FIELDS = ["schemeId", "from", "to", "cover"] as const;
type UptakeField = (typeof UPTAKE_FIELDS)[number];

/** Aggiungi una garanzia: a scheme still offered, its days and its cover (in euro, sent as cents). */
export function UptakeForm({ offer, onSaved }: { offer: OfferView; onSaved: (text: string) => void }) {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const schemes = useSchemes();
  const add = useAddUptake(offer.id);
  const id = `${offerId(offer.id)}-uptake`;
  const form = useOwnersForm<UptakeField, UptakeInput>({
    id,
    schema: UptakeInput,
    fields: UPTAKE_FIELDS,
    defaults: { schemeId: "", from: localToday(), to: "", cover: "" },
    inputOf: (v) => ({
      schemeId: orUndefined(v.schemeId),
      from: v.from,
      to: v.to,
      coverCents: centsOf(v.cover),
    }),
    labelOf: (f) => t(`uptakeForm.${f}`),
    fieldOf: (path) => (path === "coverCents" ? "cover" : null),
    save: async (input) => {
      const saved = await add.mutateAsync(input);
      const granted = saved.uptakes.find((u) => u.schemeId === input.schemeId);
      onSaved(t("uptakeForm.done", { scheme: granted?.schemeName ?? "", address: saved.address }));
    },
  });
  // Only the schemes still offered take a new guarantee.
  const offered = (schemes.data?.schemes ?? [])
    .filter((s) => s.active)
    .map((s) => ({
      value: s.id,
      label: t("uptakeForm.schemeOption", {
        name: s.name,
        cover: format.euro(s.maxCoverCents),
        count: s.maxMonths,
      }),
    }));
  return (
    <form
      noValidate
      onSubmit={form.submit}
      aria-label={t("uptakeForm.title", { address: offer.address })}
      className="mt-3"
    >
      <p className="small">{common("form.requiredNote")}</p>
      {form.problems}
      <div className="row">
        {form.select("schemeId", "col-12", offered, { required: true, empty: t("form.choose") })}
        {form.text("from", "col-12 col-md-4", { type: "date", required: true })}
        {form.text("to", "col-12 col-md-4", { type: "date", required: true })}
        {form.text("cover", "col-12 col-md-4", {
          required: true,
          inputMode: "decimal",
          hint: t("uptakeForm.coverHint"),
        })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("uptakeForm.save")} />
    </form>
  );
}
