/**
 * One system under test of `bench -- vote-storm`: ours (the real product, a poll in a live
 * meeting) or the bare baseline (socket.io + one INSERT per ballot). The storm itself is the same
 * code for both (vote-storm.ts); a target says which events to send and how to read the result.
 */
export interface VoteTarget {
  name: 'ours' | 'bare';
  url: string;
  /** One token per voter (null for the bare server). */
  tokens: (string | null)[];
  joinEvent: string;
  joinPayload: unknown;
  /** What every voter sends after joining and before the poll opens (ours: the check-in). */
  prepare?: { event: string; payloads: unknown[] };
  /** The option ids a voter chooses among. */
  options: string[];
  /** Opens the poll (ours: create + open by the chair). */
  open(): Promise<void>;
  castEvent: string;
  /** Voter i's cast of `option` with this idempotency key. */
  castPayload(i: number, option: string, idempotencyKey: string): unknown;
  /** The event that carries the final result to every client, and (ours) the meeting event type. */
  resultEvent: string;
  resultType?: string;
  /** Closes the poll; the final result then reaches every client as `resultEvent`. */
  close(): Promise<void>;
  /** Per-option counts in a result as the clients received it (the JSON the worker kept). */
  countsOf(resultJson: string): Record<string, number>;
  /**
   * After the close, checks the acknowledged receipts against what the server kept: `missing`,
   * acknowledged receipts it does not hold; `extra`, ballots it holds beyond those receipts.
   */
  audit(receipts: string[]): Promise<{ missing: number; extra: number }>;
  stop(): Promise<void>;
}
