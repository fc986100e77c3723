// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { NotificationKind } from "./workspace.ts";

/*
 * What a notification says, in Italian and in English. A notification keeps its kind and the few
 * values its sentence needs (`NoticeParams`); the app shows it in the interface language and the
 * e-mail carries both, Italian first. The stored title is the Italian sentence, for notifications
 * kept from before the values were.
 */

const day = z.iso.date();
const name = z.string().min(1).max(300);

/** The values of each kind's sentence. */
export const NOTICE_PARAMS = {
  decision: z.object({ body: name, number: z.number().int().positive(), date: day }),
  action_overdue: z.object({ title: name, dueOn: day }),
  referral_awaiting: z.object({ reference: name }),
  offer_awaiting: z.object({ unit: name, dueOn: day }),
  announcement: z.object({ title: name }),
} as const satisfies Record<NotificationKind, z.ZodType>;

export type NoticeParams<K extends NotificationKind> = z.infer<(typeof NOTICE_PARAMS)[K]>;
export type NoticeLanguage = "it" | "en";

/** A day as people read it: 23/11/2026 in Italian, 23 Nov 2026 in English. */
function readableDay(iso: string, language: NoticeLanguage): string {
  const [y, m, d] = iso.split("-");
  if (language === "it") return `${d}/${m}/${y}`;
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    Number(m) - 1
  ];
  return `${Number(d)} ${month} ${y}`;
}

const SENTENCES: { [K in NotificationKind]: (p: NoticeParams<K>, l: NoticeLanguage) => string } = {
  decision: (p, l) =>
    l === "it"
      ? `${p.body}: deliberazione n. ${p.number} del ${readableDay(p.date, l)}`
      : `${p.body}: decision no. ${p.number} of ${readableDay(p.date, l)}`,
  action_overdue: (p, l) =>
    l === "it"
      ? `Azione in ritardo: ${p.title} (scadenza ${readableDay(p.dueOn, l)})`
      : `Overdue action: ${p.title} (due ${readableDay(p.dueOn, l)})`,
  referral_awaiting: (p, l) =>
    l === "it"
      ? `Segnalazione in attesa di risposta: nucleo ${p.reference}`
      : `Referral awaiting an answer: household ${p.reference}`,
  offer_awaiting: (p, l) =>
    l === "it"
      ? `Proposta di alloggio in attesa: ${p.unit} (entro ${readableDay(p.dueOn, l)})`
      : `Housing offer awaiting an answer: ${p.unit} (by ${readableDay(p.dueOn, l)})`,
  announcement: (p, l) => (l === "it" ? `Avviso: ${p.title}` : `Announcement: ${p.title}`),
};

/** A notice of one kind with the values of its sentence. */
export type NoticeValues = {
  [K in NotificationKind]: { kind: K; params: NoticeParams<K> };
}[NotificationKind];

// Each kind's sentence takes that kind's values; the union above pairs them.
const sentenceOf = (kind: NotificationKind) => SENTENCES[kind] as (p: unknown, l: NoticeLanguage) => string;

/** The sentence of `notice` in `language`. */
export function noticeTitle(notice: NoticeValues, language: NoticeLanguage): string {
  return sentenceOf(notice.kind)(notice.params, language);
}

/**
 * A stored notification's sentence in `language`: from its values when they are whole, else the
 * title it was stored with.
 */
export function storedNoticeTitle(
  notice: { kind: NotificationKind; params: unknown; title: string },
  language: NoticeLanguage,
): string {
  const parsed = NOTICE_PARAMS[notice.kind].safeParse(notice.params);
  if (!parsed.success) return notice.title;
  return sentenceOf(notice.kind)(parsed.data, language);
}

/**
 * The e-mail of a notification to `name`: the subject in Italian, then the message in Italian and in
 * English, with the address to open (`url`, absolute).
 */
export function noticeEmail(
  notice: { kind: NotificationKind; params: unknown; title: string },
  name: string,
  url: string,
): { subject: string; text: string } {
  const it = storedNoticeTitle(notice, "it");
  const en = storedNoticeTitle(notice, "en");
  return {
    subject: `[CasaComune] ${it}`,
    text: [
      `${name},`,
      "",
      it,
      `Apri CasaComune: ${url}`,
      "",
      "— English —",
      en,
      `Open CasaComune: ${url}`,
      "",
      "Questo messaggio è inviato automaticamente da CasaComune. / This message is sent automatically by CasaComune.",
    ].join("\n"),
  };
}
