// i18next set-up: German and English resources, the start language, and <html lang> kept in step.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import de from "./de.json";
import en from "./en.json";

/** Areas may keep their strings in their own files, `areas/<namespace>.<de|en>.json`, merged in as `<namespace>.*`. */
const areaFiles = import.meta.glob<{ default: Record<string, unknown> }>("./areas/*.json", { eager: true });
function withAreas(base: Record<string, unknown>, language: "de" | "en"): Record<string, unknown> {
	const merged = { ...base };
	for (const [path, module] of Object.entries(areaFiles)) {
		const match = /\/([\w-]+)\.(de|en)\.json$/.exec(path);
		if (match?.[2] === language && match[1]) merged[match[1]] = module.default;
	}
	return merged;
}

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "loupe.language";

export const isLanguage = (value: unknown): value is Language => value === "de" || value === "en";

/** Before sign-in: the last choice on this device, else the browser's language, else German. */
function startLanguage(): Language {
	const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
	if (isLanguage(stored)) return stored;
	const browser = navigator.languages?.find((tag) => isLanguage(tag.slice(0, 2)));
	return isLanguage(browser?.slice(0, 2)) ? (browser.slice(0, 2) as Language) : "de";
}

i18n.use(initReactI18next).init({
	resources: { de: { translation: withAreas(de, "de") }, en: { translation: withAreas(en, "en") } },
	lng: startLanguage(),
	fallbackLng: "de",
	interpolation: { escapeValue: false },
	returnNull: false,
});

const syncDocument = (language: string) => {
	document.documentElement.lang = language;
	globalThis.localStorage?.setItem(STORAGE_KEY, language);
};
syncDocument(i18n.language);
i18n.on("languageChanged", syncDocument);

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : "de");

export default i18n;
