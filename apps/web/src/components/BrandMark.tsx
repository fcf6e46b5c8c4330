import { Box, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface BrandMarkProps {
  size?: 'md' | 'lg';
  withName?: boolean;
  /** In the app header: the tagline only from tablet width up, the name on one line. */
  compact?: boolean;
}

/** The product mark: a gold star on red, with the product name. */
export function BrandMark({ size = 'md', withName = true, compact = false }: BrandMarkProps) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <ThemeIcon size={large ? 64 : 42} radius="md" color="brand" variant="filled" style={{ flexShrink: 0 }}>
        <IconStarFilled size={large ? 36 : 24} color="var(--mantine-color-yellow-4)" />
      </ThemeIcon>
      {withName && (
        <Stack gap={0} miw={0}>
          <Text fw={700} size={large ? 'xl' : 'md'} lh={1.2} truncate={compact}>
            {t('app.name')}
          </Text>
          <Box visibleFrom={compact ? 'sm' : undefined}>
            <Text size={large ? 'sm' : 'xs'} c="dimmed" lh={1.3}>
              {t('app.tagline')}
            </Text>
          </Box>
        </Stack>
      )}
    </Group>
  );
}
