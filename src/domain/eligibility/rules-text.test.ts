// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { formatEuro, formatM2, formatNumber, formatShare } from "./format.ts";
import { DEFAULT_RULES, type RulesVersion } from "./rules.schema.ts";
import { publishedCriteria, publishedRequirements } from "./rules-text.ts";

const rulesWith = (edit: (r: RulesVersion) => void): RulesVersion => {
  const copy = structuredClone(DEFAULT_RULES);
  edit(copy);
  return copy;
};

describe("publishedCriteria", () => {
  it("states the default criteria and weights in plain Italian", () => {
    expect(publishedCriteria(DEFAULT_RULES, "it")).toEqual([
      "Ogni nucleo parte da 1 punto; ai punti si sommano quelli dei criteri che seguono.",
      "Conoscenza da parte dei servizi sociali: 10 punti",
      "Percorso di accompagnamento precedente concluso positivamente: 8 punti",
      "Prospettiva di autonomia economica: 6 punti",
      "Capacità di pagare o compartecipare ai costi dell'abitazione: 6 punti",
      "Difficoltà di accesso all'edilizia residenziale pubblica: 8 punti",
      "Bisogni trasversali, per ciascun bisogno del nucleo (i punti si sommano):",
      "Disabilità fisica: 5 punti",
      "Disagio psicologico: 5 punti",
      "Background migratorio: 3 punti",
      "Fragilità economica: 5 punti",
      "Fragilità sociale: 5 punti",
      "Attesa dall'invio: 1 punto al mese, fino a 24 punti",
      "Adeguatezza dell'alloggio: il punteggio è moltiplicato per un fattore fino a 1, che vale 1 quando locali e superficie corrispondono al minimo richiesto per il nucleo e diminuisce quanto più l'alloggio è grande o piccolo rispetto al nucleo.",
      "A parità di punteggio decide un sorteggio fatto una volta per ciascun nucleo e conservato (vale meno di 0,01 punti).",
    ]);
  });

  it("states them in English too", () => {
    const en = publishedCriteria(DEFAULT_RULES, "en");
    expect(en).toContain("Known to the social services: 10 points");
    expect(en).toContain("Waiting since the referral: 1 point a month, up to 24 points");
    expect(en).toHaveLength(publishedCriteria(DEFAULT_RULES, "it").length);
  });

  it("follows the rules version: decimals, target groups, criteria worth nothing left out", () => {
    const rules = rulesWith((r) => {
      r.priority.facts.ableToCoPay = 0;
      r.priority.needs = {
        physical_disability: 2.5,
        psychological_distress: 0,
        migrant_background: 0,
        economic_fragility: 0,
        social_fragility: 0,
      };
      r.priority.targetGroups = { neo_maggiorenni: 4, famiglia: 0 };
      r.priority.waiting = { pointsPerMonth: 0.5, maxPoints: 12 };
      r.priority.fitWeight = 0;
      r.priority.tieBreakerPoints = 0;
    });
    const italian = publishedCriteria(rules, "it");
    expect(italian.some((s) => s.startsWith("Capacità di pagare"))).toBe(false);
    expect(italian).toContain("Disabilità fisica: 2,5 punti");
    expect(italian.some((s) => s.startsWith("Disagio psicologico"))).toBe(false);
    expect(italian).toContain("Neomaggiorenni in uscita da percorsi di tutela: 4 punti");
    expect(italian.some((s) => s.startsWith("Famiglie"))).toBe(false);
    expect(italian).toContain("Attesa dall'invio: 0,5 punti al mese, fino a 12 punti");
    expect(italian).toContain("La dimensione dell'alloggio non modifica il punteggio.");
    expect(italian.some((s) => s.startsWith("A parità di punteggio"))).toBe(false);
    expect(publishedCriteria(rules, "en")).toContain("Physical disability: 2.5 points");
  });
});

