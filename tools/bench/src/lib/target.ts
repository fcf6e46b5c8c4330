/** One system under test: ours (the real gateway) or the bare socket.io baseline. */
export interface BenchTarget {
  name: 'ours' | 'bare';
  url: string;
  /** The server's process (its stalls are matched with the joins by `join-storm --gaps`). */
  serverPid?: number;
  /** One token per client (null for the bare server). */
  tokens: (string | null)[];
  joinEvent: string;
  joinPayload: unknown;
  /** The server → client event that carries the broadcast. */
  eventName: string;
  /** Sends one change through the server; its broadcast must contain `bench:<sentAt>:<id>`. */
  publish(id: number, sentAt: number): Promise<void>;
  /** Bytes of what a client fetches beside the join and keeps (ours: the meeting's roster). */
  sideBytes?: number;
  /** The same as sent (compressed). */
  sideWireBytes?: number;
  close(): Promise<void>;
}

export const now = () => performance.timeOrigin + performance.now();
