// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { documentFileName, documentFileProblems } from "../../domain/households/document.schema.ts";
import { checkRent, type RentBasis, recertify } from "../../domain/tenancies/rent.ts";
import type { ContractType, Signatory, TenancyTerms } from "../../domain/tenancies/tenancy.schema.ts";
import type {
  RecertificationInfo,
  RecertificationInput,
  Tenancy,
  TenancyCreate,
  TenancyEnd,
  TenancyList,
  TenancyListQuery,
  TenancySummary,
} from "../../domain/tenancies/tenancy-api.schema.ts";
import { maxMonthlyRentCents } from "../../domain/units/rent-cap.ts";
import type { UnitCategory } from "../../domain/units/unit.schema.ts";
import { moveHousehold } from "../allocation/offers.service.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError, fieldError, missingAsField, uniqueViolationOf } from "../errors.ts";
import { findHouseholdOrFail, romeDate } from "../households/households.service.ts";
import { getUnit, transitionUnit } from "../units/units.service.ts";
import { recertificationLetterPdf } from "./recertification-letter.ts";
import {
  countTenancyRows,
  findDocumentFile,
  findTenancyRow,
  insertDocumentRow,
  insertRecertificationRow,
  insertTenancyRow,
  listDocumentRows,
  listRecertificationRows,
  listTenancyRows,
  overlappingTenancy,
  type TenancyRow,
  updateTenancyRow,
} from "./tenancies.repository.ts";

function toSummary(row: TenancyRow): TenancySummary {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as TenancySummary["status"],
    contractType: row.contractType as ContractType | null,
    startOn: row.startOn,
    endOn: row.endOn,
    rentCents: row.rentCents,
    serviceChargeCents: row.serviceChargeCents,
    unit: { id: row.unitId, code: row.unitCode, address: row.unitAddress, category: row.unitCategory },
    household: { id: row.householdId ?? "", reference: row.householdReference ?? "" },
    partnerCode: row.partnerCode,
  };
}

export async function findTenancyOrFail(db: Db, idOrReference: string) {
  const row = await findTenancyRow(db, idOrReference);
  if (row === null) throw new AppError("NOT_FOUND", `No tenancy "${idOrReference}"`);
  return row;
}

const toRecertification = (
  r: Awaited<ReturnType<typeof listRecertificationRows>>[number],
): RecertificationInfo => ({
  id: r.id,
  effectiveOn: r.effectiveOn,
  incomeCents: r.incomeCents,
  iseeCents: r.iseeCents,
  previousIncomeCents: r.previousIncomeCents,
  previousRentCents: r.previousRentCents,
  newRentCents: r.newRentCents,
  basis: r.basis as Record<string, unknown>,
  createdAt: r.createdAt.toISOString(),
});

export async function getTenancy(options: { db: Db; idOrReference: string }): Promise<Tenancy> {
  const { db, idOrReference } = options;
  const row = await findTenancyOrFail(db, idOrReference);
  const [documents, recertifications] = await inOrder([
    () => listDocumentRows(db, row.id),
    () => listRecertificationRows(db, row.id),
  ]);
  return {
    ...toSummary(row),
    version: row.version,
    offerId: row.offerId,
    renewalMonths: row.renewalMonths,
    noticeMonths: row.noticeMonths,
    depositCents: row.depositCents,
    rentBasis: (row.rentBasis as Record<string, unknown> | null) ?? null,
    signatories: row.signatories as Signatory[],
    unitSurfaceM2: row.unitSurfaceM2,
    capMonthlyCents: maxMonthlyRentCents(row.unitCategory as UnitCategory, row.unitSurfaceM2),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    endedOn: row.endedOn,
    endReason: row.endReason,
    cancelReason: row.cancelReason,
    documents: documents.map((d) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() })),
    recertifications: recertifications.map(toRecertification),
  };
}

export async function listTenancies(options: { db: Db; query: TenancyListQuery }): Promise<TenancyList> {
  const { db, query } = options;
  const [rows, total] = await inOrder([() => listTenancyRows(db, query), () => countTenancyRows(db, query)]);
  return { items: rows.map(toSummary), total };
}

