import { Button, Group, Modal, Select, Stack, Switch } from '@mantine/core';
import type { AttendanceSettings } from '@phonghop/common';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The usual quorum rules; the contract allows any fraction, the screen offers the common ones. */
const RULES: Record<
  string,
  Pick<AttendanceSettings, 'quorumNumerator' | 'quorumDenominator' | 'quorumAtLeast'>
> = {
  'more-1/2': { quorumNumerator: 1, quorumDenominator: 2, quorumAtLeast: false },
  'least-2/3': { quorumNumerator: 2, quorumDenominator: 3, quorumAtLeast: true },
  'least-3/4': { quorumNumerator: 3, quorumDenominator: 4, quorumAtLeast: true },
};
const ruleKey = (s: AttendanceSettings) =>
  `${s.quorumAtLeast ? 'least' : 'more'}-${s.quorumNumerator}/${s.quorumDenominator}`;

export function AttendanceSettingsModal({
  opened,
  settings,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  settings: AttendanceSettings;
  onClose(): void;
  onSubmit(settings: AttendanceSettings): Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(settings);
  useEffect(() => setDraft(settings), [settings, opened]);
  const key = ruleKey(draft);
  const options = Object.keys(RULES).map((k) => ({ value: k, label: t(`attendance.rules.${k}`) }));
  if (!RULES[key]) options.push({ value: key, label: key });

  return (
    <Modal opened={opened} onClose={onClose} title={t('attendance.settings')}>
      <Stack gap="md">
        <Select
          label={t('attendance.quorumRule')}
          data={options}
          value={key}
          allowDeselect={false}
          onChange={(v) => v && RULES[v] && setDraft({ ...draft, ...RULES[v] })}
          comboboxProps={{ withinPortal: true }}
          data-testid="quorum-rule"
        />
        <Switch
          label={t('attendance.proxiesAllowed')}
          checked={draft.proxiesAllowed}
          onChange={(e) =>
            setDraft({
              ...draft,
              proxiesAllowed: e.currentTarget.checked,
              proxiesCount: e.currentTarget.checked && draft.proxiesCount,
            })
          }
          data-testid="proxies-allowed"
        />
        <Switch
          label={t('attendance.proxiesCount')}
          checked={draft.proxiesCount}
          disabled={!draft.proxiesAllowed}
          onChange={(e) => setDraft({ ...draft, proxiesCount: e.currentTarget.checked })}
          data-testid="proxies-count"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            data-testid="attendance-settings-save"
            onClick={() => {
              void onSubmit(draft);
              onClose();
            }}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
