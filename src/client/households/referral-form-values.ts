// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { zodResolver } from "@hookform/resolvers/zod";
import type { DefaultValues, FieldErrors, FieldPath, Resolver, ResolverOptions } from "react-hook-form";
import type { z } from "zod";
import {
  DOCUMENT_MAX_BYTES,
  DocumentFields,
  type DocumentKind,
  documentFileProblems,
  documentProblems,
} from "../../domain/households/document.schema.ts";
import { householdProblems } from "../../domain/households/household.schema.ts";
import { DEFAULT_REFERRAL_DUE_DAYS, ReferralCreate } from "../../domain/households/household-api.schema.ts";
import type { FieldIssue } from "../../domain/shared/issue.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";

/**
 * An attachment (allegato) as the form holds it: a document of the household and its file, uploaded
 * once the referral exists. The expiry counts only for the kinds that have one.
 */
export type AttachmentValues = { kind: DocumentKind; title: string; expiresOn: string; file: File | null };
/** An attachment checked: the document's fields (its referral is not there yet) and its file. */
export type AttachmentOutput = { fields: DocumentFields; file: File };

type ReferralInput = z.input<typeof ReferralCreate>;
export type ReferralFormValues = ReferralInput & { attachments: AttachmentValues[] };
export type ReferralFormOutput = z.output<typeof ReferralCreate> & { attachments: AttachmentOutput[] };
export type ReferralFormPath = FieldPath<ReferralFormValues>;
export type MemberValues = ReferralFormValues["household"]["members"][number];

export const DEFAULT_DUE_DAYS = DEFAULT_REFERRAL_DUE_DAYS;

// Choices (sex, relationship, the household's selects) start empty, which their types do not allow:
// the person filling in the form chooses, and the schema says so beside any left empty.
export const emptyMember = (relationship: "head" | "" = ""): MemberValues =>
  ({
    givenName: "",
    familyName: "",
    fiscalCode: "",
    birthDate: "",
    sex: "",
    citizenship: "IT",
    relationship,
  }) as unknown as MemberValues;

export const EMPTY_REFERRAL = {
  household: {
    targetGroup: "",
    category: "",
    needs: [],
    accessibilityNeed: "none",
    priority: {
      knownToSocialServices: false,
      completedPreviousPath: false,
      prospectOfAutonomy: false,
      ableToCoPay: false,
      difficultyAccessingPublicHousing: false,
    },
    housingSituation: "",
    phone: "",
    email: "",
    incomeCents: null,
    iseeCents: null,
    iseeDate: null,
    members: [emptyMember("head")],
  },
  partnerCode: "",
  report: { situation: "", reasons: "", servicesInvolved: "", urgency: "ordinary" },
  dueDays: DEFAULT_DUE_DAYS,
  attachments: [],
} as unknown as DefaultValues<ReferralFormValues>;

export const emptyAttachment = (): AttachmentValues => ({
  kind: "social_report",
  title: "",
  expiresOn: "",
  file: null,
});

/**
 * Whether a kind of document has an expiry date (identity document, residence permit, ISEE): asked
 * of the document rules themselves, so the form never disagrees with the server.
 */
export const kindNeedsExpiry = (kind: DocumentKind) =>
  documentProblems(
    { kind, title: "-", number: "", issuedOn: null, expiresOn: null, referralId: null },
    "2000-01-01",
  ).some((issue) => issue.path === "expiresOn");

// What the inputs hold is text; the schema wants numbers, cents and nulls. Amounts are typed in euro
// the Italian or the English way (1.250,50 or 1250.50); anything unreadable stays text, so the schema
// names the problem.
export const asCentsOrNull = (v: unknown) => {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return null;
  const euro = parseLocaleNumber(v.replace(/€/g, ""));
  return typeof euro === "number" ? Math.round(euro * 100) : v;
};
export const asNumber = (v: unknown) => {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return undefined;
  const n = parseLocaleNumber(v);
  return n;
};
export const asTextOrNull = (v: unknown) => (typeof v !== "string" ? v : v.trim() === "" ? null : v);
/** An unchosen option is no value at all, so the schema says it is missing. */
export const asChoice = (v: unknown) => (v === "" ? undefined : v);

/** Today as YYYY-MM-DD where the browser is: birth and ISEE dates are not in the future. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const schemaResolver = zodResolver(ReferralCreate);

/**
 * The shared schema first, then the household's cross-field rules (one head, birth date and sex as
 * the fiscal code says, …): the same checks the server makes, shown before the form is sent.
 */
