// SPDX-License-Identifier: EUPL-1.2
import { NEEDS, type Need, TARGET_GROUPS, type TargetGroup } from "../households/household.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import type { PriorityFacts } from "./eligibility.ts";
import { formatEuro, formatM2, formatNumber, formatShare, type Lang } from "./format.ts";
import type { Band, ReferralType, RulesVersion } from "./rules.schema.ts";

/*
 * The rules in plain words, for the page every logged-in user can read: Italian first, English second.
 * Written from the rules version itself, so the published text cannot drift from what is applied.
 * Criteria worth no points are left out.
 */

type Words = Record<Lang, string>;

const FACT_WORDS: Record<keyof PriorityFacts, Words> = {
  knownToSocialServices: {
    it: "Conoscenza da parte dei servizi sociali",
    en: "Known to the social services",
  },
  completedPreviousPath: {
    it: "Percorso di accompagnamento precedente concluso positivamente",
    en: "A previous support path completed positively",
  },
  prospectOfAutonomy: {
    it: "Prospettiva di autonomia economica",
    en: "Prospect of economic autonomy",
  },
  ableToCoPay: {
    it: "Capacità di pagare o compartecipare ai costi dell'abitazione",
    en: "Able to pay or co-pay the housing costs",
  },
  difficultyAccessingPublicHousing: {
    it: "Difficoltà di accesso all'edilizia residenziale pubblica",
    en: "Difficulty accessing public housing",
  },
};

const NEED_WORDS: Record<Need, Words> = {
  physical_disability: { it: "Disabilità fisica", en: "Physical disability" },
  psychological_distress: { it: "Disagio psicologico", en: "Psychological distress" },
  migrant_background: { it: "Background migratorio", en: "Migrant background" },
  economic_fragility: { it: "Fragilità economica", en: "Economic fragility" },
  social_fragility: { it: "Fragilità sociale", en: "Social fragility" },
};

const GROUP_WORDS: Record<TargetGroup, Words> = {
  neo_maggiorenni: { it: "Neomaggiorenni in uscita da percorsi di tutela", en: "Young people leaving care" },
  famiglia: { it: "Famiglie", en: "Families" },
  monoparentale: { it: "Famiglie monoparentali", en: "Single-parent families" },
  anziano_solo: { it: "Anziani soli", en: "Elderly people living alone" },
  persona_con_disabilita: { it: "Persone con disabilità", en: "People with disabilities" },
  donna_sola: { it: "Donne sole", en: "Single women" },
  uomo_solo: { it: "Uomini soli", en: "Single men" },
};

const CATEGORY_WORDS: Record<UnitCategory, Words> = {
  calmierato: { it: "Canone calmierato", en: "Capped rent (calmierato)" },
  calmierato_ridotto: { it: "Canone calmierato ridotto", en: "Reduced capped rent (calmierato ridotto)" },
  fragilita: { it: "Fragilità", en: "Social fragility (fragilità)" },
};

const CATEGORY_SHORT: Record<UnitCategory, string> = {
  calmierato: "calmierato",
  calmierato_ridotto: "calmierato ridotto",
  fragilita: "fragilità",
};

const REFERRAL_WORDS: Record<ReferralType, Words> = {
  social_services: { it: "invio dei servizi sociali", en: "referral by the social services" },
  partner: { it: "segnalazione di un ente partner", en: "referral by a partner" },
};

/** `1 punto`, `10 punti`, `0,5 punti`; `1 point`, `2.5 points`. */
function points(value: number, lang: Lang): string {
  const n = formatNumber(value, lang, 2, true);
  if (lang === "it") return `${n} ${value === 1 ? "punto" : "punti"}`;
  return `${n} ${value === 1 ? "point" : "points"}`;
}

