import { LoginResponseSchema, RefreshResponseSchema, type LoginResponse, type User } from '@phonghop/common';
import { ApiRequestError, errorFromResponse } from './api-error';

/** Why the user landed on the sign-in page, shown there as a message. */
export type SignOutNotice = 'expired' | 'disabled' | 'logout' | 'password_reset' | 'signed_out';

export interface SessionState {
  status: 'unknown' | 'signedIn' | 'signedOut';
  user: User | null;
  notice: SignOutNotice | null;
}

const AUTH_BASE = '/api/v1/auth';
/** Refresh this long before the access token expires, so calls never carry a stale token. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The signed-in session, outside React so the API client and the socket can read it. The access
 * token lives only in memory; the refresh token is an httpOnly cookie the browser sends to
 * /api/v1/auth/refresh. One refresh at a time: concurrent callers share it, because the server
 * rotates the refresh token and a second use of the old one would end the session.
 */
class SessionStore {
  private state: SessionState = { status: 'unknown', user: null, notice: null };
  private accessToken: string | null = null;
  private expiresAt = 0;
  private refreshing: Promise<boolean> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get token(): string | null {
    return this.accessToken;
  }

  /** A token valid for at least the refresh margin, refreshing first when needed; null when signed out. */
  async freshToken(): Promise<string | null> {
    if (this.accessToken && Date.now() < this.expiresAt - REFRESH_MARGIN_MS) return this.accessToken;
    return (await this.refresh()) ? this.accessToken : null;
  }

  async signIn(username: string, password: string): Promise<User> {
    const res = await safeFetch(`${AUTH_BASE}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw await errorFromResponse(res);
    const login = LoginResponseSchema.parse(await res.json());
    this.accept(login, login.user);
    return login.user;
  }

  /** Exchanges the refresh cookie for a new access token. False (and signed out) when that fails. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Ends the session on the server (best effort) and locally. */
  async signOut(): Promise<void> {
    const token = this.accessToken;
    this.end('signed_out');
    await safeFetch(`${AUTH_BASE}/logout`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }).catch(() => undefined);
  }

  /** Ends the session locally, e.g. when the server revoked it. */
  end(notice: SignOutNotice): void {
    clearTimeout(this.refreshTimer);
    this.accessToken = null;
    this.expiresAt = 0;
    this.set({ status: 'signedOut', user: null, notice });
  }

  /** The signed-in user's own record changed (e.g. an admin edited themself). */
  updateUser(user: User): void {
    if (this.state.status === 'signedIn') this.set({ ...this.state, user });
  }

  clearNotice(): void {
    if (this.state.notice) this.set({ ...this.state, notice: null });
  }

  private async doRefresh(): Promise<boolean> {
    try {
      const res = await acrossTabs(() => safeFetch(`${AUTH_BASE}/refresh`, { method: 'POST' }));
      if (!res.ok) throw await errorFromResponse(res);
      const refreshed = RefreshResponseSchema.parse(await res.json());
      this.accept(refreshed, refreshed.user);
      return true;
    } catch (err) {
      const wasSignedIn = this.state.status === 'signedIn';
      // A network failure while signed in is not a sign-out: keep the session and let callers retry.
      if (wasSignedIn && err instanceof ApiRequestError && err.code === 'NETWORK') return false;
      if (wasSignedIn) this.end('expired');
      // Not signed in yet (page load): keep any notice already shown, e.g. "your account was disabled".
      else this.set({ status: 'signedOut', user: null, notice: this.state.notice });
      return false;
    }
  }

  private accept(tokens: Pick<LoginResponse, 'accessToken' | 'expiresIn'>, user: User): void {
    this.accessToken = tokens.accessToken;
    this.expiresAt = Date.now() + tokens.expiresIn * 1000;
    clearTimeout(this.refreshTimer);
    const due = Math.max(tokens.expiresIn * 1000 - REFRESH_MARGIN_MS, 5_000);
    this.refreshTimer = setTimeout(() => void this.refresh(), due);
    this.set({ status: 'signedIn', user, notice: null });
  }

  private set(next: SessionState): void {
    this.state = next;
    this.listeners.forEach((l) => l());
  }
}

/**
 * Tabs of one browser share the refresh cookie, and the server treats a second use of a rotated
 * cookie as theft (it ends the session). The Web Locks API makes tabs refresh one after another,
 * each with the current cookie. It exists only in secure contexts; plain-http installs go without.
 */
async function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return fn();
  return await navigator.locks.request('phonghop.auth.refresh', fn);
}

/** fetch that reports an unreachable server as ApiRequestError('NETWORK'). */
export async function safeFetch(input: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(input, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiRequestError('NETWORK', 0);
  }
}

export const session = new SessionStore();
