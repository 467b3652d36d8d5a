import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log on PostgreSQL. See docs/architecture.md, "The event store on PostgreSQL":
 * - events are appended by event_store.append(), one round trip, atomic per call;
 * - each row is stamped with its writing transaction (xid8); a single sealer later gives committed
 *   rows a dense global position and the global hash link, taking only rows whose transaction is
 *   older than every transaction still running, so a slow writer is waited for, never skipped;
 * - readers of the global order read sealed rows only.
 */
export class EventStoreSchema1764400000000 implements MigrationInterface {
  name = 'EventStoreSchema1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await q.query(`
      CREATE TABLE event_store.events (
        write_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        global_position bigint,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        command_id text NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        stream_hash bytea NOT NULL,
        global_hash bytea,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await q.query(`CREATE UNIQUE INDEX events_event_id ON event_store.events (event_id)`);
    await q.query(
      `CREATE UNIQUE INDEX events_global_position ON event_store.events (global_position) WHERE global_position IS NOT NULL`,
    );
    // The sealer's work queue: small, because rows leave it as soon as they are sealed.
    await q.query(
      `CREATE INDEX events_unsealed ON event_store.events (transaction_id, write_id) WHERE global_position IS NULL`,
    );
    await q.query(`
      CREATE TABLE event_store.commands (
        command_id text PRIMARY KEY,
        stream_id text NOT NULL,
        first_version bigint NOT NULL,
        last_version bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE event_store.seal_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position bigint NOT NULL,
        hash bytea NOT NULL
      )`);
    await q.query(
      `INSERT INTO event_store.seal_head (position, hash) VALUES (0, decode(repeat('00', 32), 'hex'))`,
    );
    await q.query(APPEND_FUNCTION);
    await q.query(SEAL_FUNCTION);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA event_store CASCADE`);
  }
}

/**
 * One call appends a batch, atomically: a command id seen before returns its first result; the
 * stream's head (last version and hash link) is read from its last event; a wrong expected version
 * raises SQLSTATE LE409 with the actual version in DETAIL; the events extend the stream's hash chain.
 * Two writers racing for the same version meet at the unique (stream_id, stream_version) index: the
 * second gets a unique violation (23505), which the adapter turns into a concurrency error (or, for
 * the same command id, into the first result). No stream row is locked or updated, so writers to
 * different streams never wait for each other.
 */
/** Held shared by every running append: "LEDG", 1. */
const APPENDER_LOCK = [1279607879, 1] as const;

const APPEND_FUNCTION = `
CREATE FUNCTION event_store.append(
  p_stream_id text,
  p_expected_kind text,
  p_expected_version bigint,
  p_command_id text,
  p_event_ids uuid[],
  p_types text[],
  p_schema_versions integer[],
  p_data jsonb[],
  p_occurred_at timestamptz[],
  p_recorded_at timestamptz,
  p_actor_id text,
  p_actor_role text,
  p_correlation_id text,
  p_causation_id text,
  p_content_hashes bytea[]
) RETURNS TABLE (first_version bigint, last_version bigint, duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_version bigint;
  v_hash bytea;
  v_count integer := cardinality(p_types);
  v_hashes bytea[] := '{}';
  i integer;
BEGIN
  -- Announces a running append to the sealer before this transaction has an id (see seal()).
  PERFORM pg_advisory_xact_lock_shared(${APPENDER_LOCK[0]}, ${APPENDER_LOCK[1]});
  RETURN QUERY SELECT c.first_version, c.last_version, true
    FROM event_store.commands c WHERE c.command_id = p_command_id;
  IF FOUND THEN
    RETURN;
  END IF;

  SELECT e.stream_version, e.stream_hash INTO v_version, v_hash
    FROM event_store.events e WHERE e.stream_id = p_stream_id
    ORDER BY e.stream_version DESC LIMIT 1;
  IF NOT FOUND THEN
    v_version := 0;
    v_hash := decode(repeat('00', 32), 'hex');
  END IF;
  IF (p_expected_kind = 'no_stream' AND v_version <> 0)
     OR (p_expected_kind = 'stream_exists' AND v_version = 0)
     OR (p_expected_kind = 'exact' AND p_expected_version <> v_version) THEN
    RAISE EXCEPTION USING ERRCODE = 'LE409', MESSAGE = 'wrong expected version',
      DETAIL = CASE WHEN v_version = 0 THEN 'none' ELSE v_version::text END;
  END IF;

  FOR i IN 1..v_count LOOP
    v_hash := sha256(v_hash || int8send(v_version + i) || p_content_hashes[i]);
    v_hashes := v_hashes || v_hash;
  END LOOP;

  INSERT INTO event_store.events (
    event_id, stream_id, stream_version, type, schema_version, data, occurred_at, recorded_at,
    actor_id, actor_role, command_id, correlation_id, causation_id, stream_hash)
  SELECT e.event_id, p_stream_id, v_version + e.n, e.type, e.schema_version, e.data, e.occurred_at,
    p_recorded_at, p_actor_id, p_actor_role, p_command_id, p_correlation_id, p_causation_id, e.stream_hash
  FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_occurred_at, v_hashes)
    WITH ORDINALITY AS e(event_id, type, schema_version, data, occurred_at, stream_hash, n);

  INSERT INTO event_store.commands (command_id, stream_id, first_version, last_version)
  VALUES (p_command_id, p_stream_id, v_version + 1, v_version + v_count);
  RETURN QUERY SELECT v_version + 1, v_version + v_count, false;
END
$fn$`;

/**
 * Seals up to p_limit committed events into the global order and chain; returns how many.
 *
 * Which rows are safe to seal: every append holds a shared advisory lock (APPENDER_LOCK) from its
 * first statement, before it has a transaction id. The sealer first notes the appenders still
 * running (their transaction ids, from pg_locks) and its snapshot's xmax; the bound is the oldest
 * running appender, or xmax when there is none. Every event row below the bound belongs to a
 * transaction that had finished before that moment, so the candidate query (a later statement,
 * a later snapshot) sees all of them: nothing below the bound can ever commit afterwards. A slow
 * appender is therefore waited for, never skipped, and no timer ever gives up on it; unlike
 * pg_snapshot_xmin alone, transactions that do not append (read-model batches, other databases
 * on the same server) do not hold sealing back.
 *
 * The advisory lock makes one sealer at a time (any process). Rows are sealed in (transaction,
 * write order); the set sealed is always a prefix of that order, so a seal lost in a crash is
 * redone identically.
 */
const SEAL_FUNCTION = `
CREATE FUNCTION event_store.seal(p_limit integer) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  v_position bigint;
  v_hash bytea;
  v_bound xid8;
  v_write_ids bigint[] := '{}';
  v_positions bigint[] := '{}';
  v_hashes bytea[] := '{}';
  r record;
BEGIN
  PERFORM pg_advisory_xact_lock(5494875473214612293);
  WITH snapshot AS (SELECT pg_current_snapshot() AS s),
       appenders AS (
         SELECT t.transactionid::text::bigint AS xid32
           FROM pg_locks a
           JOIN pg_locks t ON t.pid = a.pid AND t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock'
          WHERE a.locktype = 'advisory' AND a.classid = ${APPENDER_LOCK[0]} AND a.objid = ${APPENDER_LOCK[1]} AND a.objsubid = 2)
  SELECT coalesce(
           (SELECT min(x) FROM snapshot, pg_snapshot_xip(snapshot.s) AS x
             WHERE (x::text::numeric % 4294967296)::bigint IN (SELECT xid32 FROM appenders)),
           (SELECT pg_snapshot_xmax(s) FROM snapshot))
    INTO v_bound;
  SELECT h.position, h.hash INTO v_position, v_hash FROM event_store.seal_head h;
  FOR r IN
    SELECT e.write_id, e.stream_hash FROM event_store.events e
     WHERE e.global_position IS NULL AND e.transaction_id < v_bound
     ORDER BY e.transaction_id, e.write_id
     LIMIT p_limit
  LOOP
    v_position := v_position + 1;
    v_hash := sha256(v_hash || int8send(v_position) || r.stream_hash);
    v_write_ids := v_write_ids || r.write_id;
    v_positions := v_positions || v_position;
    v_hashes := v_hashes || v_hash;
  END LOOP;
  IF cardinality(v_write_ids) = 0 THEN
    RETURN 0;
  END IF;
  UPDATE event_store.events e SET global_position = s.position, global_hash = s.hash
    FROM unnest(v_write_ids, v_positions, v_hashes) AS s(write_id, position, hash)
   WHERE e.write_id = s.write_id;
  UPDATE event_store.seal_head SET position = v_position, hash = v_hash;
  PERFORM pg_notify('event_store_sealed', v_position::text);
  RETURN cardinality(v_write_ids);
END
$fn$`;
