// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import { BookingInput, SpaceInput } from "../../domain/welfare/welfare.ts";
import type { SpaceView } from "../../domain/welfare/welfare-api.schema.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday, orUndefined, useDone } from "../funding/funding-form.tsx";
import { ticked } from "../governance/governance-form.tsx";
import { useAddSpace, useBookSpace } from "./welfare-api.ts";
import { countOf, useWelfareForm } from "./welfare-form.tsx";
import { useWelfareLabels, useWelfareT } from "./welfare-i18n.ts";

// A building's common or non-residential space recorded with its use and house rules, and a common
// space booked for the residents: a day, the hours and what for (never who); never over another
// booking of the same space that day.

const SPACE_FIELDS = [
  "buildingCode",
  "name",
  "kind",
  "use",
  "capacity",
  "surfaceM2",
  "bookable",
  "rules",
] as const;
type SpaceField = (typeof SPACE_FIELDS)[number];

/** Aggiungi uno spazio: its building, name and kind, its use, capacity and surface, whether it is booked. */
export function AddSpaceForm() {
  const { t } = useWelfareT();
  const { t: common } = useTranslation();
  const labels = useWelfareLabels();
  const add = useAddSpace();
  const done = useDone();
  const form = useWelfareForm<SpaceField, SpaceInput>({
    id: "space-new",
    schema: SpaceInput,
    fields: SPACE_FIELDS,
    defaults: {
      buildingCode: "",
      name: "",
      kind: "",
      use: "",
      capacity: "",
      surfaceM2: "",
      bookable: "",
      rules: "",
    },
    inputOf: (v) => ({
      buildingCode: v.buildingCode,
      name: v.name,
      kind: orUndefined(v.kind),
      use: v.use,
      capacity: countOf(v.capacity) ?? null,
      surfaceM2: v.surfaceM2.trim() === "" ? null : parseLocaleNumber(v.surfaceM2),
      bookable: ticked(v.bookable),
      rules: v.rules,
    }),
    labelOf: (f) => t(`spaceForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await add.mutateAsync(input);
      done.say(t("spaceForm.done", { name: saved.name, building: saved.buildingCode }));
    },
  });
  return (
    <FormCard id="space-new" level={3} title={t("spaceForm.title")} lead={t("spaceForm.lead")}>
      {done.node}
      <form noValidate onSubmit={form.submit} aria-labelledby="space-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <FieldSet legend={t("spaceForm.what")}>
          <div className="row">
            {form.text("buildingCode", "col-12 col-md-3", {
              required: true,
              hint: t("spaceForm.buildingCodeHint"),
            })}
            {form.text("name", "col-12 col-md-5", { required: true })}
            {form.select("kind", "col-12 col-md-4", labels.spaceKindOptions, {
              required: true,
              empty: t("form.choose"),
            })}
            {form.text("use", "col-12", { hint: t("spaceForm.useHint") })}
            {form.text("capacity", "col-12 col-md-4", { type: "number", inputMode: "numeric", min: 0 })}
            {form.text("surfaceM2", "col-12 col-md-4", {
              inputMode: "decimal",
              hint: t("spaceForm.surfaceM2Hint"),
            })}
            {form.check("bookable", "col-12 col-md-4 mb-3", { hint: t("spaceForm.bookableHint") })}
          </div>
        </FieldSet>
        <FieldSet legend={t("spaceForm.rulesLegend")}>
          {form.area("rules", "", { rows: 5, hint: t("spaceForm.rulesHint") })}
        </FieldSet>
        <SubmitButton submitting={form.isSubmitting} label={t("spaceForm.save")} />
      </form>
    </FormCard>
  );
}

const BOOKING_FIELDS = ["bookedFor", "fromTime", "toTime", "purpose"] as const;
type BookingField = (typeof BOOKING_FIELDS)[number];

/**
 * Prenota lo spazio: the day, the hours and what for. Hours over another booking of that day are
 * refused by the API (409), said beside the start time; the page then shows that booking.
 */
export function BookingForm({ space, onSaved }: { space: SpaceView; onSaved: (text: string) => void }) {
  const { t } = useWelfareT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const book = useBookSpace(space.id);
  const id = `booking-${space.id}`;
  const form = useWelfareForm<BookingField, BookingInput>({
    id,
    schema: BookingInput,
    fields: BOOKING_FIELDS,
    defaults: { bookedFor: localToday(), fromTime: "", toTime: "", purpose: "" },
    inputOf: (v) => v,
    labelOf: (f) => t(`bookingForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      await book.mutateAsync(input);
      onSaved(
        t("bookingForm.done", {
          name: space.name,
          date: format.date(input.bookedFor),
          from: input.fromTime,
          to: input.toTime,
        }),
      );
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit}
      aria-label={t("bookingForm.formName", { name: space.name })}
      className="mt-3"
    >
      <p className="small">
        {t("bookingForm.lead")} {common("form.requiredNote")}
      </p>
      {form.problems}
      <div className="row">
        {form.text("bookedFor", "col-12 col-md-4", { type: "date", required: true })}
        {form.text("fromTime", "col-12 col-md-4", { type: "time", required: true })}
        {form.text("toTime", "col-12 col-md-4", { type: "time", required: true })}
        {form.text("purpose", "col-12", { required: true, hint: t("bookingForm.purposeHint") })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("bookingForm.save")} />
    </form>
  );
}
