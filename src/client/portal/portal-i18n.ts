// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { PAYMENT_METHODS } from "../../domain/ledger/ledger-api.schema.ts";
import type { PortalAccount } from "../../domain/portal/portal.schema.ts";
import { useTenancyLabels } from "../tenancies/tenancies-i18n.ts";

/**
 * The portal's strings live in their own i18n namespace (the top-level `portal` of `it.json` and
 * `en.json`). The names of contract types, charges, payment methods, roles and document kinds are the
 * tenancies area's, so a tenant and their manager read the same words.
 */
export const NS = "portal";

export function usePortalT() {
  return useTranslation(NS);
}

type Entry = PortalAccount["entries"][number];

/**
 * A pagoPA notice number (18 digits) in groups of four, as printed on the notice:
 * `3010 0000 0000 0012 34`. Anything else is shown as it came.
 */
export function groupedNoticeNumber(value: string): string {
  if (!/^\d{18}$/.test(value)) return value;
  return value.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/**
 * The `tel:` address of a phone number as the manager wrote it (`02 0000 0000 (numero fittizio)`):
 * its first run of digits, spaces, dots, dashes and slashes, with an optional leading `+`. Null when
 * there are fewer than three digits, so no link dials nonsense.
 */
export function telHref(phone: string): string | null {
  const run = /\+?\d[\d\s./-]*/.exec(phone)?.[0] ?? "";
  const digits = run.replace(/[^\d]/g, "");
  if (digits.length < 3) return null;
  return `tel:${run.trim().startsWith("+") ? "+" : ""}${digits}`;
}

/** The type of a file from its name's extension, for a download link: `PDF`, `PNG`, `JPEG`; else null. */
export function fileTypeOf(fileName: string): string | null {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case "pdf":
      return "PDF";
    case "png":
      return "PNG";
    case "jpg":
    case "jpeg":
      return "JPEG";
    default:
      return extension ? extension.toUpperCase() : null;
  }
}

/** Contract types whose monthly amount is a share of the costs (compartecipazione), not a rent. */
const CO_PAYMENT_TYPES = new Set(["ospitalita", "comodato", "housing_first"]);

/** Labels of the portal's codes, in the interface language. */
export function usePortalLabels() {
  const { t } = usePortalT();
  const tenancy = useTenancyLabels();
  return useMemo(() => {
    /** What an entry of the account is: "Canone · novembre 2026", "Pagamento ricevuto · Bonifico". */
    const entry = (e: Entry): string => {
      switch (e.kind) {
        case "charge": {
          const [kind = "", period = ""] = e.label.split(" ");
          return tenancy.charge(kind, period);
        }
        case "payment": {
          // The label is "<method> <the staff's reference>": the tenant reads how they paid.
          const method = PAYMENT_METHODS.find((m) => m === e.label.split(" ")[0]);
          return method ? `${t("entries.payment")} · ${tenancy.method(method)}` : t("entries.payment");
        }
        case "write_off":
          return t("entries.writeOff");
      }
    };
    return {
      entry,
      contractType: tenancy.contractType,
      status: tenancy.status,
      role: tenancy.role,
      documentKind: tenancy.documentKind,
      charge: tenancy.charge,
      /** "Canone mensile" for a lease, "Quota di compartecipazione mensile" for hospitality and loans. */
      monthlyAmount: (contractType: string | null) =>
        contractType !== null && CO_PAYMENT_TYPES.has(contractType)
          ? t("contract.coPayment")
          : t("contract.rent"),
    };
  }, [t, tenancy]);
}
