import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { USER_CHANGES_CHANNEL } from './migrations/1765000000002-user-changes';
import type { User } from './user.entity';

/** Users are few (the secretariat, the board, auditors); past this many, start again. */
const MOST_ENTRIES = 10_000;
/** How long to wait before listening again after the connection was lost. */
const RECONNECT_MS = 1_000;
/** Payloads of this cache's own heartbeat notifications (user ids are UUIDs). */
const PROBE_PREFIX = 'probe:';

export interface FollowOptions {
  /** How often to check that announcements still arrive (default 5 s). */
  heartbeatMs?: number;
  /** How long a check may take before the listener counts as lost (default 2 s). */
  probeTimeoutMs?: number;
}

/**
 * The active users the token check reads on every request, kept in memory while this process
 * hears every change to them: a trigger announces each change to auth.users at commit
 * (migrations/1765000000002-user-changes.ts), whichever process made it, and this forgets that
 * user. A disabled user or a changed password (a new token version, which the kept user carries)
 * is thus refused from the next request on, as without the cache — it saved a query and a
 * fifth of the server's time per request.
 *
 * Only while listening: before `follow` (the CLI never calls it), and from the moment the
 * listening connection fails until it is back, every lookup reads the database. A connection
 * can also fail silently (a network that drops without closing it; a pooler such as PgBouncer
 * in transaction mode, which does not pass notifications on): every few seconds the cache
 * announces a probe from another connection and must hear it, or it stops answering from
 * memory. A lookup that overlaps a change does not keep what it read (the generation moved on),
 * so a stale user is never cached; changes made through UsersService in this process are
 * forgotten before it returns.
 */
@Injectable()
export class ActiveUserCache implements OnModuleDestroy {
  private readonly log = new Logger('Auth');
  private readonly users = new Map<string, User | null>();
  private generation = 0;
  private listener?: Client;
  private listening = false;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private prober?: Pool;
  private awaitedProbe?: { payload: string; deadline: NodeJS.Timeout };

  /** The user from memory, or from `read` (kept when nothing changed meanwhile). */
  async lookup(id: string, read: () => Promise<User | undefined>): Promise<User | undefined> {
    if (!this.listening) return read();
    const known = this.users.get(id);
    if (known !== undefined) return known ?? undefined;
    const generation = this.generation;
    const user = await read();
    if (this.listening && generation === this.generation) {
      if (this.users.size >= MOST_ENTRIES) this.users.clear();
      this.users.set(id, user ?? null);
    }
    return user;
  }

  /** Forgets one user (or, without an id, everyone). */
  forget(id?: string): void {
    this.generation++;
    if (id) this.users.delete(id);
    else this.users.clear();
  }

  /**
   * Starts listening for changes on a connection of its own. Resolves once it listens, or once it
   * failed to (then lookups read the database, and it tries again every second).
   */
  async follow(connectionString: string, options: FollowOptions = {}): Promise<void> {
    const heartbeatMs = options.heartbeatMs ?? 5_000;
    const probeTimeoutMs = options.probeTimeoutMs ?? 2_000;
    if (!this.prober) {
      this.prober = new Pool({
        connectionString,
        max: 1,
        application_name: 'ledger user changes probe',
      });
      this.prober.on('error', () => undefined);
    }
    const listener = new Client({ connectionString, application_name: 'ledger user changes' });
    this.listener = listener;
    const lost = (reason: string) => {
      if (this.listener !== listener) return;
      this.stopListening();
      void listener.end().catch(() => undefined);
      if (this.closed) return;
      this.log.warn(`not hearing user changes (${reason}); reading users from the database`);
      this.retry = setTimeout(() => void this.follow(connectionString, options), RECONNECT_MS);
      this.retry.unref();
    };
    listener.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (!payload.startsWith(PROBE_PREFIX)) this.forget(payload || undefined);
      else if (this.awaitedProbe?.payload === payload) {
        clearTimeout(this.awaitedProbe.deadline);
        this.awaitedProbe = undefined;
      }
    });
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('connection ended'));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${USER_CHANGES_CHANNEL}`);
    } catch (error) {
      lost((error as Error).message);
      return;
    }
    if (this.listener !== listener) {
      await listener.end().catch(() => undefined); // closed meanwhile
      return;
    }
    // Whatever changed before this moment was not heard: start from nothing.
    this.forget();
    this.listening = true;
    this.heartbeat = setInterval(() => {
      if (this.listener !== listener || this.awaitedProbe) return;
      const payload = `${PROBE_PREFIX}${randomUUID()}`;
      const deadline = setTimeout(
        () => lost(`a probe was not heard within ${probeTimeoutMs} ms`),
        probeTimeoutMs,
      );
      deadline.unref();
      this.awaitedProbe = { payload, deadline };
      this.prober!.query('SELECT pg_notify($1, $2)', [USER_CHANGES_CHANNEL, payload]).catch(
        (error: Error) => lost(`could not send a probe: ${error.message}`),
      );
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** Whether lookups are answered from memory (for tests and health). */
  get isListening(): boolean {
    return this.listening;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const listener = this.listener;
    this.stopListening();
    await listener?.end().catch(() => undefined);
    await this.prober?.end().catch(() => undefined);
  }

  private stopListening(): void {
    this.listening = false;
    this.listener = undefined;
    clearInterval(this.heartbeat);
    if (this.awaitedProbe) clearTimeout(this.awaitedProbe.deadline);
    this.awaitedProbe = undefined;
    this.forget();
  }
}
