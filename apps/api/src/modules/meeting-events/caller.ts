import type { RuleResult } from '@phonghop/common';
import type { ErrorCode } from '@phonghop/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';

/** A command's caller: who, and the idempotency key (null when a REST client sent none). */
export interface Caller {
  user: AuthUser;
  idempotencyKey: string | null;
}

/** Throws the rule's error code unless the rule allows. */
export function enforce<C extends ErrorCode>(rule: RuleResult<C>): void {
  if (!rule.ok) throw new AppException(rule.code);
}
