import type { Locator, Page } from 'playwright-core';

/**
 * Drags with a finger, as on a tablet: real touch events through the Chrome DevTools Protocol
 * (Chromium turns them into the pointer events the drag-and-drop library listens to).
 */
export async function touchDrag(page: Page, from: Locator, to: Locator, steps = 12): Promise<void> {
  // Touches land at viewport coordinates: both ends must be on screen.
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const a = await center(from);
  const b = await center(to);
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(a.x, a.y) });
    for (let i = 1; i <= steps; i++) {
      const x = a.x + ((b.x - a.x) * i) / steps;
      const y = a.y + ((b.y - a.y) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
      await page.waitForTimeout(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible for dragging');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