describe("publishedRequirements", () => {
  it("states who may be offered which home, in Italian", () => {
    expect(publishedRequirements(DEFAULT_RULES, "it")).toEqual([
      "Canone calmierato: accesso su invio dei servizi sociali o segnalazione di un ente partner; ISEE fino a 35.000 EUR.",
      "Canone calmierato ridotto: accesso su invio dei servizi sociali o segnalazione di un ente partner; ISEE fino a 20.000 EUR.",
      "Fragilità: accesso su invio dei servizi sociali; qualunque sia l'ISEE; solo alloggi dell'ente che segue il nucleo.",
      "Superficie minima: 28 m² per 1 persona, 38 m² per 2, 42 m² per 3, 56 m² per 4, 10 m² in più per ogni persona oltre.",
      "Il canone mensile non supera il 30 % del reddito netto mensile (non si applica a: fragilità; la compartecipazione è fissata dal progetto individualizzato).",
      "Chi ha bisogno di un accesso senza gradini riceve solo alloggi senza barriere; chi usa la sedia a rotelle, solo alloggi adattati.",
      "Ogni proposta di alloggio si accetta o si rifiuta entro 7 giorni; fino a 2 rifiuti per motivi riconosciuti validi mantengono la posizione; un rifiuto in più, o senza un motivo valido, fa ripartire l'attesa dal giorno del rifiuto; una proposta senza risposta entro il termine conta come rifiuto senza motivo valido. Un rifiuto dovuto all'alloggio o all'ente gestore non conta mai.",
    ]);
  });

  it("states the offer rules of the version", () => {
    const rules = rulesWith((r) => {
      r.offers = { dueDays: 10, reasonableRefusalsKept: 0, expiryIsReasonable: true };
    });
    expect(publishedRequirements(rules, "en").at(-1)).toBe(
      "Each offer of a home is accepted or refused within 10 days; any refusal by the household restarts its waiting time from the day of the refusal; an offer left unanswered by its due date counts as a refusal for a valid reason. A refusal down to the home or the managing partner never counts.",
    );
  });

  it("follows changed bands, waivers and the floor-or-lift rule", () => {
    const rules = rulesWith((r) => {
      r.categories.calmierato.isee = { minCents: 1_000_050, maxCents: 4_000_000 };
      r.categories.calmierato.income = { minCents: 1_200_000, maxCents: null };
      r.categories.calmierato_ridotto.iseeWaivedFor = ["social_services"];
      r.accessibility.stepFreeFromFloorOrLift = true;
    });
    const [calmierato, ridotto, , , , access] = publishedRequirements(rules, "en");
    expect(calmierato).toBe(
      "Capped rent (calmierato): access on referral by the social services or referral by a partner; ISEE from 10,000.50 EUR to 40,000 EUR; yearly net income from 12,000 EUR.",
    );
    expect(ridotto).toContain("ISEE up to 20,000 EUR, except on referral by the social services");
    expect(access).toContain("(a home on the ground floor or with a lift counts too)");
  });
});

describe("format", () => {
  it.each([
    [1500, "it", 2, false, "1.500,00"],
    [1500, "en", 2, false, "1,500.00"],
    [1234567.891, "it", 2, false, "1.234.567,89"],
    [2.5, "it", 2, true, "2,5"],
    [24, "en", 2, true, "24"],
    [0.004, "en", 2, true, "0"],
    [-0.001, "en", 2, false, "0.00"],
    [-12.5, "en", 1, false, "-12.5"],
  ] as const)("formatNumber(%d, %s, %i, %s) → %s", (value, lang, decimals, trim, expected) => {
    expect(formatNumber(value, lang, decimals, trim)).toBe(expected);
  });

  it("writes euros, m² and shares", () => {
    expect(formatEuro(3_500_000, "it")).toBe("35.000,00 EUR");
    expect(formatEuro(60_001, "en")).toBe("600.01 EUR");
    expect(formatM2(41.99, "it")).toBe("41,99 m²");
    expect(formatM2(42, "en")).toBe("42 m²");
    expect(formatShare(0.3, "it")).toBe("30 %");
    expect(formatShare(0.1875, "en")).toBe("18.75 %");
  });
});
