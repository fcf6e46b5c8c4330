import { ERROR_MESSAGES, isErrorCode } from '@phonghop/common';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from './api-error';

/** Turns any thrown error into the message for its code, in the current language. */
export function useErrorMessage(): (err: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (err: unknown) => {
      const code = errorCodeOf(err);
      if (!isErrorCode(code)) return t('errors.network');
      return ERROR_MESSAGES[code][i18n.language === 'en' ? 'en' : 'vi'];
    },
    [t, i18n.language],
  );
}
