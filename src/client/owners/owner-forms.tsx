// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { ContactInput, OfferInput, OwnerUpdate } from "../../domain/owners/owners.ts";
import type { OwnerSummaryView } from "../../domain/owners/owners-api.schema.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, localToday, orUndefined } from "../funding/funding-form.tsx";
import { centsOf, numberOf } from "../tenancies/money.ts";
import { useAddContact, useAddOffer, useUpdateOwner } from "./owners-api.ts";
import { municipioOf, type OwnersFormFields, useOwnersForm } from "./owners-form.tsx";
import { useOwnersLabels, useOwnersT } from "./owners-i18n.ts";

// An owner's forms: the change of its details (on the version read: someone else's change meanwhile
// is refused with a 409 said above the form), a contact with it, and a home it offers.

export const OWNER_FIELDS = ["kind", "name", "contact", "town", "municipio", "notes"] as const;
export type OwnerField = (typeof OWNER_FIELDS)[number];

/** The owner's fields as the form's text turns them into the schema's input. */
export const ownerInputOf = (v: Record<OwnerField, string>) => ({
  kind: orUndefined(v.kind),
  name: v.name,
  contact: v.contact,
  town: v.town,
  municipio: municipioOf(v.municipio),
  notes: v.notes,
});

/** The fields of an owner's form, in the order of the form. */
export function OwnerFields({ form }: { form: OwnersFormFields<OwnerField> }) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  return (
    <div className="row">
      {form.select("kind", "col-12 col-md-4", labels.kindOptions, {
        required: true,
        empty: t("form.choose"),
      })}
      {form.text("name", "col-12 col-md-8", { required: true, hint: t("ownerForm.nameHint") })}
      {form.text("contact", "col-12 col-md-6", { hint: t("ownerForm.contactHint") })}
      {form.text("town", "col-12 col-md-3", { required: true })}
      {form.select("municipio", "col-12 col-md-3", labels.municipioOptions, {
        empty: t("place.noMunicipio"),
        hint: t("ownerForm.municipioHint"),
      })}
      {form.area("notes", "col-12")}
    </div>
  );
}

/** Modifica i dati: the owner's kind, name, contact, place and notes, sent with the version read. */
export function EditOwnerForm({
  owner,
  onSaved,
}: {
  owner: OwnerSummaryView;
  onSaved: (saved: OwnerSummaryView) => void;
}) {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const update = useUpdateOwner(owner.id);
  const form = useOwnersForm<OwnerField, OwnerUpdate>({
    id: "owner-edit",
    schema: OwnerUpdate,
    fields: OWNER_FIELDS,
    defaults: {
      kind: owner.kind,
      name: owner.name,
      contact: owner.contact,
      town: owner.town,
      municipio: owner.municipio === null ? "" : String(owner.municipio),
      notes: owner.notes,
    },
    inputOf: (v) => ({ ...ownerInputOf(v), version: owner.version }),
    labelOf: (f) => t(`ownerForm.${f}`),
    save: async (input) => {
      onSaved(await update.mutateAsync(input));
    },
  });
  return (
    <form noValidate onSubmit={form.submit} aria-label={t("ownerEdit.title")} className="mt-3">
      <p className="small">
        {t("ownerEdit.lead")} {common("form.requiredNote")}
      </p>
      {form.problems}
      <OwnerFields form={form} />
      <SubmitButton submitting={form.isSubmitting} label={t("ownerEdit.save")} />
    </form>
  );
}

const CONTACT_FIELDS = ["contactedOn", "channel", "outcome", "note"] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

