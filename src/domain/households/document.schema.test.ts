// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { Role } from "../auth/roles.ts";
import {
  canReadDocumentFile,
  DocumentFields,
  documentFileName,
  documentFileProblems,
  documentProblems,
  documentValidity,
  sniffContentType,
} from "./document.schema.ts";
import type { CaseFacts } from "./special-category.ts";

const TODAY = "2026-11-22";
const fields = (over: Partial<DocumentFields> = {}) =>
  DocumentFields.parse({ kind: "other", title: "Prova", ...over });
const bytes = (...head: number[]) => new Uint8Array([...head, 0x0a, 0x41]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);

describe("documentProblems", () => {
  it.each([
    ["an ISEE with its expiry", fields({ kind: "isee", expiresOn: "2027-01-15" }), []],
    ["a document expiring today", fields({ kind: "isee", expiresOn: TODAY }), []],
    ["an identity document without expiry", fields({ kind: "identity_document" }), ["expiresOn"]],
    ["a residence permit without expiry", fields({ kind: "residence_permit" }), ["expiresOn"]],
    ["a social report without expiry", fields({ kind: "social_report" }), []],
    ["a document already expired", fields({ expiresOn: "2026-11-21" }), ["expiresOn"]],
    ["issued in the future", fields({ issuedOn: "2026-11-23" }), ["issuedOn"]],
    [
      "issued after it expires",
      fields({ issuedOn: "2026-11-20", expiresOn: "2026-11-01" }),
      ["expiresOn", "expiresOn"],
    ],
    ["issued today", fields({ issuedOn: TODAY }), []],
  ] as const)("%s → %j", (_, document, paths) => {
    expect(documentProblems(document, TODAY).map((i) => i.path)).toEqual(paths);
  });

  it("says at upload that the document already expired, naming expiresOn", () => {
    expect(documentProblems(fields({ expiresOn: "2026-10-31" }), TODAY)).toEqual([
      { path: "expiresOn", message: "The document already expired on 2026-10-31" },
    ]);
  });
});

describe("documentValidity", () => {
  it.each([
    [null, "no_expiry"],
    ["2026-11-21", "expired"],
    [TODAY, "expiring"],
    ["2026-12-22", "expiring"],
    ["2026-12-23", "valid"],
  ] as const)("expiring on %s → %s", (expiresOn, validity) => {
    expect(documentValidity(expiresOn, TODAY)).toBe(validity);
  });
});

describe("files", () => {
  it.each([
    ["a PDF", PDF, "application/pdf"],
    ["a PNG", PNG, "image/png"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["text", bytes(0x68, 0x65, 0x6c, 0x6c, 0x6f), null],
    ["a truncated PNG signature", new Uint8Array([0x89, 0x50, 0x4e]), null],
    ["nothing", new Uint8Array(), null],
  ] as const)("sniffs %s as %s", (_, content, type) => {
    expect(sniffContentType(content)).toBe(type);
  });

  it.each([
    ["a PDF declared as such", { contentType: "application/pdf", bytes: PDF }, []],
    ["a type with parameters, in capitals", { contentType: "Image/PNG; name=x", bytes: PNG }, []],
    ["a PNG declared as PDF", { contentType: "application/pdf", bytes: PNG }, ["file"]],
    ["an allowed signature, a type not allowed", { contentType: "text/html", bytes: PDF }, ["file"]],
    ["no type", { contentType: "", bytes: JPEG }, ["file"]],
    ["an empty file", { contentType: "application/pdf", bytes: new Uint8Array() }, ["file"]],
  ] as const)("%s → %j", (_, file, paths) => {
    expect(documentFileProblems(file).map((i) => i.path)).toEqual(paths);
  });

  it.each([
    ["relazione.pdf", "relazione.pdf"],
    ["C:\\Users\\prova\\ISEE 2026.pdf", "ISEE 2026.pdf"],
    ["../../etc/passwd", "passwd"],
    ["a\u0000b\r\nc.png", "abc.png"],
    ["   ", "document"],
    [`${"x".repeat(300)}.pdf`, `${"x".repeat(196)}.pdf`],
  ])("keeps %j as %j", (name, kept) => {
    expect(documentFileName(name)).toBe(kept);
  });
});

describe("canReadDocumentFile", () => {
  const PARTNER = "11111111-1111-4111-8111-111111111111";
  const COMUNE = "33333333-3333-4333-8333-333333333333";
  const ON_TEAM = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
  const OFF_TEAM = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
  const facts: CaseFacts = {
    managingPartnerId: PARTNER,
    teamUserIds: [ON_TEAM],
    specialCategoriesWithdrawn: false,
  };
  const reader = (role: Role, userId: string, organisationId: string) => ({ role, userId, organisationId });
  const pending = { partnerId: PARTNER, status: "pending" } as const;
  it.each([
    [
      "an ISEE, educator off the team",
      "isee",
      null,
      reader("area_b_educator", OFF_TEAM, PARTNER),
      facts,
      true,
    ],
    ["an ISEE, Comune admin", "isee", null, reader("comune_admin", OFF_TEAM, COMUNE), facts, true],
    [
      "a social report, the team",
      "social_report",
      null,
      reader("area_b_educator", ON_TEAM, PARTNER),
      facts,
      true,
    ],
    [
      "a social report, educator off the team",
      "social_report",
      null,
      reader("area_b_educator", OFF_TEAM, PARTNER),
      facts,
      false,
    ],
    [
      "a social report, Comune admin",
      "social_report",
      null,
      reader("comune_admin", OFF_TEAM, COMUNE),
      facts,
      false,
    ],
    [
      "a social report, social worker",
      "social_report",
      null,
      reader("comune_social_worker", OFF_TEAM, COMUNE),
      facts,
      true,
    ],
    [
      "a social report, consent withdrawn, the team",
      "social_report",
      null,
      reader("area_b_educator", ON_TEAM, PARTNER),
      { ...facts, specialCategoriesWithdrawn: true },
      false,
    ],
    [
      "a referral's report, manager deciding on it",
      "social_report",
      pending,
      reader("area_b_manager", OFF_TEAM, PARTNER),
      facts,
      true,
    ],
    [
      "a referral's report, educator of that partner",
      "social_report",
      pending,
      reader("area_b_educator", OFF_TEAM, PARTNER),
      facts,
      false,
    ],
    [
      "a referral's report once accepted, manager off the team",
      "social_report",
      { ...pending, status: "accepted" },
      reader("area_b_manager", OFF_TEAM, PARTNER),
      facts,
      false,
    ],
  ] as const)("%s → %s", (_, kind, referral, who, of, expected) => {
    expect(canReadDocumentFile(who, { kind, referral }, of)).toBe(expected);
  });
});
