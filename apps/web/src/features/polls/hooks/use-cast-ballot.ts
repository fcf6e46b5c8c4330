import { useCallback, useEffect, useRef, useState } from 'react';
import { errorCodeOf } from '../../../lib/api-error';
import { useSocket } from '../../realtime/state/socket-context';
import { clearPendingCast, pendingCastFor, readPendingCast } from '../state/pending-casts';
import { emitWithAck, whenConnected } from '../state/poll-socket';

export type CastPhase = 'idle' | 'sending' | 'done' | 'failed';

export interface CastState {
  phase: CastPhase;
  /** The receipt of the last acknowledged ballot. */
  receipt: string | null;
  /** What that ballot chose (or, while sending, what is being sent). */
  choices: string[] | null;
  /** The refusal's code when `failed`. */
  error: string | null;
}

/**
 * Casting one ballot (mine, or the one of a proxy I hold) so that it is counted exactly once: the
 * choices and their idempotency key are stored before the first emit; without an answer (ack lost,
 * socket dropped, tab reloaded) the same key is sent again once connected, until the server either
 * answers with the receipt (after commit) or refuses. Only then is the pending cast forgotten.
 */
export function useCastBallot(
  meetingId: string,
  pollId: string,
  proxyFor: string | null,
  known: { receipt: string | null; choices: string[] | null },
) {
  const { socket } = useSocket();
  const [state, setState] = useState<CastState>(() => ({
    phase: known.receipt ? 'done' : 'idle',
    receipt: known.receipt,
    choices: known.choices,
    error: null,
  }));
  const alive = useRef(true);
  const inFlight = useRef(false);

  // A receipt learnt from the server (poll.mine after a reload or on another tablet) wins.
  useEffect(() => {
    if (known.receipt && !inFlight.current) {
      setState({ phase: 'done', receipt: known.receipt, choices: known.choices, error: null });
    }
  }, [known.receipt, known.choices]);

  const send = useCallback(
    async (choices: string[]) => {
      if (!socket || inFlight.current) return;
      inFlight.current = true;
      const pending = pendingCastFor(pollId, proxyFor, choices);
      setState((s) => ({ ...s, phase: 'sending', choices: pending.choices, error: null }));
      try {
        for (;;) {
          await whenConnected(socket);
          if (!alive.current) return;
          try {
            const data = await emitWithAck<{ receipt: string }>(socket, 'poll.cast', {
              meetingId,
              pollId,
              idempotencyKey: pending.idempotencyKey,
              choices: pending.choices,
              ...(proxyFor ? { proxyFor } : {}),
            });
            clearPendingCast(pollId, proxyFor);
            if (alive.current) {
              setState({ phase: 'done', receipt: data.receipt, choices: pending.choices, error: null });
            }
            return;
          } catch (err) {
            const code = errorCodeOf(err);
            if (code === 'NETWORK') continue; // same key again once connected
            clearPendingCast(pollId, proxyFor);
            if (alive.current) setState((s) => ({ ...s, phase: 'failed', error: code }));
            return;
          }
        }
      } finally {
        inFlight.current = false;
      }
    },
    [socket, meetingId, pollId, proxyFor],
  );

  // A cast left unanswered by a previous page (reload during a drop) is sent again, same key.
  useEffect(() => {
    alive.current = true;
    const pending = readPendingCast(pollId, proxyFor);
    if (pending && socket) void send(pending.choices);
    return () => {
      alive.current = false;
    };
  }, [socket, pollId, proxyFor, send]);

  return { ...state, cast: send };
}
