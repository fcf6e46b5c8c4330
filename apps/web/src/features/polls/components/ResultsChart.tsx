import { useTranslation } from 'react-i18next';
import classes from './Polls.module.css';

export interface ChartRow {
  id: string;
  label: string;
  count: number;
  /** Share of the rule's denominator, 0–100 (one decimal), or null when the denominator is 0. */
  percent: number | null;
  /** The bar of the option the rule counts as "in favour" (or an elected candidate). */
  highlight?: boolean;
  /** Election: tied with others for the last seat(s). */
  tied?: boolean;
}

/**
 * Horizontal bars drawn with plain elements (no chart library, nothing to download): every bar is
 * a list item whose text says the option, the count and the percentage, so a screen reader reads
 * the same as the eye sees. `size="display"` for the hall's screen (type sized to the screen).
 */
export function ResultsChart({
  rows,
  denominatorLabel,
  size = 'app',
}: {
  rows: ChartRow[];
  denominatorLabel: string;
  size?: 'app' | 'display';
}) {
  const { t } = useTranslation();
  return (
    <figure className={classes.chart} data-size={size} data-testid="poll-chart">
      <ul className={classes.bars}>
        {rows.map((row) => (
          <li key={row.id} className={classes.barRow} data-testid="poll-chart-row" data-count={row.count}>
            <span className={classes.barName}>
              {row.label}
              {row.tied ? ` (${t('polls.results.tied')})` : ''}
            </span>
            <span className={classes.barFigure}>
              {t('polls.results.countPercent', {
                n: row.count,
                percent: row.percent === null ? '—' : formatPercent(row.percent),
              })}
            </span>
            <div className={classes.barTrack} aria-hidden="true">
              <div
                className={classes.barFill}
                data-highlight={row.highlight ? 'true' : 'false'}
                style={{ width: `${Math.max(0, Math.min(100, row.percent ?? 0))}%` }}
              />
            </div>
          </li>
        ))}
      </ul>
      <figcaption className={classes.chartCaption}>{denominatorLabel}</figcaption>
    </figure>
  );
}

/** 66.67 → "66,67" in Vietnamese, "66.67" in English (the i18n language decides). */
export function formatPercent(value: number): string {
  const lang = document.documentElement.lang === 'en' ? 'en-US' : 'vi-VN';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
}
