import type { MeetingSnapshot } from '@phonghop/common';
import { useTranslation } from 'react-i18next';
import { usePollProgress } from '../hooks/use-poll-progress';
import { optionLabel } from '../state/labels';
import { pollsOf } from '../state/poll-model';
import type { Poll } from '@phonghop/common';
import { resultRows, ruleText, tallyRows, turnout } from '../state/results-view';
import classes from './DisplayPoll.module.css';
import { ResultsChart } from './ResultsChart';

/**
 * The poll the hall's screen shows, if any: an open poll (its progress; a named poll's live tally
 * when the chair allows it; never a choice of a secret poll), otherwise the latest published result
 * of the current agenda item. Closed but unpublished polls show nothing of their result.
 */
export function displayedPoll(snapshot: MeetingSnapshot): Poll | null {
  const polls = pollsOf(snapshot);
  const open = polls.filter((p) => p.status === 'open');
  if (open.length > 0) return open[open.length - 1];
  const current = snapshot.agenda.find((i) => i.status === 'active');
  const published = polls.filter((p) => p.status === 'published');
  const ofItem = current ? published.filter((p) => p.agendaItemId === current.id) : [];
  return ofItem[ofItem.length - 1] ?? null;
}

export function DisplayPoll({
  snapshot,
  poll,
  panelClassName,
}: {
  snapshot: MeetingSnapshot;
  poll: Poll;
  panelClassName: string;
}) {
  const { t } = useTranslation();
  const progress = usePollProgress(snapshot.meeting.id)[poll.id];
  const { cast, voters } = turnout(poll, progress);
  const rule = ruleText(poll.rule);
  const label = (p: Poll, id: string) => optionLabel(t, p, id);

  return (
    <section
      className={`${panelClassName} ${classes.poll}`}
      data-testid="display-poll"
      data-poll={poll.id}
      data-status={poll.status}
    >
      <h2 className={classes.label}>
        {poll.status === 'open' ? t('polls.display.voting') : t('polls.display.result')}
      </h2>
      <p className={classes.title}>{poll.title}</p>
      <p className={classes.meta}>
        {poll.secret ? t('polls.secret') : t('polls.named')} · {t(rule.key, rule.values)}
      </p>
      {poll.status === 'open' && (
        <>
          <p
            className={classes.progress}
            data-testid="display-poll-progress"
            data-cast={cast}
            data-voters={voters}
          >
            {t('polls.display.progress', { cast, voters })}
          </p>
          {/* The bar of ballots cast, unless the live tally's bars take the room. */}
          {(poll.secret || !poll.showLiveTally || !progress?.tally) && (
            <div className={classes.track} aria-hidden="true">
              <div
                className={classes.fill}
                style={{ width: `${voters === 0 ? 0 : (100 * cast) / voters}%` }}
              />
            </div>
          )}
          {!poll.secret && poll.showLiveTally && progress?.tally && (
            <ResultsChart
              size="display"
              rows={tallyRows(poll, progress.tally, cast, label)}
              denominatorLabel={t('polls.liveTallyCaption')}
            />
          )}
        </>
      )}
      {poll.status === 'published' && poll.result && (
        <>
          <span
            className={poll.result.passed ? classes.passed : classes.failed}
            data-testid="display-poll-outcome"
            data-passed={poll.result.passed}
          >
            {poll.kind === 'election'
              ? t('polls.results.elected', {
                  names:
                    poll.result.options
                      .filter((o) => o.passed)
                      .map((o) => label(poll, o.optionId))
                      .join(', ') || '—',
                })
              : poll.result.passed
                ? t('polls.results.passed')
                : t('polls.results.notPassed')}
          </span>
          <ResultsChart
            size="display"
            rows={resultRows(poll, label)}
            denominatorLabel={t(`polls.results.denominator.${poll.result.base}`, {
              n: poll.result.denominator,
            })}
          />
        </>
      )}
    </section>
  );
}
