import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The product mark: a gold star on red, with the product name. */
export function BrandMark({ size = 'md', withName = true }: { size?: 'md' | 'lg'; withName?: boolean }) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon size={large ? 64 : 42} radius="md" color="brand" variant="filled">
        <IconStarFilled size={large ? 36 : 24} color="var(--mantine-color-yellow-4)" />
      </ThemeIcon>
      {withName && (
        <Stack gap={0}>
          <Text fw={700} size={large ? 'xl' : 'md'} lh={1.2}>
            {t('app.name')}
          </Text>
          <Text size={large ? 'sm' : 'xs'} c="dimmed" lh={1.3}>
            {t('app.tagline')}
          </Text>
        </Stack>
      )}
    </Group>
  );
}
