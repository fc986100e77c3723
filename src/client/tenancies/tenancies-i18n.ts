// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { PAYMENT_METHODS } from "../../domain/ledger/ledger-api.schema.ts";
import {
  CONTRACT_TYPES,
  type ContractType,
  TENANCY_STATUSES,
} from "../../domain/tenancies/tenancy.schema.ts";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";

/**
 * The tenancies and ledger area's strings live in their own i18n namespace (the top-level `tenancies`
 * of `it.json` and `en.json`), with the translations of the area's English API and schema messages
 * under `tenancies.messages` and, for those that carry values, `tenancies.patterns`.
 */
export const NS = "tenancies";

export function useTenanciesT() {
  return useTranslation(NS);
}

export const SIGNATORY_ROLES = ["holder", "co_holder", "guarantor", "partner_representative"] as const;
export const DOCUMENT_KINDS = ["contract", "registration", "inventory", "other"] as const;

type Value =
  | "date"
  | "period"
  | "number"
  | "euro"
  | "cents"
  | "status"
  | "lineStatus"
  | "unitStatus"
  | "category"
  | "type";

/** API and parser messages that carry a value, as patterns: the value is put back into the translation. */
const PATTERNS: readonly { re: RegExp; key: string; names: readonly (readonly [string, Value | null])[] }[] =
  [
    {
      re: /^The tenancy is (\S+): only a draft's terms can change$/,
      key: "draftOnly",
      names: [["status", "status"]],
    },
    {
      re: /^The tenancy is (\S+): only a tenancy in force can end$/,
      key: "endOnlyActive",
      names: [["status", "status"]],
    },
    {
      re: /^The tenancy is (\S+): only a tenancy in force is recertified$/,
      key: "recertifyOnlyActive",
      names: [["status", "status"]],
    },
    { re: /^The tenancy started on (\d{4}-\d{2}-\d{2})$/, key: "startedOn", names: [["date", "date"]] },
    {
      re: /^A recertification from (\S+) is already recorded$/,
      key: "recertificationExists",
      names: [["date", "date"]],
    },
    {
      re: /^Unit (\S+) is let under (\S+) on (\S+): tenancies of one unit cannot overlap$/,
      key: "overlap",
      names: [
        ["unit", null],
        ["reference", null],
        ["date", "date"],
      ],
    },
    {
      re: /^Rent (.+) a month is above the cap of (.+) \((\S+) m² × (\d+) EUR a year\)$/,
      key: "aboveCap",
      names: [
        ["rent", null],
        ["cap", null],
        ["surface", "number"],
        ["rate", null],
      ],
    },
    {
      re: /^The co-payment (.+) is above (.+): (\S+) % of the income, never above the reduced cap$/,
      key: "aboveCoPayment",
      names: [
        ["rent", null],
        ["max", null],
        ["share", null],
      ],
    },
    {
      re: /^A (\S+) unit is let with (.+), not (\S+)$/,
      key: "wrongContract",
      names: [
        ["category", "category"],
        ["allowed", "type"],
        ["type", "type"],
      ],
    },
    {
      re: /^Unit (\S+) is (\S+): a tenancy is recorded on a unit whose offer was accepted/,
      key: "unitNotLet",
      names: [
        ["code", null],
        ["status", "unitStatus"],
      ],
    },
    {
      re: /^Unit (\S+) already has a tenancy in draft or in force$/,
      key: "unitHasTenancy",
      names: [["code", null]],
    },
    { re: /^No tenancy "(.+)"$/, key: "noTenancy", names: [["reference", null]] },
    {
      re: /^Charges are run at most one month ahead \(up to (\S+)\)$/,
      key: "oneMonthAhead",
      names: [["period", "period"]],
    },
    {
      re: /^The month (\S+) was closed on (\S+): nothing more is booked in it$/,
      key: "monthClosed",
      names: [
        ["period", "period"],
        ["date", "date"],
      ],
    },
    { re: /^The month (\S+) is closed already$/, key: "alreadyClosed", names: [["period", "period"]] },
    {
      re: /^A payment cannot be dated in the future \(today is (\S+)\)$/,
      key: "paymentFuture",
      names: [["date", "date"]],
    },
    {
      re: /^Tenancy (\S+) is (\S+): it has no rent account$/,
      key: "noAccount",
      names: [
        ["reference", null],
        ["status", "status"],
      ],
    },
    {
      re: /^The tenancy owes (-?\d+) cents: a write-off cannot exceed it$/,
      key: "writeOffAbove",
      names: [["balance", "cents"]],
    },
    { re: /^Booked in the future \((\S+)\)$/, key: "bookedFuture", names: [["date", "date"]] },
    {
      re: /^The line is (\S+), not waiting in the queue$/,
      key: "lineNotQueued",
      names: [["status", "lineStatus"]],
    },
    {
      re: /^Date "(.*)" is not a date \(dd\/mm\/yyyy or yyyy-mm-dd\)$/,
      key: "notADate",
      names: [["value", null]],
    },
    { re: /^Date "(.*)" does not exist$/, key: "noSuchDate", names: [["value", null]] },
    { re: /^Amount "(.*)" is not a number$/, key: "notANumber", names: [["value", null]] },
    { re: /^Amount "(.*)" has more than two decimals$/, key: "tooManyDecimals", names: [["value", null]] },
    { re: /^Amount "(.*)" is too large$/, key: "amountTooLarge", names: [["value", null]] },
    { re: /^Amount "(.*)" has no currency \(Ccy\)$/, key: "noCurrency", names: [["value", null]] },
    { re: /^Currency "(.*)" is not EUR$/, key: "notEuro", names: [["value", null]] },
    { re: /^Credit "(.*)" is negative$/, key: "negativeCredit", names: [["value", null]] },
    {
      re: /^(\d+) fields where the header has (\d+) \(is a decimal comma left unquoted\?\)$/,
      key: "tooManyFields",
      names: [
        ["count", null],
        ["width", null],
      ],
    },
    { re: /^No booking date column \((.*)\)$/, key: "noDateColumn", names: [["names", null]] },
    {
      re: /^No amount column: one signed \((.*)\) or a credit one \((.*)\)$/,
      key: "noAmountColumn",
      names: [
        ["signed", null],
        ["credit", null],
      ],
    },
    { re: /^No payer column \((.*)\)$/, key: "noPayerColumn", names: [["names", null]] },
    { re: /^No remittance column \((.*)\)$/, key: "noRemittanceColumn", names: [["names", null]] },
    { re: /^Malformed XML: (.*)$/, key: "malformedXml", names: [["detail", null]] },
    {
      re: /^Credit\/debit indicator "(.*)" is neither CRDT nor DBIT$/,
      key: "badIndicator",
      names: [["value", null]],
    },
    {
      re: /^No reference in the remittance and payer "(.*)" signs no open tenancy$/,
      key: "payerUnknown",
      names: [["payer", null]],
    },
    {
      re: /^No reference in the remittance and payer "(.*)" signs (\d+) open tenancies \((.*)\)$/,
      key: "payerSeveral",
      names: [
        ["payer", null],
        ["count", null],
        ["references", null],
      ],
    },
    {
      re: /^No reference in the remittance; payer signs (\S+) but amount (.+) EUR does not agree \(balance (.+) EUR\)$/,
      key: "amountDisagrees",
      names: [
        ["reference", null],
        ["amount", "euro"],
        ["balance", "euro"],
      ],
    },
    {
      re: /^Several references in the remittance \((.*)\): a person must choose$/,
      key: "severalReferences",
      names: [["references", null]],
    },
  ];