/** Registra un contatto: when, how, with what outcome; the organisation is the signed-in account's. */
export function ContactForm({ ownerId, onSaved }: { ownerId: string; onSaved: (text: string) => void }) {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const labels = useOwnersLabels();
  const format = useFormat();
  const add = useAddContact(ownerId);
  const form = useOwnersForm<ContactField, ContactInput>({
    id: "contact-new",
    schema: ContactInput,
    fields: CONTACT_FIELDS,
    defaults: { contactedOn: localToday(), channel: "", outcome: "", note: "" },
    inputOf: (v) => ({
      contactedOn: v.contactedOn,
      channel: orUndefined(v.channel),
      outcome: orUndefined(v.outcome),
      note: v.note,
    }),
    labelOf: (f) => t(`contactForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await add.mutateAsync(input);
      onSaved(
        t("contactForm.done", {
          date: format.date(saved.contactedOn),
          outcome: labels.outcome(saved.outcome),
        }),
      );
    },
  });
  return (
    <FormCard id="contact-new" level={3} title={t("contactForm.title")} lead={t("contactForm.lead")}>
      <form noValidate onSubmit={form.submit} aria-labelledby="contact-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("contactedOn", "col-12 col-md-4", { type: "date", required: true })}
          {form.select("channel", "col-12 col-md-4", labels.channelOptions, {
            required: true,
            empty: t("form.choose"),
          })}
          {form.select("outcome", "col-12 col-md-4", labels.outcomeOptions, {
            required: true,
            empty: t("form.choose"),
          })}
          {form.area("note", "col-12")}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("contactForm.save")} />
      </form>
    </FormCard>
  );
}

const OFFER_FIELDS = [
  "address",
  "town",
  "municipio",
  "surfaceM2",
  "rooms",
  "askedRent",
  "offeredOn",
] as const;
type OfferField = (typeof OFFER_FIELDS)[number];

/** Registra un alloggio offerto: where, how large, the monthly rent asked (in euro, sent as cents). */
export function OfferForm({ owner, onSaved }: { owner: OwnerSummaryView; onSaved: (text: string) => void }) {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const labels = useOwnersLabels();
  const add = useAddOffer(owner.id);
  const form = useOwnersForm<OfferField, OfferInput>({
    id: "offer-new",
    schema: OfferInput,
    fields: OFFER_FIELDS,
    defaults: {
      address: "",
      town: "Milano",
      municipio: "",
      surfaceM2: "",
      rooms: "",
      askedRent: "",
      offeredOn: localToday(),
    },
    inputOf: (v) => ({
      address: v.address,
      town: v.town,
      municipio: municipioOf(v.municipio),
      surfaceM2: numberOf(v.surfaceM2),
      rooms: numberOf(v.rooms),
      askedRentCents: centsOf(v.askedRent),
      offeredOn: v.offeredOn,
    }),
    labelOf: (f) => t(`offerForm.${f}`),
    fieldOf: (path) => (path === "askedRentCents" ? "askedRent" : null),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await add.mutateAsync(input);
      onSaved(t("offerForm.done", { address: saved.address }));
    },
  });
  return (
    <FormCard
      id="offer-new"
      level={3}
      title={t("offerForm.title")}
      lead={t("offerForm.lead", { name: owner.name })}
    >
      <form noValidate onSubmit={form.submit} aria-labelledby="offer-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("address", "col-12 col-md-6", { required: true, autoComplete: "off" })}
          {form.text("town", "col-12 col-md-3", { required: true })}
          {form.select("municipio", "col-12 col-md-3", labels.municipioOptions, {
            empty: t("place.noMunicipio"),
            hint: t("offerForm.municipioHint"),
          })}
          {form.text("surfaceM2", "col-12 col-md-3", {
            required: true,
            inputMode: "decimal",
            hint: t("offerForm.surfaceHint"),
          })}
          {form.text("rooms", "col-12 col-md-3", { required: true, inputMode: "numeric" })}
          {form.text("askedRent", "col-12 col-md-3", {
            required: true,
            inputMode: "decimal",
            hint: t("offerForm.askedRentHint"),
          })}
          {form.text("offeredOn", "col-12 col-md-3", { type: "date", required: true })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("offerForm.save")} />
      </form>
    </FormCard>
  );
}
