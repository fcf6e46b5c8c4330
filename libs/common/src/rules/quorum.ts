import type { AttendanceRecord, AttendanceSettings, AttendanceStatus } from '../schemas/attendance';
import type { MeetingRole } from '../schemas/meetings';
import { isVotingRole } from './meeting-permissions';

/*
 * Quorum (số đại biểu cần có mặt), as pure rules shared by the server (which refuses to start a
 * meeting without it unless the chair confirms) and every screen (chair, secretary, display).
 *
 * - Only voting members count: chair, secretary and delegates. Guests never count, present or not.
 * - Expected = every voting member of the meeting (absent ones too: "của tổng số thành viên").
 * - Present = a voting member whose latest record is `present_room` or `present_online`. `late`
 *   (announced, not here yet), `absent`, `left` and no record at all do not count.
 * - A proxy (ủy quyền) counts when the meeting says proxies count, the giver is absent and the
 *   holder is a present voting member; one holder carries at most one proxy for the quorum.
 * - Reached when counted > expected × n/d (default, "quá 1/2"), or ≥ with `quorumAtLeast`
 *   ("ít nhất 2/3"). A meeting with no voting members never has a quorum.
 */

export interface QuorumMember {
  userId: string;
  role: MeetingRole;
}

export interface Quorum {
  /** Voting members of the meeting. */
  expected: number;
  /** Voting members present (room or online). */
  present: number;
  presentRoom: number;
  presentOnline: number;
  /** Proxies that count (0 when the meeting does not count proxies). */
  proxies: number;
  /** present + proxies. */
  counted: number;
  /** The smallest `counted` that reaches the quorum. */
  required: number;
  reached: boolean;
}

export type QuorumSettings = Pick<
  AttendanceSettings,
  'quorumNumerator' | 'quorumDenominator' | 'quorumAtLeast' | 'proxiesCount'
>;

const PRESENT: readonly AttendanceStatus[] = ['present_room', 'present_online'];

export function isPresentStatus(status: AttendanceStatus | undefined): boolean {
  return status !== undefined && PRESENT.includes(status);
}

/** The smallest whole number of members that satisfies the threshold for `expected` members. */
export function requiredForQuorum(expected: number, settings: QuorumSettings): number {
  if (expected <= 0) return 1;
  const { quorumNumerator: n, quorumDenominator: d } = settings;
  // Integer arithmetic: expected × n / d compared exactly, no floating point.
  const product = expected * n;
  return settings.quorumAtLeast ? Math.ceil(product / d) : Math.floor(product / d) + 1;
}

export function computeQuorum(
  members: readonly QuorumMember[],
  records: readonly Pick<AttendanceRecord, 'userId' | 'status' | 'proxyHolderId'>[],
  settings: QuorumSettings,
): Quorum {
  const byUser = new Map(records.map((r) => [r.userId, r]));
  const voting = members.filter((m) => isVotingRole(m.role));
  const votingIds = new Set(voting.map((m) => m.userId));
  const statusOf = (userId: string) => byUser.get(userId)?.status;

  const presentRoom = voting.filter((m) => statusOf(m.userId) === 'present_room').length;
  const presentOnline = voting.filter((m) => statusOf(m.userId) === 'present_online').length;

  let proxies = 0;
  if (settings.proxiesCount) {
    const holders = new Set<string>();
    for (const m of voting) {
      const r = byUser.get(m.userId);
      if (r?.status !== 'absent' || !r.proxyHolderId) continue;
      const holder = r.proxyHolderId;
      if (!votingIds.has(holder) || !isPresentStatus(statusOf(holder)) || holders.has(holder)) continue;
      holders.add(holder);
      proxies += 1;
    }
  }

  const present = presentRoom + presentOnline;
  const counted = present + proxies;
  const expected = voting.length;
  const required = requiredForQuorum(expected, settings);
  return {
    expected,
    present,
    presentRoom,
    presentOnline,
    proxies,
    counted,
    required,
    reached: expected > 0 && counted >= required,
  };
}
