// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES } from "../auth/roles.ts";
import {
  type AuditFields,
  type AuditRecord,
  type ChainHead,
  canonicalJson,
  chainHash,
  formatChainHead,
  GENESIS_HASH,
  parseChainHead,
  verifyChain,
} from "./audit-chain.ts";

/** Chain `fields` the way the writer does, from the genesis hash. */
function chainOf(fields: readonly AuditFields[]): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (const [i, f] of fields.entries()) {
    const seq = i + 1;
    const hash = chainHash(prevHash, seq, f);
    records.push({ ...f, seq, prevHash, hash });
    prevHash = hash;
  }
  return records;
}

const headOf = (records: readonly AuditRecord[]): ChainHead => {
  const last = records[records.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
};

const event = (n: number, overrides: Partial<AuditFields> = {}): AuditFields => ({
  at: new Date(Date.UTC(2026, 10, 22, 9, 0, n)),
  actorId: "0b6c1f0e-5a51-4a53-9d0c-0d5a0c0f0001",
  actorRole: "comune_housing_officer",
  organisationId: "0b6c1f0e-5a51-4a53-9d0c-0d5a0c0f0002",
  action: "PATCH /units/{id}",
  entity: "units",
  entityId: `unit-${n}`,
  address: "203.0.113.7",
  outcome: "success",
  detail: { status: 200 },
  ...overrides,
});

/** Five records: a login, then changes, a refusal and a failure. */
const FIVE_EVENTS = [
  event(1, { action: "auth.login", entity: "account", detail: { method: "password" } }),
  event(2),
  event(3, { action: "POST /units/{id}/transitions" }),
  event(4, { outcome: "denied", detail: { status: 403 } }),
  event(5, { outcome: "failure", detail: { status: 409 } }),
];
const FIVE = chainOf(FIVE_EVENTS);
const at = (i: number) => FIVE[i - 1] as AuditRecord;

describe("canonicalJson", () => {
  it.each<[string, unknown, string]>([
    ["null", null, "null"],
    ["undefined at the top", undefined, "null"],
    ["a number", 42, "42"],
    ["a string with quotes", 'a "b"', '"a \\"b\\""'],
    ["keys sorted", { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ["nested keys sorted", { z: { d: 1, c: [{ f: 1, e: 2 }] } }, '{"z":{"c":[{"e":2,"f":1}],"d":1}}'],
    ["undefined values dropped", { a: 1, b: undefined }, '{"a":1}'],
    ["array order kept, undefined as null", [3, undefined, 1], "[3,null,1]"],
    ["an empty object", {}, "{}"],
    [
      "a date as its ISO string",
      { until: new Date("2026-11-22T09:00:00Z") },
      '{"until":"2026-11-22T09:00:00.000Z"}',
    ],
  ])("%s", (_, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("gives the same text whatever the key order, as jsonb returns keys in its own order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
      }),
    );
  });
});

describe("chainHash", () => {
  it("is 64 hex digits and depends on the previous hash, the position and every field", () => {
    const base = chainHash(GENESIS_HASH, 1, event(1));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, 1, event(1))).toBe(base);
    expect(chainHash("1".repeat(64), 1, event(1))).not.toBe(base);
    expect(chainHash(GENESIS_HASH, 2, event(1))).not.toBe(base);
    expect(chainHash(GENESIS_HASH, 1, event(1, { detail: { status: 201 } }))).not.toBe(base);
  });

  it("does not depend on the key order of the detail", () => {
    const a = chainHash(GENESIS_HASH, 1, event(1, { detail: { a: 1, b: 2 } }));
    expect(chainHash(GENESIS_HASH, 1, event(1, { detail: { b: 2, a: 1 } }))).toBe(a);
  });
});

