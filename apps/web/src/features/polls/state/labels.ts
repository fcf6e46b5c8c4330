import type { TFunction } from 'i18next';
import type { Poll } from '@phonghop/common';

/** The fixed choices of a yes/no poll have words in the locales; other options carry their label. */
const FIXED_CHOICES = ['yes', 'no', 'abstain'];

export function optionLabel(t: TFunction, poll: Poll, optionId: string): string {
  if (poll.kind === 'yes_no_abstain' && FIXED_CHOICES.includes(optionId))
    return t(`polls.choice.${optionId}`);
  return poll.options.find((o) => o.id === optionId)?.label ?? optionId;
}

/** Colours of the yes/no buttons and bars (filled Mantine colours pass WCAG AA with white text). */
export function choiceColor(poll: Poll, optionId: string): string {
  if (poll.kind !== 'yes_no_abstain') return 'brand';
  return optionId === 'yes' ? 'teal.8' : optionId === 'no' ? 'red.8' : 'gray.7';
}
