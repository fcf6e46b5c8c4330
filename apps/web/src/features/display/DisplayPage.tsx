import {
  computeQuorum,
  currentSpeaker,
  speakerQueue,
  speakingLimitSeconds,
  type MeetingSnapshot,
} from '@phonghop/common';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { CheckInQrCode } from '../attendance/components/CheckInQrCode';
import { DisplayPoll, displayedPoll } from '../polls/components/DisplayPoll'; // voting (issue 9)
import { useMeetingRoom } from '../meetings/hooks/use-meeting-room';
import { SpeakerCountdown } from '../speakers/components/SpeakerCountdown';
import { useServerClockSync } from '../speakers/hooks/use-server-clock';
import { fetchDisplayQr } from './display-api';
import { DisplaySocketProvider } from './DisplaySocketProvider';
import classes from './DisplayPage.module.css';

/** How many waiting speakers the screen lists. */
const NEXT_SPEAKERS = 4;

/**
 * `/display/:meetingId?t=<display token>`: the hall's big screen. No app shell and no sign-in: the
 * display token (created by an admin) opens a watch-only socket on this one meeting. It follows
 * the meeting by itself and recovers from a drop or a reload by itself. `?lang=en` for English.
 */
export function DisplayPage() {
  const { meetingId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const lang = params.get('lang');
  const { t, i18n } = useTranslation();
  const [refused, setRefused] = useState(false);
  const onRefused = useCallback((r: boolean) => setRefused(r), []);

  useEffect(() => {
    if (lang === 'en' || lang === 'vi') void i18n.changeLanguage(lang);
  }, [lang, i18n]);
  useEffect(() => {
    document.title = t('display.pageTitle');
  }, [t]);

  if (!token) return <Message text={t('display.noToken')} />;
  return (
    <DisplaySocketProvider displayToken={token} onRefused={onRefused}>
      {refused ? (
        <Message text={t('display.refused')} />
      ) : (
        <DisplayBoard meetingId={meetingId} token={token} />
      )}
    </DisplaySocketProvider>
  );
}

function Message({ text }: { text: string }) {
  return (
    <main className={classes.message} data-testid="display-message">
      {text}
    </main>
  );
}

function DisplayBoard({ meetingId, token }: { meetingId: string; token: string }) {
  const { t } = useTranslation();
  const room = useMeetingRoom(meetingId);
  useServerClockSync();
  const fetchCode = useCallback(() => fetchDisplayQr(token), [token]);
  const qrSize = useQrSize();
  const snapshot = room.snapshot;

  if (!snapshot) {
    return <Message text={room.error ? t('display.refused') : t('display.connecting')} />;
  }
  const { meeting } = snapshot;
  const showQr = meeting.status === 'scheduled' || meeting.status === 'live';
  const poll = displayedPoll(snapshot); // voting (issue 9)
  return (
    <div className={classes.screen} data-testid="display" data-live={room.live} data-seq={snapshot.seq}>
      <header className={classes.header}>
        <h1 className={classes.title} data-testid="display-title">
          {meeting.title}
        </h1>
        <span className={`${classes.status} ${room.live ? '' : classes.stale}`} data-testid="display-status">
          {room.live ? t(`meetings.status.${meeting.status}`) : t('display.reconnecting')}
        </span>
      </header>
      <main className={classes.main}>
        <div className={classes.column}>
          <CurrentItem snapshot={snapshot} />
          {/* Voting (issue 9): an open poll's progress or a published result takes the speaker's place. */}
          {poll ? (
            <DisplayPoll snapshot={snapshot} poll={poll} panelClassName={classes.panel} />
          ) : (
            <CurrentSpeaker snapshot={snapshot} />
          )}
        </div>
        <div className={classes.column}>
          <NextSpeakers snapshot={snapshot} />
          <Attendance snapshot={snapshot} />
          {showQr && (
            <section className={`${classes.panel} ${classes.qr}`} aria-label={t('display.checkIn')}>
              <h2 className={classes.label}>{t('display.checkIn')}</h2>
              <CheckInQrCode meetingId={meetingId} size={qrSize} fetchCode={fetchCode} />
            </section>
          )}
        </div>
      </main>
    </div>
  );
}

function CurrentItem({ snapshot }: { snapshot: MeetingSnapshot }) {
  const { t } = useTranslation();
  const item = snapshot.agenda.find((i) => i.status === 'active');
  return (
    <section className={classes.panel} data-testid="display-item">
      <h2 className={classes.label}>{t('display.currentItem')}</h2>
      {item ? (
        <p className={classes.item}>
          {item.position}. {item.title}
        </p>
      ) : (
        <p className={classes.quiet}>
          {snapshot.meeting.status === 'live'
            ? t('display.noItem')
            : t(`display.meeting.${snapshot.meeting.status}`)}
        </p>
      )}
    </section>
  );
}

function CurrentSpeaker({ snapshot }: { snapshot: MeetingSnapshot }) {
  const { t } = useTranslation();
  const speaking = snapshot.meeting.status === 'live' ? currentSpeaker(snapshot.speakers.list) : null;
  const name = speaking ? nameOf(snapshot, speaking.userId) : '';
  return (
    <section className={`${classes.panel} ${classes.grow}`} data-testid="display-speaker">
      <h2 className={classes.label}>{t('display.speakingNow')}</h2>
      {speaking && speaking.startedAt ? (
        <>
          <p className={classes.speaker} data-testid="display-speaker-name">
            {name}
          </p>
          <span className={classes.kind}>{t(`speakers.kind.${speaking.kind}`)}</span>
          <SpeakerCountdown
            startedAt={speaking.startedAt}
            limitSeconds={speakingLimitSeconds(snapshot.speakers, speaking)}
            style={{ fontSize: 'clamp(64px, 11vw, 260px)', lineHeight: 1 }}
          />
        </>
      ) : (
        <p className={classes.quiet}>{t('display.nobody')}</p>
      )}
    </section>
  );
}

function NextSpeakers({ snapshot }: { snapshot: MeetingSnapshot }) {
  const { t } = useTranslation();
  const item = snapshot.agenda.find((i) => i.status === 'active');
  const queue =
    item && snapshot.meeting.status === 'live' ? speakerQueue(snapshot.speakers.list, item.id) : [];
  return (
    <section className={classes.panel} data-testid="display-queue">
      <h2 className={classes.label}>{t('display.next')}</h2>
      {queue.length === 0 ? (
        <p className={classes.quiet}>{t('display.nobodyWaiting')}</p>
      ) : (
        <ol className={classes.queue}>
          {queue.slice(0, NEXT_SPEAKERS).map((s) => (
            <li key={s.id}>{nameOf(snapshot, s.userId)}</li>
          ))}
          {queue.length > NEXT_SPEAKERS && (
            <li>{t('display.more', { count: queue.length - NEXT_SPEAKERS })}</li>
          )}
        </ol>
      )}
    </section>
  );
}

function Attendance({ snapshot }: { snapshot: MeetingSnapshot }) {
  const { t } = useTranslation();
  const quorum = computeQuorum(
    snapshot.participants,
    snapshot.attendance.records,
    snapshot.attendance.settings,
  );
  return (
    <section
      className={classes.panel}
      data-testid="display-quorum"
      data-reached={quorum.reached}
      data-counted={quorum.counted}
    >
      <h2 className={classes.label}>{t('display.attendance')}</h2>
      <div className={classes.count}>
        {t('display.present', { counted: quorum.counted, expected: quorum.expected })}
      </div>
      <span className={quorum.reached ? classes.reached : classes.missing}>
        {quorum.reached
          ? t('display.quorumReached')
          : t('display.quorumMissing', { required: quorum.required })}
      </span>
    </section>
  );
}

function nameOf(snapshot: MeetingSnapshot, userId: string): string {
  return snapshot.participants.find((p) => p.userId === userId)?.user.fullName ?? '';
}

/** The QR code's side in px: large enough to scan from the front rows, within the right column. */
function useQrSize(): number {
  const measure = () =>
    Math.round(Math.max(140, Math.min(window.innerWidth * 0.18, window.innerHeight * 0.28)));
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => setSize(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
