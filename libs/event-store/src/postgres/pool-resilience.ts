import { Client } from 'pg';
import type { ClientBase, ClientConfig, Pool, PoolClient, PoolConfig } from 'pg';

/** How long a connection attempt may take before it fails (and the request is answered 503). */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A pg Client whose connection attempt gives up after CONNECT_TIMEOUT_MS, for the pools. Not the
 * pools' own connectionTimeoutMillis: pg-pool applies that to the wait for a free connection as
 * well, which would turn a queue of slow questions (the history pool's, an audit's) into errors.
 */
class BoundedConnectClient extends Client {
  constructor(config?: string | ClientConfig) {
    const options = typeof config === 'string' ? { connectionString: config } : (config ?? {});
    super({
      ...options,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? CONNECT_TIMEOUT_MS,
    });
  }
}

/**
 * Options every pg pool of the ledger is made with, so that a server that dies or vanishes fails
 * requests instead of crashing the process or holding requests for minutes:
 * - every new client gets an error listener for its whole life. pg-pool takes its own listener
 *   off a client when it hands it out, and the caller can only add one a moment later (a promise
 *   resolves on the next microtask; TypeORM's query runner adds its own even later): an error
 *   that arrives in that gap — seen when the server died just as a connection was made, its
 *   last "ready" and its "terminating connection" in one read — had no listener, and node ended
 *   the process. The error still reaches the query, the pool or `withPoolClient` as before.
 * - a connection attempt gives up after 10 s (the request is answered 503) instead of waiting
 *   for the operating system's TCP timeout when packets are dropped;
 * - TCP keepalive, so a connection to a peer that vanished without closing it is noticed.
 */
export const RESILIENT_POOL_OPTIONS = {
  Client: BoundedConnectClient,
  keepAlive: true,
  onConnect: (client: ClientBase) => {
    client.on('error', () => undefined);
  },
} satisfies PoolConfig;

/**
 * Runs `work` on a client checked out of `pool` and gives it back in the state it is in: a
 * client whose connection failed while it was out (an error emitted between two queries, when
 * the server dies, fails over or the network drops), or whose work threw (a transaction possibly
 * left open or aborted), goes back with the error, so the pool discards it instead of handing a
 * dead or half-way connection to the next caller. A client that worked is reused as usual.
 */
export async function withPoolClient<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken ??= error);
  client.on('error', onError);
  try {
    // Work that finished is kept even if the connection failed just after: it is done.
    return await work(client);
  } catch (error) {
    broken ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