describe("verifyChain", () => {
  const rewritten = (r: AuditRecord, change: Partial<AuditFields>): AuditRecord => {
    const fields = { ...r, ...change };
    return { ...fields, hash: chainHash(r.prevHash, r.seq, fields) };
  };

  it.each<[string, AuditRecord[], ChainHead | null]>([
    ["an empty trail", [], { seq: 0, hash: GENESIS_HASH }],
    ["one record", FIVE.slice(0, 1), headOf(FIVE.slice(0, 1))],
    ["five records", FIVE, headOf(FIVE)],
  ])("holds for %s", (_, records, head) => {
    expect(verifyChain(records, head)).toBeNull();
  });

  it.each<[string, AuditRecord[], ChainHead | null, number, RegExp]>([
    ["the first record deleted", FIVE.slice(1), headOf(FIVE), 1, /record 1 is missing/],
    ["a middle record deleted", [at(1), at(2), at(4), at(5)], headOf(FIVE), 3, /record 3 is missing/],
    ["the last record deleted", FIVE.slice(0, 4), headOf(FIVE), 5, /record 5 is missing.*head says 5/],
    [
      "the action changed",
      [at(1), { ...at(2), action: "GET /units/{id}" }, ...FIVE.slice(2)],
      headOf(FIVE),
      2,
      /content/,
    ],
    [
      "the actor changed",
      [at(1), at(2), { ...at(3), actorId: null }, ...FIVE.slice(3)],
      headOf(FIVE),
      3,
      /content/,
    ],
    [
      "the outcome changed",
      [...FIVE.slice(0, 3), { ...at(4), outcome: "success" }, at(5)],
      headOf(FIVE),
      4,
      /content/,
    ],
    [
      "the time changed by 1 ms",
      [{ ...at(1), at: new Date(at(1).at.getTime() + 1) }, ...FIVE.slice(1)],
      headOf(FIVE),
      1,
      /content/,
    ],
    [
      "the detail changed",
      [...FIVE.slice(0, 4), { ...at(5), detail: { status: 200 } }],
      headOf(FIVE),
      5,
      /content/,
    ],
    [
      "a wrong link",
      [at(1), { ...at(2), prevHash: "1".repeat(64) }, ...FIVE.slice(2)],
      headOf(FIVE),
      2,
      /link/,
    ],
    [
      "a record rewritten with its own hash recomputed",
      [at(1), rewritten(at(2), { entityId: "other" }), ...FIVE.slice(2)],
      headOf(FIVE),
      3,
      /link/,
    ],
    [
      "the last record rewritten with its own hash recomputed",
      [...FIVE.slice(0, 4), rewritten(at(5), { outcome: "success" })],
      headOf(FIVE),
      5,
      /head names/,
    ],
    [
      "two records swapped in place",
      [at(1), { ...at(3), seq: 2 }, { ...at(2), seq: 3 }, at(4), at(5)],
      headOf(FIVE),
      2,
      /link/,
    ],
    [
      "two records' content swapped",
      [at(1), { ...at(3), seq: 2, prevHash: at(2).prevHash, hash: at(2).hash }, ...FIVE.slice(2)],
      headOf(FIVE),
      2,
      /content/,
    ],
    ["a record duplicated", [at(1), at(2), at(2), ...FIVE.slice(2)], headOf(FIVE), 3, /record 3 is missing/],
    [
      "a forged record appended past the head",
      chainOf([...FIVE_EVENTS, event(6)]),
      headOf(FIVE),
      6,
      /past its head/,
    ],
    ["the head missing", FIVE, null, 6, /head is missing/],
    ["the head naming another last record", FIVE, { seq: 5, hash: "2".repeat(64) }, 5, /head names/],
  ])("finds %s", (_, records, head, seq, reason) => {
    const found = verifyChain(records, head);
    expect(found?.seq).toBe(seq);
    expect(found?.reason).toMatch(reason);
  });

  describe("with an anchor kept outside the database", () => {
    const cut = FIVE.slice(0, 3);
    const rebuilt = chainOf(FIVE_EVENTS.map((e, i) => (i === 1 ? { ...e, outcome: "denied" as const } : e)));
    it.each<[string, AuditRecord[], ChainHead, ChainHead, { seq: number; reason: RegExp } | null]>([
      ["the anchor is the head", FIVE, headOf(FIVE), headOf(FIVE), null],
      ["the anchor is an earlier record, unchanged", FIVE, headOf(FIVE), headOf(FIVE.slice(0, 3)), null],
      [
        "the tail cut off and the head rewritten to match",
        cut,
        headOf(cut),
        headOf(FIVE),
        { seq: 4, reason: /before the anchor/ },
      ],
      [
        "the trail rebuilt from record 2 with recomputed hashes and head",
        rebuilt,
        headOf(rebuilt),
        { seq: 3, hash: at(3).hash },
        { seq: 3, reason: /not the record of the anchor/ },
      ],
    ])("%s", (_, records, head, anchor, expected) => {
      const found = verifyChain(records, head, { anchor });
      if (expected === null) expect(found).toBeNull();
      else {
        expect(found?.seq).toBe(expected.seq);
        expect(found?.reason).toMatch(expected.reason);
      }
      // Without the anchor these trails all look whole: that is what the anchor is for.
      expect(verifyChain(records, head)).toBeNull();
    });
  });
});