/** A unit a tenancy may be recorded on: one whose offer was accepted, or already let before the system. */
const TENANCY_UNIT_STATUSES: ReadonlySet<string> = new Set(["let_pending", "let"]);

/** Open a tenancy draft for a unit and a household (an accepted offer opens its own). */
export async function createTenancy(options: { db: Db; actor: Actor; input: TenancyCreate; now: Date }) {
  const { db, actor, input, now } = options;
  const unit = await getUnit({ db, actor, idOrCode: input.unitId }).catch(
    missingAsField("unitId", `No unit "${input.unitId}"`),
  );
  if (!TENANCY_UNIT_STATUSES.has(unit.status))
    throw fieldError(
      "UNPROCESSABLE",
      "unitId",
      `Unit ${unit.code} is ${unit.status}: a tenancy is recorded on a unit whose offer was accepted (let pending) or that is let`,
    );
  const household = await findHouseholdOrFail(db, actor, input.householdId).catch(
    missingAsField("householdId", `No household "${input.householdId}"`),
  );
  try {
    const id = await db.transaction((tx) =>
      insertTenancyRow(tx, {
        unitId: unit.id,
        householdId: household.id,
        createdBy: actor.userId,
        createdAt: now,
      }),
    );
    return getTenancy({ db, idOrReference: id });
  } catch (e) {
    if (uniqueViolationOf(e)?.includes("tenancies_unit_open_key"))
      throw fieldError("CONFLICT", "unitId", `Unit ${unit.code} already has a tenancy in draft or in force`);
    throw e;
  }
}

async function draftOrFail(db: Db, idOrReference: string, version: number) {
  const row = await findTenancyOrFail(db, idOrReference);
  if (row.version !== version)
    throw fieldError("CONFLICT", "version", "The tenancy was changed by someone else; reload it and retry");
  if (row.status !== "draft")
    throw fieldError("CONFLICT", "status", `The tenancy is ${row.status}: only a draft's terms can change`);
  return row;
}

/** Check the terms against the unit (contract type, rent cap or co-payment) and other tenancies' dates. */
async function checkTerms(db: Db, row: TenancyRow, terms: TenancyTerms): Promise<RentBasis> {
  const rent = checkRent(
    { category: row.unitCategory as UnitCategory, surfaceM2: row.unitSurfaceM2 },
    { contractType: terms.contractType, rentCents: terms.rentCents, coPayment: terms.coPayment },
  );
  if (!rent.ok) throw fieldError("UNPROCESSABLE", rent.path, rent.message);
  const overlap = await overlappingTenancy(db, row.unitId, row.id, terms.startOn);
  if (overlap !== null)
    throw fieldError(
      "CONFLICT",
      "startOn",
      `Unit ${row.unitCode} is let under ${overlap} on ${terms.startOn}: tenancies of one unit cannot overlap`,
    );
  return rent.basis;
}

/** Fill in or change the terms of a draft: contract, dates, money, signatories. */
export async function updateTerms(options: { db: Db; idOrReference: string; terms: TenancyTerms }) {
  const { db, idOrReference, terms } = options;
  const row = await draftOrFail(db, idOrReference, terms.version);
  const basis = await checkTerms(db, row, terms);
  const saved = await updateTenancyRow(db, row.id, row.version, {
    contractType: terms.contractType,
    startOn: terms.startOn,
    endOn: terms.endOn,
    renewalMonths: terms.renewalMonths,
    noticeMonths: terms.noticeMonths,
    depositCents: terms.depositCents,
    rentCents: terms.rentCents,
    serviceChargeCents: terms.serviceChargeCents,
    rentBasis: basis,
    signatories: terms.signatories,
  });
  if (!saved)
    throw fieldError("CONFLICT", "version", "The tenancy was changed by someone else; reload it and retry");
  return getTenancy({ db, idOrReference: row.id });
}

/**
 * Put a draft in force once signed: its terms complete and still within the rules. The unit becomes
 * let and an offered household housed, in the same transaction.
 */
