import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * Field errors of a failed contract-schema parse, in the user's language. The schemas come from
 * @phonghop/common, so the form checks exactly what the server will check.
 */
export function fieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    if (result[field]) continue;
    result[field] = issueMessage(issue, field, t);
  }
  return result;
}

function issueMessage(issue: z.core.$ZodIssue, field: string, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('validation.required')
        : t('validation.minLength', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.maxLength', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (field === 'username') return t('validation.username');
      if (field === 'phone') return t('validation.phone');
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}
