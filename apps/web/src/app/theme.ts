import {
  ActionIcon,
  Badge,
  Button,
  Drawer,
  createTheme,
  mergeThemeOverrides,
  Modal,
  Notification,
  PasswordInput,
  SegmentedControl,
  Select,
  Tabs,
  Textarea,
  TextInput,
  type MantineColorsTuple,
} from '@mantine/core';
import { DatePickerInput, TimePicker } from '@mantine/dates';

/** The red of Vietnamese civic documents; the gold of the star is Mantine's yellow. */
const brand: MantineColorsTuple = [
  '#fff0f0',
  '#ffdddd',
  '#ffbaba',
  '#ff9494',
  '#fb6767',
  '#f03e3e',
  '#dc2626',
  '#b91c1c',
  '#991b1b',
  '#7f1d1d',
];

/**
 * WCAG 2.2 AA (4.5:1) for every text: Mantine's default shades 6-9 of these colours are too light
 * for white text on a filled badge or button (shade 7 here, the primary shade), for coloured text
 * on white, and for the light variant (shade 9 on shade 1). Same hues, darkened until they pass
 * (shade 6 >= 4.6:1, 7 >= 5.2:1, 8 >= 6.2:1, 9 >= 7.6:1 on white); shades 0-5 are Mantine's.
 * The e2e suite checks it with axe-core on every page it visits (e2e/support/axe.ts).
 */
const accessibleColors: Record<string, MantineColorsTuple> = {
  // Mantine writes some grey texts with gray-6 directly (notification descriptions, switch labels):
  // gray-6 is the dimmed grey here (5.8:1 on white, 4.9:1 on gray-2).
  gray: [
    '#f8f9fa',
    '#f1f3f5',
    '#e9ecef',
    '#dee2e6',
    '#ced4da',
    '#adb5bd',
    '#5f6670',
    '#495057',
    '#343a40',
    '#212529',
  ],
  red: [
    '#fff5f5',
    '#ffe3e3',
    '#ffc9c9',
    '#ffa8a8',
    '#ff8787',
    '#ff6b6b',
    '#e90707',
    '#d81111',
    '#bd1c1c',
    '#9f2121',
  ],
  blue: [
    '#e7f5ff',
    '#d0ebff',
    '#a5d8ff',
    '#74c0fc',
    '#4dabf7',
    '#339af0',
    '#1777cb',
    '#186ebb',
    '#1661a7',
    '#145490',
  ],
  cyan: [
    '#e3fafc',
    '#c5f6fa',
    '#99e9f2',
    '#66d9e8',
    '#3bc9db',
    '#22b8cf',
    '#107f8f',
    '#0d7788',
    '#0a6a7a',
    '#095c6b',
  ],
  teal: [
    '#e6fcf5',
    '#c3fae8',
    '#96f2d7',
    '#63e6be',
    '#38d9a9',
    '#20c997',
    '#0d8561',
    '#097b59',
    '#076e4e',
    '#065d43',
  ],
  green: [
    '#ebfbee',
    '#d3f9d8',
    '#b2f2bb',
    '#8ce99a',
    '#69db7c',
    '#51cf66',
    '#2c853c',
    '#267b35',
    '#216f30',
    '#1e5f2b',
  ],
  lime: [
    '#f4fce3',
    '#e9fac8',
    '#d8f5a2',
    '#c0eb75',
    '#a9e34b',
    '#94d82d',
    '#538013',
    '#4c780e',
    '#416b0a',
    '#395c08',
  ],
  // Yellow stays bright up to shade 7 (filled yellow carries dark text: the reconnect banner);
  // shades 8-9 are dark enough for text on the light variant.
  yellow: [
    '#fff9db',
    '#fff3bf',
    '#ffec99',
    '#ffe066',
    '#ffd43b',
    '#fcc419',
    '#fab005',
    '#f59f00',
    '#8d5200',
    '#804200',
  ],
  orange: [
    '#fff4e6',
    '#ffe8cc',
    '#ffd8a8',
    '#ffc078',
    '#ffa94d',
    '#ff922b',
    '#be5702',
    '#b44b05',
    '#a74009',
    '#96320a',
  ],
};

/** Tablet first: medium-sized controls everywhere so every target is comfortable for a finger. */
export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { ...accessibleColors, brand },
  fontFamily: '"Be Vietnam Pro", system-ui, sans-serif',
  headings: { fontFamily: '"Be Vietnam Pro", system-ui, sans-serif', fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: Button.extend({ defaultProps: { size: 'md' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 44, variant: 'subtle' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'md' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'md' } }),
    Select: Select.extend({ defaultProps: { size: 'md' } }),
    DatePickerInput: DatePickerInput.extend({ defaultProps: { size: 'md' } }),
    TimePicker: TimePicker.extend({ defaultProps: { size: 'md' } }),
    SegmentedControl: SegmentedControl.extend({ defaultProps: { size: 'md' } }),
    // A badge never shrinks to an empty box in a narrow row; a long one may still wrap its row.
    Badge: Badge.extend({
      defaultProps: { size: 'lg', radius: 'sm' },
      styles: { root: { flexShrink: 0, maxWidth: '100%' } },
    }),
    // Tabs scroll sideways on a phone rather than being cut off.
    Tabs: Tabs.extend({
      styles: {
        list: { flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'none' },
        tab: { flexShrink: 0 },
      },
    }),
    Modal: Modal.extend({
      defaultProps: { size: 'lg', centered: true },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
    }),
  },
});

/**
 * The theme with the labels Mantine writes in English itself (the close button of every modal),
 * in the current language; rebuilt when the language changes.
 */
export function localizedTheme(labels: { close: string }) {
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
        Notification: Notification.extend({
          defaultProps: { closeButtonProps: { 'aria-label': labels.close } },
        }),
      },
    }),
  );
}