export async function activateTenancy(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  version: number;
  now: Date;
}) {
  const { db, actor, idOrReference, version, now } = options;
  const row = await draftOrFail(db, idOrReference, version);
  const signatories = row.signatories as Signatory[];
  if (row.contractType === null || row.startOn === null || signatories.length === 0)
    throw fieldError(
      "UNPROCESSABLE",
      "contractType",
      "Fill in the contract type, the start and the signatories first",
    );
  await checkTerms(db, row, {
    version,
    contractType: row.contractType as ContractType,
    startOn: row.startOn,
    endOn: row.endOn,
    renewalMonths: row.renewalMonths,
    noticeMonths: row.noticeMonths,
    depositCents: row.depositCents,
    rentCents: row.rentCents,
    serviceChargeCents: row.serviceChargeCents,
    coPayment:
      (row.rentBasis as RentBasis | null)?.rule === "co_payment"
        ? (() => {
            const b = row.rentBasis as Extract<RentBasis, { rule: "co_payment" }>;
            return { annualIncomeCents: b.annualIncomeCents, sharePercent: b.sharePercent };
          })()
        : null,
    signatories,
  });
  await db.transaction(async (tx) => {
    if (
      !(await updateTenancyRow(tx, row.id, row.version, {
        status: "active",
        activatedAt: now,
        activatedBy: actor.userId,
      }))
    )
      throw fieldError("CONFLICT", "version", "The tenancy was changed by someone else; reload it and retry");
    if (row.unitStatus === "let_pending")
      await transitionUnit({
        db: tx,
        actor,
        idOrCode: row.unitId,
        input: { to: "let", note: `Tenancy ${row.reference} in force` },
      });
    if (row.householdId !== null) {
      const household = await findHouseholdOrFail(tx, actor, row.householdId);
      if (household.status === "offered")
        await moveHousehold({
          db: tx,
          actor,
          householdId: household.id,
          from: "offered",
          to: "housed",
          note: `Tenancy ${row.reference} in force from ${row.startOn}`,
          now,
        });
    }
  });
  return getTenancy({ db, idOrReference: row.id });
}

/** End a tenancy in force on a day, with the reason; the unit starts being vacated. */
export async function endTenancy(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: TenancyEnd;
}) {
  const { db, actor, idOrReference, input } = options;
  const row = await findTenancyOrFail(db, idOrReference);
  if (row.version !== input.version)
    throw fieldError("CONFLICT", "version", "The tenancy was changed by someone else; reload it and retry");
  if (row.status !== "active")
    throw fieldError("CONFLICT", "status", `The tenancy is ${row.status}: only a tenancy in force can end`);
  if (row.startOn !== null && input.endedOn < row.startOn)
    throw fieldError("UNPROCESSABLE", "endedOn", `The tenancy started on ${row.startOn}`);
  await db.transaction(async (tx) => {
    if (
      !(await updateTenancyRow(tx, row.id, row.version, {
        status: "ended",
        endedOn: input.endedOn,
        endReason: input.reason,
      }))
    )
      throw fieldError("CONFLICT", "version", "The tenancy was changed by someone else; reload it and retry");
    if (row.unitStatus === "let")
      await transitionUnit({
        db: tx,
        actor,
        idOrCode: row.unitId,
        input: { to: "vacating", note: `Tenancy ${row.reference} ended: ${input.reason}` },
      });
  });
  return getTenancy({ db, idOrReference: row.id });
}

/**
 * Record the household's annual income recertification: the new rent computed from the rules (a
 * co-payment follows the income; a capped rent stays within the cap), applied to the tenancy from the
 * next charges, and the letter to the household generated and filed among its documents.
 */