const or = (items: readonly string[], lang: Lang) =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${lang === "it" ? "o" : "or"} ${items.at(-1)}`;

/** The priority criteria and their weights, one sentence each (punteggio di priorità). */
export function publishedCriteria(rules: RulesVersion, lang: Lang): string[] {
  const w = rules.priority;
  const it = lang === "it";
  const out = [
    it
      ? `Ogni nucleo parte da ${points(w.basePoints, lang)}; ai punti si sommano quelli dei criteri che seguono.`
      : `Every household starts with ${points(w.basePoints, lang)}; the points of the criteria below add to it.`,
  ];
  for (const [fact, words] of Object.entries(FACT_WORDS) as [keyof PriorityFacts, Words][]) {
    if (w.facts[fact] > 0) out.push(`${words[lang]}: ${points(w.facts[fact], lang)}`);
  }
  const needs = NEEDS.filter((n) => w.needs[n] > 0);
  if (needs.length > 0) {
    out.push(
      it
        ? "Bisogni trasversali, per ciascun bisogno del nucleo (i punti si sommano):"
        : "Cross-cutting needs, for each need of the household (the points add up):",
    );
    for (const need of needs) out.push(`${NEED_WORDS[need][lang]}: ${points(w.needs[need], lang)}`);
  }
  for (const group of TARGET_GROUPS) {
    const value = w.targetGroups[group];
    if (value !== undefined && value > 0) out.push(`${GROUP_WORDS[group][lang]}: ${points(value, lang)}`);
  }
  if (w.waiting.pointsPerMonth > 0 && w.waiting.maxPoints > 0) {
    const cap = points(w.waiting.maxPoints, lang);
    out.push(
      it
        ? `Attesa dall'invio: ${points(w.waiting.pointsPerMonth, lang)} al mese, fino a ${cap}`
        : `Waiting since the referral: ${points(w.waiting.pointsPerMonth, lang)} a month, up to ${cap}`,
    );
  }
  out.push(
    w.fitWeight > 0
      ? it
        ? "Adeguatezza dell'alloggio: il punteggio è moltiplicato per un fattore fino a 1, che vale 1 quando locali e superficie corrispondono al minimo richiesto per il nucleo e diminuisce quanto più l'alloggio è grande o piccolo rispetto al nucleo."
        : "Fit of the home: the score is multiplied by a factor up to 1, which is 1 when the rooms and surface match the minimum the household needs and falls the more the home is larger or smaller than the household."
      : it
        ? "La dimensione dell'alloggio non modifica il punteggio."
        : "The size of the home does not change the score.",
  );
  if (w.tieBreakerPoints > 0) {
    out.push(
      it
        ? `A parità di punteggio decide un sorteggio fatto una volta per ciascun nucleo e conservato (vale meno di ${points(w.tieBreakerPoints, lang)}).`
        : `Ties are broken by a draw made once for each household and kept (worth less than ${points(w.tieBreakerPoints, lang)}).`,
    );
  }
  return out;
}

/** Euros for a published text: `35.000 EUR`, or with cents when there are some (`1.234,50 EUR`). */
const euros = (cents: number, lang: Lang) =>
  cents % 100 === 0 ? `${formatNumber(cents / 100, lang, 0)} EUR` : formatEuro(cents, lang);

function bandWords(b: Band, lang: Lang): string {
  const it = lang === "it";
  const min = euros(b.minCents, lang);
  if (b.maxCents === null) return b.minCents === 0 ? "" : it ? `da ${min}` : `from ${min}`;
  const max = euros(b.maxCents, lang);
  if (b.minCents === 0) return it ? `fino a ${max}` : `up to ${max}`;
  return it ? `da ${min} a ${max}` : `from ${min} to ${max}`;
}

/**
 * Who may be offered which home, one sentence each: access to each category, the minimum surface by
 * household size, affordability and accessibility. Published beside the priority criteria.
 */
