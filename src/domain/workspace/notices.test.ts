// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { type NoticeValues, noticeEmail, noticeTitle, storedNoticeTitle } from "./notices.ts";

describe("noticeTitle", () => {
  it.each<{ notice: NoticeValues; it: string; en: string }>([
    {
      notice: { kind: "decision", params: { body: "Cabina di Regia", number: 4, date: "2026-03-09" } },
      it: "Cabina di Regia: deliberazione n. 4 del 09/03/2026",
      en: "Cabina di Regia: decision no. 4 of 9 Mar 2026",
    },
    {
      notice: { kind: "action_overdue", params: { title: "Verbale", dueOn: "2026-12-31" } },
      it: "Azione in ritardo: Verbale (scadenza 31/12/2026)",
      en: "Overdue action: Verbale (due 31 Dec 2026)",
    },
    {
      notice: { kind: "referral_awaiting", params: { reference: "N-2026-0042" } },
      it: "Segnalazione in attesa di risposta: nucleo N-2026-0042",
      en: "Referral awaiting an answer: household N-2026-0042",
    },
    {
      notice: { kind: "offer_awaiting", params: { unit: "MI-05-0123", dueOn: "2026-01-05" } },
      it: "Proposta di alloggio in attesa: MI-05-0123 (entro 05/01/2026)",
      en: "Housing offer awaiting an answer: MI-05-0123 (by 5 Jan 2026)",
    },
    {
      notice: { kind: "announcement", params: { title: "Chiusura uffici" } },
      it: "Avviso: Chiusura uffici",
      en: "Announcement: Chiusura uffici",
    },
  ])("says a $notice.kind in Italian and in English", ({ notice, it: italian, en }) => {
    expect(noticeTitle(notice, "it")).toBe(italian);
    expect(noticeTitle(notice, "en")).toBe(en);
  });
});

describe("storedNoticeTitle", () => {
  it("says a stored notification in the language asked when its values are whole", () => {
    const stored = {
      kind: "announcement" as const,
      params: { title: "Assemblea" },
      title: "Avviso: Assemblea",
    };
    expect(storedNoticeTitle(stored, "en")).toBe("Announcement: Assemblea");
  });

  it.each([
    { params: {}, why: "no values (kept from before they were)" },
    { params: { body: "Cabina", number: "four", date: "2026-03-09" }, why: "a value of the wrong type" },
    { params: { body: "Cabina", number: 4 }, why: "a value missing" },
  ])("falls back to the stored title with $why", ({ params }) => {
    const stored = { kind: "decision" as const, params, title: "Cabina: deliberazione n. 4" };
    expect(storedNoticeTitle(stored, "en")).toBe("Cabina: deliberazione n. 4");
  });
});

describe("noticeEmail", () => {
  it("has the Italian subject and both languages in the text, with the address to open", () => {
    const mail = noticeEmail(
      { kind: "action_overdue", params: { title: "Verbale", dueOn: "2026-12-31" }, title: "" },
      "Sara Campione",
      "https://casacomune.example.it/governance/azioni",
    );
    expect(mail.subject).toBe("[CasaComune] Azione in ritardo: Verbale (scadenza 31/12/2026)");
    const lines = mail.text.split("\n");
    expect(lines[0]).toBe("Sara Campione,");
    const italian = lines.indexOf("Azione in ritardo: Verbale (scadenza 31/12/2026)");
    const english = lines.indexOf("Overdue action: Verbale (due 31 Dec 2026)");
    expect(italian).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(italian);
    expect(lines[italian + 1]).toBe("Apri CasaComune: https://casacomune.example.it/governance/azioni");
    expect(lines[english + 1]).toBe("Open CasaComune: https://casacomune.example.it/governance/azioni");
  });
});
