import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../../lib/i18n';

/** Tiếng Việt / English; the choice is remembered on this device. */
export function LanguageSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      data-testid="language-switch"
      fullWidth={fullWidth}
      size="md"
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => void setLanguage(value as Language)}
      data={[
        { value: 'vi', label: t('language.vi') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