/** A month `YYYY-MM` in words: "novembre 2026". */
export function usePeriodText() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "it-IT";
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    return (period: string) =>
      /^\d{4}-\d{2}$/.test(period) ? format.format(new Date(`${period}-01T00:00:00Z`)) : period;
  }, [locale]);
}

/**
 * A message of the tenancy and ledger schemas or API in the interface language: the area's own
 * translations first (with the values of a pattern put back), then the shared ones (`messages`).
 */
export function useTenancyMessage() {
  const { t, i18n } = useTenanciesT();
  const shared = useMessage();
  const format = useFormat();
  const periodText = usePeriodText();
  const language = i18n.language;
  return useCallback(
    (text: string) => {
      for (const { re, key, names } of PATTERNS) {
        const match = re.exec(text);
        if (match === null) continue;
        const values: Record<string, string> = {};
        for (const [i, [name, kind]] of names.entries()) {
          const raw = match[i + 1] ?? "";
          values[name] =
            kind === "date"
              ? format.date(raw)
              : kind === "period"
                ? periodText(raw)
                : kind === "number"
                  ? format.number(Number(raw))
                  : kind === "euro"
                    ? format.euro(Math.round(Number(raw) * 100), { cents: true })
                    : kind === "cents"
                      ? format.euro(Number(raw), { cents: true })
                      : kind === "status"
                        ? t(`statusesInline.${raw}`, { defaultValue: raw })
                        : kind === "lineStatus"
                          ? t(`lineStatuses.${raw}`, { defaultValue: raw })
                          : kind === "unitStatus"
                            ? t(`enums.status.${raw}`, { ns: "translation", defaultValue: raw })
                            : kind === "category"
                              ? t(`enums.categoryShort.${raw}`, { ns: "translation", defaultValue: raw })
                              : kind === "type"
                                ? raw
                                    .split(", ")
                                    .map((c) => t(`contractTypes.${c}`, { defaultValue: c }))
                                    .join(", ")
                                : raw;
        }
        return t(`patterns.${key}`, { ...values, defaultValue: text });
      }
      const own = i18n.getResource(language, NS, "messages") as Record<string, string> | undefined;
      const translated = own?.[text];
      return translated ?? shared(text);
    },
    [t, i18n, language, shared, format, periodText],
  );
}

