import type { Locator, Page } from 'playwright-core';

/**
 * The meeting form's date and time pickers (@mantine/dates), used as a person would: the date from
 * the month calendar, the times typed into the hour and minute fields.
 */
export async function pickDate(page: Page, field: Locator, day: string): Promise<void> {
  const [y, m, d] = day.split('-');
  const current = await page.locator('input[type=hidden][name=date]').inputValue();
  await field.click();
  // Day buttons are labelled "thứ ba 01/07/2025"; wait for the calendar before looking for the day.
  const days = page.getByRole('button', { name: /\d{2}\/\d{2}\/\d{4}$/ });
  await days.first().waitFor();
  const target = page.getByRole('button', { name: new RegExp(`${d}/${m}/${y}$`) });
  const forward = current === '' || day > current;
  for (let i = 0; i < 24 && (await target.count()) === 0; i++) {
    await page.getByRole('button', { name: forward ? 'Tháng sau' : 'Tháng trước' }).click();
  }
  // The day may be an outside day of the month shown (greyed, still selectable).
  await target.click();
}

export async function typeTime(field: Locator, time: string): Promise<void> {
  const [hours, minutes] = time.split(':');
  for (const [name, digits] of [
    ['Giờ', hours],
    ['Phút', minutes],
  ] as const) {
    const input = field.getByRole('spinbutton', { name });
    await input.click();
    await input.press('Control+a'); // the caret may land mid-number; replace the whole value
    await field.page().keyboard.type(digits);
  }
}
