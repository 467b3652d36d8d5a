/** Who is logged in: the bearer token and role from POST /auth/login, kept for this tab only. */
export type Role = 'secretariat' | 'board' | 'auditor' | 'admin';

export interface Session {
  token: string;
  role: Role;
  username: string;
  expiresAt: number;
}

const KEY = 'ledger.session';
let session: Session | null = read();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Session;
    return value.expiresAt > Date.now() ? value : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  if (session && session.expiresAt <= Date.now()) session = null;
  return session;
}

export function startSession(next: Session): void {
  session = next;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage unavailable: the session lasts until the page is reloaded
  }
}

export function endSession(): void {
  session = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

/** What each role may see and do (the API enforces the same; this only hides what would fail). */
export const can = {
  read: (role: Role | undefined) =>
    role === 'secretariat' || role === 'board' || role === 'auditor',
  record: (role: Role | undefined) => role === 'secretariat',
};