/** Labels of the area's codes in the interface language, and their options for selects. */
export function useTenancyLabels() {
  const { t } = useTenanciesT();
  const periodText = usePeriodText();
  return useMemo(() => {
    const contractType = (c: ContractType | string) => t(`contractTypes.${c}`, { defaultValue: c });
    const status = (s: string) => t(`statuses.${s}`, { defaultValue: s });
    const role = (r: string) => t(`roles.${r}`, { defaultValue: r });
    const method = (m: string) => t(`methods.${m}`, { defaultValue: m });
    const documentKind = (k: string) => t(`documentKinds.${k}`, { defaultValue: k });
    const chargeKind = (k: string) => t(`chargeKinds.${k}`, { defaultValue: k });
    return {
      contractType,
      status,
      role,
      method,
      documentKind,
      chargeKind,
      lineStatus: (s: string) => t(`lineStatuses.${s}`, { defaultValue: s }),
      bucket: (b: string) => t(`ledger.buckets.${b}`, { defaultValue: b }),
      warning: (w: string) => t(`ledger.warnings.${w}`, { defaultValue: w }),
      /** A charge of the ledger in words: "Canone · novembre 2026". */
      charge: (kind: string, period: string) => `${chargeKind(kind)} · ${periodText(period)}`,
      statusOptions: TENANCY_STATUSES.map((value) => ({ value, label: status(value) })),
      contractTypeOptions: (types: readonly ContractType[] = CONTRACT_TYPES) =>
        types.map((value) => ({ value, label: contractType(value) })),
      roleOptions: SIGNATORY_ROLES.map((value) => ({ value, label: role(value) })),
      methodOptions: PAYMENT_METHODS.map((value) => ({ value, label: method(value) })),
      documentKindOptions: DOCUMENT_KINDS.map((value) => ({ value, label: documentKind(value) })),
    };
  }, [t, periodText]);
}

export type TenancyLabels = ReturnType<typeof useTenancyLabels>;
