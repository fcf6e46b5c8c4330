import type { SystemRole } from '@phonghop/common';

/** The signed-in person behind a request or a socket, as the guard established it. */
export interface AuthUser {
  id: string;
  /** The refresh session the access token belongs to; revoking it ends the access token too. */
  sessionId: string;
  systemRole: SystemRole;
}
