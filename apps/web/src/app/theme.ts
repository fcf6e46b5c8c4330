import {
  ActionIcon,
  Badge,
  Button,
  createTheme,
  Modal,
  PasswordInput,
  SegmentedControl,
  Select,
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

/** Tablet first: medium-sized controls everywhere so every target is comfortable for a finger. */
export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand },
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
    Badge: Badge.extend({ defaultProps: { size: 'lg', radius: 'sm' } }),
    Modal: Modal.extend({
      defaultProps: { size: 'lg', centered: true },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
    }),
  },
});