const referralOnlyResolver: Resolver<ReferralInput, unknown, z.output<typeof ReferralCreate>> = async (
  values,
  context,
  options,
) => {
  const result = await schemaResolver(values, context, options);
  if (Object.keys(result.errors).length > 0) return result;
  const problems = householdProblems(result.values.household, localToday());
  if (problems.length === 0) return result;
  const flat: FieldErrors = {};
  for (const problem of problems) {
    const path = `household.${problem.path}`;
    if (flat[path] === undefined) flat[path] = { type: "rule", message: problem.message };
  }
  return { values: {}, errors: toNestErrors(flat, options) };
};

// Messages of the file's checks in the browser, as the `messages` namespace knows them; the server
// answers the same for a file too large.
export const FILE_MISSING = "Choose the file to attach";
export const FILE_TOO_LARGE = `A file may be at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MiB`;

/**
 * An attachment's problems, before anything is sent: the document's fields and rules (today where
 * the browser is), then its file — there, not over 10 MiB, and a PDF, PNG or JPEG by its type and by
 * its first bytes, as the server checks it.
 */
async function attachmentProblems(
  attachment: AttachmentValues,
  today: string,
): Promise<{ issues: FieldIssue[]; output: AttachmentOutput | null }> {
  const issues: FieldIssue[] = [];
  const needsExpiry = kindNeedsExpiry(attachment.kind);
  const parsed = DocumentFields.safeParse({
    kind: attachment.kind,
    title: attachment.title,
    expiresOn: needsExpiry && attachment.expiresOn !== "" ? attachment.expiresOn : null,
  });
  if (parsed.success) issues.push(...documentProblems(parsed.data, today));
  else issues.push(...parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const file = attachment.file ?? null;
  if (file === null) issues.push({ path: "file", message: FILE_MISSING });
  else if (file.size > DOCUMENT_MAX_BYTES) issues.push({ path: "file", message: FILE_TOO_LARGE });
  else {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    issues.push(...documentFileProblems({ contentType: file.type, bytes: head }));
  }
  const output =
    parsed.success && file !== null && issues.length === 0 ? { fields: parsed.data, file } : null;
  return { issues, output };
}

/** The referral's checks and each attachment's, together: every problem shows at once. */
export const referralResolver: Resolver<ReferralFormValues, unknown, ReferralFormOutput> = async (
  values,
  context,
  options,
) => {
  const { attachments = [], ...referral } = values;
  const today = localToday();
  const [result, checked] = await Promise.all([
    referralOnlyResolver(referral, context, options as unknown as ResolverOptions<ReferralInput>),
    Promise.all(attachments.map((a) => attachmentProblems(a, today))),
  ]);
  const flat: FieldErrors = {};
  for (const [index, { issues }] of checked.entries()) {
    for (const issue of issues)
      flat[`attachments.${index}.${issue.path}`] ??= { type: "rule", message: issue.message };
  }
  const errors = {
    ...result.errors,
    ...(Object.keys(flat).length > 0 ? toNestErrors(flat, options) : {}),
  } as FieldErrors<ReferralFormValues>;
  const outputs = checked.flatMap(({ output }) => (output === null ? [] : [output]));
  if (Object.keys(errors).length > 0 || outputs.length < checked.length) return { values: {}, errors };
  return {
    values: { ...(result.values as z.output<typeof ReferralCreate>), attachments: outputs },
    errors: {},
  };
};

const HOUSEHOLD_FIELDS = new Set([
  "targetGroup",
  "category",
  "needs",
  "accessibilityNeed",
  "priority",
  "housingSituation",
  "phone",
  "email",
  "incomeCents",
  "iseeCents",
  "iseeDate",
  "members",
]);
const MEMBER_FIELDS = "givenName|familyName|fiscalCode|birthDate|sex|citizenship|relationship";
const FORM_PATHS = [
  /^household\.(targetGroup|category|needs|accessibilityNeed|housingSituation|phone|email|incomeCents|iseeCents|iseeDate)$/,
  /^household\.priority\.\w+$/,
  new RegExp(`^household\\.members\\.\\d+\\.(${MEMBER_FIELDS})$`),
  /^partnerCode$/,
  /^report\.(situation|reasons|servicesInvolved|urgency)$/,
  /^dueDays$/,
  /^attachments\.\d+\.(kind|title|expiresOn|file)$/,
];

/**
 * The form path of a field the server named: its paths may start inside the household
 * (`members.0.fiscalCode`); null when the field is not one of the form's.
 */
export function formPathOf(serverPath: string): ReferralFormPath | null {
  const first = serverPath.split(".")[0] ?? "";
  const path = HOUSEHOLD_FIELDS.has(first) ? `household.${serverPath}` : serverPath;
  return FORM_PATHS.some((re) => re.test(path)) ? (path as ReferralFormPath) : null;
}

/** The id of a field's control: `household.members.0.fiscalCode` → `referral-household-members-0-fiscalCode`. */
export const fieldId = (path: string) => `referral-${path.replaceAll(".", "-")}`;
