import { VI_WEEKDAYS, VI_WEEKDAYS_SHORT } from '@phonghop/common';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/vi';
import updateLocale from 'dayjs/plugin/updateLocale';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Day names one way everywhere: "Chủ nhật", "Thứ hai" (dayjs writes "chủ nhật"; the calendar "CN").
dayjs.extend(updateLocale);
dayjs.updateLocale('vi', {
  weekdays: [...VI_WEEKDAYS],
  weekdaysShort: [...VI_WEEKDAYS_SHORT],
  weekdaysMin: [...VI_WEEKDAYS_SHORT],
});

const STORAGE_KEY = 'phonghop.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.name', { lng: language });
  dayjs.locale(language);
}

/** Vietnamese by default; the choice is kept in localStorage on this device. */
export function initI18n(): typeof i18n {
  const language = storedLanguage();
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Resources are bundled: initialise synchronously so the first render is already translated.
    initAsync: false,
  });
  applyToDocument(language);
  return i18n;
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyToDocument(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}