export async function recertifyTenancy(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: RecertificationInput;
  now: Date;
}) {
  const { db, actor, idOrReference, input, now } = options;
  const row = await findTenancyOrFail(db, idOrReference);
  if (row.status !== "active")
    throw fieldError(
      "CONFLICT",
      "status",
      `The tenancy is ${row.status}: only a tenancy in force is recertified`,
    );
  if (row.startOn !== null && input.effectiveOn < row.startOn)
    throw fieldError("UNPROCESSABLE", "effectiveOn", `The tenancy started on ${row.startOn}`);
  const [latest] = await listRecertificationRows(db, row.id);
  const basis = row.rentBasis as RentBasis | null;
  const previousIncomeCents =
    latest?.incomeCents ??
    (basis?.rule === "co_payment" ? basis.annualIncomeCents : row.householdIncomeCents);
  const result = recertify(
    { category: row.unitCategory as UnitCategory, surfaceM2: row.unitSurfaceM2 },
    { contractType: row.contractType as ContractType, rentCents: row.rentCents, basis },
    { annualIncomeCents: input.annualIncomeCents, sharePercent: input.sharePercent },
  );
  const letter = await recertificationLetterPdf({
    reference: row.reference,
    unit: { code: row.unitCode, address: row.unitAddress },
    signatories: (row.signatories as Signatory[]).map((s) => s.name),
    effectiveOn: input.effectiveOn,
    annualIncomeCents: input.annualIncomeCents,
    previousRentCents: result.previousRentCents,
    newRentCents: result.newRentCents,
    serviceChargeCents: row.serviceChargeCents,
    basis: result.basis,
    issuedOn: romeDate(now),
    partnerCode: row.partnerCode ?? "",
  });
  try {
    await db.transaction(async (tx) => {
      await insertRecertificationRow(tx, {
        tenancyId: row.id,
        effectiveOn: input.effectiveOn,
        incomeCents: input.annualIncomeCents,
        iseeCents: input.iseeCents,
        previousIncomeCents: previousIncomeCents ?? null,
        previousRentCents: result.previousRentCents,
        newRentCents: result.newRentCents,
        basis: result.basis,
        createdBy: actor.userId,
        createdAt: now,
      });
      if (
        !(await updateTenancyRow(tx, row.id, row.version, {
          rentCents: result.newRentCents,
          rentBasis: result.basis,
        }))
      )
        throw fieldError("CONFLICT", "version", "The tenancy was changed by someone else; retry");
      await insertDocumentRow(tx, {
        tenancyId: row.id,
        kind: "recertification_letter",
        title: `Lettera di ricertificazione del reddito ${input.effectiveOn}`,
        fileName: `ricertificazione-${row.reference}-${input.effectiveOn}.pdf`,
        contentType: "application/pdf",
        sizeBytes: letter.length,
        sha256: createHash("sha256").update(letter).digest("hex"),
        content: Buffer.from(letter),
        sharedWithTenant: true,
        uploadedBy: actor.userId,
        uploadedAt: now,
      });
    });
  } catch (e) {
    if (uniqueViolationOf(e)?.includes("recertifications_tenancy_effective_key"))
      throw fieldError(
        "CONFLICT",
        "effectiveOn",
        `A recertification from ${input.effectiveOn} is already recorded`,
      );
    throw e;
  }
  return getTenancy({ db, idOrReference: row.id });
}

export const TENANCY_DOCUMENT_KINDS = ["contract", "registration", "inventory", "other"] as const;
export const TENANCY_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** File a document of a tenancy (PDF, PNG or JPEG, checked by content). */
export async function addTenancyDocument(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  fields: { kind: (typeof TENANCY_DOCUMENT_KINDS)[number]; title: string; sharedWithTenant: boolean };
  file: { name: string; contentType: string; bytes: Uint8Array };
  now: Date;
}) {
  const { db, actor, idOrReference, fields, file, now } = options;
  const row = await findTenancyOrFail(db, idOrReference);
  if (file.bytes.length > TENANCY_DOCUMENT_MAX_BYTES)
    throw fieldError("PAYLOAD_TOO_LARGE", "file", "A file may be at most 10 MiB");
  const issues = documentFileProblems(file);
  if (issues.length > 0) throw new AppError("UNPROCESSABLE", "The document breaks a rule", issues);
  await insertDocumentRow(db, {
    tenancyId: row.id,
    ...fields,
    fileName: documentFileName(file.name),
    contentType: file.contentType.split(";")[0]?.trim().toLowerCase() ?? "",
    sizeBytes: file.bytes.length,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    content: Buffer.from(file.bytes),
    uploadedBy: actor.userId,
    uploadedAt: now,
  });
  return getTenancy({ db, idOrReference: row.id });
}

export async function getTenancyDocumentFile(options: { db: Db; idOrReference: string; documentId: string }) {
  const row = await findTenancyOrFail(options.db, options.idOrReference);
  const file = await findDocumentFile(options.db, row.id, options.documentId);
  if (file === null) throw new AppError("NOT_FOUND", `No document "${options.documentId}" of this tenancy`);
  return { tenancyId: row.id, ...file };
}