export function publishedRequirements(rules: RulesVersion, lang: Lang): string[] {
  const it = lang === "it";
  const out: string[] = [];
  for (const category of UNIT_CATEGORIES) {
    const rule = rules.categories[category];
    const who = or(
      rule.referralTypes.map((r) => REFERRAL_WORDS[r][lang]),
      lang,
    );
    const iseeBand = bandWords(rule.isee, lang);
    const waived = rule.iseeWaivedFor.map((r) => REFERRAL_WORDS[r][lang]);
    const parts = [it ? `accesso su ${who}` : `access on ${who}`];
    if (iseeBand !== "") {
      parts.push(
        waived.length > 0
          ? it
            ? `ISEE ${iseeBand}, salvo ${or(waived, lang)}`
            : `ISEE ${iseeBand}, except on ${or(waived, lang)}`
          : `ISEE ${iseeBand}`,
      );
    } else if (waived.length > 0) {
      parts.push(it ? "qualunque sia l'ISEE" : "whatever the ISEE");
    }
    const incomeBand = rule.income === null ? "" : bandWords(rule.income, lang);
    if (incomeBand !== "")
      parts.push(it ? `reddito netto annuo ${incomeBand}` : `yearly net income ${incomeBand}`);
    if (rule.partnerMatch === "same_partner")
      parts.push(
        it
          ? "solo alloggi dell'ente che segue il nucleo"
          : "only homes of the partner that supports the household",
      );
    out.push(`${CATEGORY_WORDS[category][lang]}: ${parts.join("; ")}.`);
  }
  const s = rules.sizeStandards;
  const rows = s.rows.map((r, i) =>
    i === 0
      ? it
        ? `${formatM2(r.minSurfaceM2, lang)} per ${r.size} persona`
        : `${formatM2(r.minSurfaceM2, lang)} for ${r.size} person`
      : `${formatM2(r.minSurfaceM2, lang)} ${it ? "per" : "for"} ${r.size}`,
  );
  const extra =
    s.extraSurfaceM2PerPerson > 0
      ? it
        ? `, ${formatM2(s.extraSurfaceM2PerPerson, lang)} in più per ogni persona oltre`
        : `, ${formatM2(s.extraSurfaceM2PerPerson, lang)} more for each further person`
      : "";
  out.push(
    it ? `Superficie minima: ${rows.join(", ")}${extra}.` : `Minimum surface: ${rows.join(", ")}${extra}.`,
  );
  const share = formatShare(rules.affordability.maxRentShareOfIncome, lang);
  const exempt = rules.affordability.exemptCategories.map((c) => CATEGORY_SHORT[c]);
  out.push(
    it
      ? `Il canone mensile non supera il ${share} del reddito netto mensile${exempt.length > 0 ? ` (non si applica a: ${exempt.join(", ")}; la compartecipazione è fissata dal progetto individualizzato)` : ""}.`
      : `The monthly rent is at most ${share} of the net monthly income${exempt.length > 0 ? ` (not applied to: ${exempt.join(", ")}; the co-payment is set by the support plan)` : ""}.`,
  );
  const floorOrLift = rules.accessibility.stepFreeFromFloorOrLift
    ? it
      ? " (vale anche un alloggio al piano terra o servito da ascensore)"
      : " (a home on the ground floor or with a lift counts too)"
    : "";
  out.push(
    it
      ? `Chi ha bisogno di un accesso senza gradini riceve solo alloggi senza barriere${floorOrLift}; chi usa la sedia a rotelle, solo alloggi adattati.`
      : `A household that needs step-free access is offered only step-free homes${floorOrLift}; a wheelchair user, only adapted homes.`,
  );
  out.push(offerWords(rules.offers, lang));
  return out;
}

/** The offer rules in one sentence: time to answer, the refusals that keep the place, silence. */
function offerWords(o: RulesVersion["offers"], lang: Lang): string {
  const it = lang === "it";
  const kept =
    o.reasonableRefusalsKept === 0
      ? it
        ? "ogni rifiuto da parte del nucleo fa ripartire l'attesa dal giorno del rifiuto"
        : "any refusal by the household restarts its waiting time from the day of the refusal"
      : it
        ? `fino a ${o.reasonableRefusalsKept} rifiuti per motivi riconosciuti validi mantengono la posizione; un rifiuto in più, o senza un motivo valido, fa ripartire l'attesa dal giorno del rifiuto`
        : `up to ${o.reasonableRefusalsKept} refusals for reasons accepted as valid keep the household's place; one more, or one without a valid reason, restarts its waiting time from the day of the refusal`;
  const silence = o.expiryIsReasonable
    ? it
      ? "una proposta senza risposta entro il termine conta come rifiuto per un motivo valido"
      : "an offer left unanswered by its due date counts as a refusal for a valid reason"
    : it
      ? "una proposta senza risposta entro il termine conta come rifiuto senza motivo valido"
      : "an offer left unanswered by its due date counts as a refusal without a valid reason";
  return it
    ? `Ogni proposta di alloggio si accetta o si rifiuta entro ${o.dueDays} giorni; ${kept}; ${silence}. Un rifiuto dovuto all'alloggio o all'ente gestore non conta mai.`
    : `Each offer of a home is accepted or refused within ${o.dueDays} days; ${kept}; ${silence}. A refusal down to the home or the managing partner never counts.`;
}
