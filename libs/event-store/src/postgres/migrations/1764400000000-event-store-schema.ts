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
      CREATE TABLE event_store.streams (
        stream_id text PRIMARY KEY,
        version bigint NOT NULL,
        head_hash bytea NOT NULL
      )`);
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA event_store CASCADE`);
  }
}

/**
 * One call appends a batch: claims the command id (a repeat returns the first result), locks the
 * stream row, checks the expected version, extends the stream's hash chain and inserts the events.
 * A wrong version raises SQLSTATE LE409 with the actual version in DETAIL; nothing is written.
 */
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
  INSERT INTO event_store.commands (command_id, stream_id, first_version, last_version)
  VALUES (p_command_id, p_stream_id, 0, 0)
  ON CONFLICT (command_id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT c.first_version, c.last_version, true
      FROM event_store.commands c WHERE c.command_id = p_command_id;
    RETURN;
  END IF;

  SELECT s.version, s.head_hash INTO v_version, v_hash
    FROM event_store.streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
  IF NOT FOUND THEN
    IF p_expected_kind = 'stream_exists' OR (p_expected_kind = 'exact' AND p_expected_version <> 0) THEN
      RAISE EXCEPTION USING ERRCODE = 'LE409', MESSAGE = 'wrong expected version', DETAIL = 'none';
    END IF;
    INSERT INTO event_store.streams (stream_id, version, head_hash)
    VALUES (p_stream_id, 0, decode(repeat('00', 32), 'hex'))
    ON CONFLICT (stream_id) DO NOTHING;
    IF FOUND THEN
      v_version := 0;
      v_hash := decode(repeat('00', 32), 'hex');
    ELSE
      -- Another writer created the stream in the meantime: it now exists and is locked by us below.
      SELECT s.version, s.head_hash INTO v_version, v_hash
        FROM event_store.streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
      IF p_expected_kind IN ('no_stream', 'exact') THEN
        RAISE EXCEPTION USING ERRCODE = 'LE409', MESSAGE = 'wrong expected version', DETAIL = v_version::text;
      END IF;
    END IF;
  ELSIF p_expected_kind = 'no_stream' OR (p_expected_kind = 'exact' AND p_expected_version <> v_version) THEN
    RAISE EXCEPTION USING ERRCODE = 'LE409', MESSAGE = 'wrong expected version', DETAIL = v_version::text;
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

  UPDATE event_store.streams SET version = v_version + v_count, head_hash = v_hash
    WHERE stream_id = p_stream_id;
  UPDATE event_store.commands SET first_version = v_version + 1, last_version = v_version + v_count
    WHERE command_id = p_command_id;
  RETURN QUERY SELECT v_version + 1, v_version + v_count, false;
END
$fn$`;
