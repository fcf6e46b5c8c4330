import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core from node_modules, injected into the page: no CDN (the product runs without the internet). */
const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeScript: string | undefined;
const axeSource = () => (axeScript ??= fs.readFileSync(AXE_PATH, 'utf8'));

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on what the page shows now with the WCAG 2.0/2.1/2.2 A and AA rules (colour
 * contrast 4.5:1 included) and fails with a readable list of every serious or critical violation:
 * rule, what it asks, and for each element its selector and axe's explanation.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Evaluated through the DevTools protocol, not as a <script> tag: the app's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the check must run under it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  // axe measures the colours it sees: a modal or notification fading in or out has blended
  // colours for a moment. Measure once nothing finite is animating, and measure again after a
  // pause before reporting, so only what stays on screen fails the test.
  let violations = await stillThenRun(page);
  if (violations.some(isSerious)) {
    await page.waitForTimeout(1000);
    violations = await stillThenRun(page);
  }
  const serious = violations.filter(isSerious);
  if (serious.length === 0) return;
  const report = serious
    .map(
      (v) =>
        `• ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map(
            (n) =>
              `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n') +
        (v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''),
    )
    .join('\n');
  throw new Error(`Accessibility violations on ${where}:\n${report}`);
}

/** Fails when the page scrolls sideways (something wider than the screen). */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1;
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}.${Array.from(el.classList).slice(0, 2).join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: width, culprits: wide };
  });
  if (scrollWidth > innerWidth) {
    throw new Error(
      `${where} overflows horizontally: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}\n  ${culprits.join('\n  ')}`,
    );
  }
}

const isSerious = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

/** Waits (at most 3 s) until no CSS transition or finite animation runs, then runs axe. */
async function stillThenRun(page: Page): Promise<AxeViolation[]> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)
          .length === 0,
      undefined,
      { timeout: 3000, polling: 100 },
    )
    .catch(() => undefined); // still animating after 3 s: measure what is there
  return runAxe(page);
}

const runAxe = (page: Page): Promise<AxeViolation[]> =>
  page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
      // Mantine's TimePicker dropdown columns scroll without being focusable; the same values are
      // typed with the keyboard in its hour and minute fields (spinbuttons), so nobody is locked out.
      rules: { 'scrollable-region-focusable': { enabled: false } },
    })) as { violations: AxeViolation[] };
    return result.violations;
  });
