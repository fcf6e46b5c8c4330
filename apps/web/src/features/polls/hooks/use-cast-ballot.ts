import { useCallback, useEffect, useRef, useState } from 'react';
import { errorCodeOf } from '../../../lib/api-error';
import { useSocket } from '../../realtime/state/socket-context';
import { clearPendingCast, pendingCastFor, readPendingCast } from '../state/pending-casts';
import type { PollCastCommand, PollCastResult } from '@phonghop/common';
import { emitWithAck, whenConnected } from '../state/poll-socket';
import { saveReceipt } from '../state/receipts';

export type CastPhase = 'idle' | 'sending' | 'done' | 'failed';

export interface CastState {
  phase: CastPhase;
  /** The receipt of the acknowledged ballot (null when cast elsewhere in a secret poll). */
  receipt: string | null;
  /** What that ballot chose, when known (named polls; secret ones only right after casting). */
  choices: string[] | null;
  /** The refusal's code when `failed`. */
  error: string | null;
}

/**
 * Casting one ballot (mine, or the one of a proxy I hold) so that it counts exactly once: the
 * choices and their idempotency key are stored before the first emit; without an answer (ack lost,
 * socket dropped, tab reloaded) the same key is sent again once connected, until the server either
 * answers the receipt (after commit) or refuses. Only then is the pending cast forgotten.
 */
export function useCastBallot(
  meetingId: string,
  pollId: string,
  /** Whose vote: mine (my id) or the absent member whose proxy I hold. */
  userId: string,
  proxy: boolean,
  known: { cast: boolean; receipt: string | null; choices: string[] | null },
) {
  const { socket } = useSocket();
  const [state, setState] = useState<CastState>(() => ({
    phase: known.cast ? 'done' : 'idle',
    receipt: known.receipt,
    choices: known.choices,
    error: null,
  }));
  const alive = useRef(true);
  const inFlight = useRef(false);
  /** Set by an ack on this page: from then on it knows better than an earlier read of poll.mine. */
  const acked = useRef(false);

  // What the server (poll.mine) or this tablet knows of a ballot already cast wins, unless one is in flight.
  useEffect(() => {
    if (known.cast && !inFlight.current && !acked.current) {
      setState((s) => ({
        phase: 'done',
        receipt: known.receipt ?? s.receipt,
        choices: known.choices ?? s.choices,
        error: null,
      }));
    }
  }, [known.cast, known.receipt, known.choices]);

  const send = useCallback(
    async (choices: string[]) => {
      if (!socket || inFlight.current) return;
      inFlight.current = true;
      const pending = pendingCastFor(pollId, userId, choices);
      setState((s) => ({ ...s, phase: 'sending', choices: pending.choices, error: null }));
      try {
        for (;;) {
          await whenConnected(socket);
          if (!alive.current) return;
          try {
            const command: PollCastCommand = {
              meetingId,
              pollId,
              idempotencyKey: pending.idempotencyKey,
              choices: pending.choices,
              ...(proxy ? { proxyFor: userId } : {}),
            };
            const data = await emitWithAck<PollCastResult>(socket, 'poll.cast', command);
            clearPendingCast(pollId, userId);
            saveReceipt(pollId, userId, data.receipt);
            acked.current = true;
            if (alive.current) {
              setState({ phase: 'done', receipt: data.receipt, choices: pending.choices, error: null });
            }
            return;
          } catch (err) {
            const code = errorCodeOf(err);
            if (code === 'NETWORK') continue; // the same key again once connected
            clearPendingCast(pollId, userId);
            if (alive.current) setState((s) => ({ ...s, phase: 'failed', error: code }));
            return;
          }
        }
      } finally {
        inFlight.current = false;
      }
    },
    [socket, meetingId, pollId, userId, proxy],
  );

  // A cast left unanswered by a previous page (reload during a drop) goes out again, same key.
  useEffect(() => {
    alive.current = true;
    const pending = readPendingCast(pollId, userId);
    if (pending && socket) void send(pending.choices);
    return () => {
      alive.current = false;
    };
  }, [socket, pollId, userId, send]);

  return { ...state, cast: send };
}
