// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import it from "./it.json";

export const LANGUAGES = ["it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "casacomune.language";

const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l === value);

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : "it";
  } catch {
    return "it";
  }
}

/** Locale for numbers, money and dates in each interface language. */
export const LOCALES: Record<Language, string> = { it: "it-IT", en: "en-GB" };

export function changeLanguage(language: Language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts until the page is reloaded.
  }
  return i18next.changeLanguage(language);
}

i18next.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

// Two namespaces: `translation` for the interface, `messages` for the English validation messages of
// the shared zod schemas and of the API, keyed by the message itself (see translate-message.ts).
// Resources are bundled, so initialisation is synchronous and the first render is already translated.
i18next.use(initReactI18next).init({
  initAsync: false,
  resources: { it, en },
  lng: storedLanguage(),
  fallbackLng: "it",
  supportedLngs: [...LANGUAGES],
  ns: ["translation", "messages"],
  defaultNS: "translation",
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});
document.documentElement.lang = i18next.language;