describe("chain anchors", () => {
  const hash = "ab".repeat(32);
  it.each<[string, ChainHead | null]>([
    [`60:${hash}`, { seq: 60, hash }],
    [`  1:${hash}\n`, { seq: 1, hash }],
    [`0:${hash}`, null],
    [`-1:${hash}`, null],
    [`60:${hash.toUpperCase()}`, null],
    [`60:${hash.slice(1)}`, null],
    [`60${hash}`, null],
    ["60:", null],
    [`99999999999999999:${hash}`, null],
  ])("parses %j", (text, expected) => {
    expect(parseChainHead(text)).toEqual(expected);
  });

  it("reads back what it prints", () => {
    expect(parseChainHead(formatChainHead({ seq: 42, hash }))).toEqual({ seq: 42, hash });
  });
});

describe("tamper evidence (property)", () => {
  const hex64 = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });
  const date = fc.date({ min: new Date("2020-01-01"), max: new Date("2040-01-01"), noInvalidDate: true });
  const fieldsArb: fc.Arbitrary<AuditFields> = fc.record({
    at: date,
    actorId: fc.option(fc.uuid()),
    actorRole: fc.option(fc.constantFrom(...ROLES)),
    organisationId: fc.option(fc.uuid()),
    action: fc.string({ minLength: 1 }),
    entity: fc.option(fc.string()),
    entityId: fc.option(fc.string()),
    address: fc.option(fc.string()),
    outcome: fc.constantFrom("success", "denied", "failure"),
    detail: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
  });
  const chainArb = fc.array(fieldsArb, { minLength: 1, maxLength: 12 }).map(chainOf);

  /** Each field of a stored record with values it could be changed to. */
  const replacements: { [K in keyof AuditRecord]: fc.Arbitrary<AuditRecord[K]> } = {
    seq: fc.integer({ min: -3, max: 40 }),
    at: date,
    actorId: fc.option(fc.uuid()),
    actorRole: fc.option(fc.constantFrom(...ROLES)),
    organisationId: fc.option(fc.uuid()),
    action: fc.string(),
    entity: fc.option(fc.string()),
    entityId: fc.option(fc.string()),
    address: fc.option(fc.string()),
    outcome: fc.constantFrom("success", "denied", "failure"),
    detail: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
    prevHash: hex64,
    hash: hex64,
  };
  const keys = Object.keys(replacements) as (keyof AuditRecord)[];
  const changeArb = fc
    .constantFrom(...keys)
    .chain((key) => replacements[key].map((value) => ({ key, value: value as unknown })));

  it("detects any single-field change of any record of a valid chain", () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), changeArb, (records, n, { key, value }) => {
        const i = n % records.length;
        const original = records[i] as AuditRecord;
        fc.pre(canonicalJson(original[key]) !== canonicalJson(value));
        const tampered = records.map((r, j) => (j === i ? { ...r, [key]: value } : r));
        expect(verifyChain(records, headOf(records))).toBeNull();
        expect(verifyChain(tampered, headOf(records))).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("detects the deletion of any record of a valid chain", () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (records, n) => {
        const i = n % records.length;
        const tampered = records.filter((_, j) => j !== i);
        expect(verifyChain(tampered, headOf(records))?.seq).toBe(i + 1);
      }),
      { numRuns: 300 },
    );
  });
});
