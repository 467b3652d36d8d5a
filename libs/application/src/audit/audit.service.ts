import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  ChainVerdict,
  EVENT_STORE,
  EventStore,
  EventTypeRegistry,
  isSignatureValid,
  RESILIENT_POOL_OPTIONS,
  SignedDigest,
  withPoolClient,
} from '@ledger/event-store';
import { DATABASE_URL, EVENT_TYPE_REGISTRY } from '@ledger/platform';
import { ledgerProjections, LIVE_READ_MODEL_SCHEMA, Projection } from '@ledger/read-models';
import { asOfFrom, AsOf } from '../queries/as-of';
import { GovernanceService } from '../queries/governance.service';
import { PartnersService } from '../queries/partners.service';
import { ProgressService } from '../queries/progress.service';
import { AuditInputError, parseMomentInput } from './audit-input';
import { EventFilter, EventLog, ExportSummary, filterText, FilterText } from './event-log';
import { compareReadModels, RowDifference, TableComparison } from './read-model-comparison';
import { replayInto, ReplayFailedError, withScratchSchema } from './scratch-replay';

export interface ReadModelVerdict {
  ok: boolean;
  /** The live checkpoint of each projection: the replay went exactly that far. */
  comparedUpTo: Record<string, number>;
  tables: TableComparison[];
  /** The first differing row of each table that differs, in primary-key order. */
  differences: RowDifference[];
  replayError: string | null;
}

export interface AuditVerdict {
  ok: boolean;
  /** One line: OK or FAILED, and the first thing at fault. */
  verdict: string;
  checkedAt: string;
  seconds: number;
  chain: ChainVerdict;
  readModels: ReadModelVerdict;
  digest?: DigestCheck;
}

/** What `cli export --digest` writes: the export described, and the whole log's signed digest. */
export interface ExportDigest extends ExportSummary {
  kind: 'ledger-export-digest';
  filters: FilterText;
  /** The export covers sealed events up to here: the signed digest's lastPosition. */
  upToPosition: number;
  signed: SignedDigest;
}

export interface DigestCheck {
  ok: boolean;
  signatureValid: boolean;
  /** Whether this ledger's own key signed it (null when this ledger has no signing key). */
  signedByThisLedger: boolean | null;
  count: number;
  lastPosition: number;
  lastGlobalHash: string | null;
  createdAt: string;
  problems: string[];
}

export interface ProgressCallback {
  (position: number, head: number): void;
}

const HEX64 = /^[0-9a-f]{64}$/;
const MAX_SETTLE_ATTEMPTS = 10;

/**
 * The auditor's toolkit, shared by the CLI and the /audit endpoints: verify (hash chains and read
 * models against a fresh replay), signed digests, replays to a date, the log as stored, reports.
 * Never writes the event log or the live read models; replays go to a scratch schema that is
 * dropped afterwards.
 */
@Injectable()
export class AuditService implements OnModuleDestroy {
  readonly pool: Pool;
  readonly log: EventLog;

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @InjectDataSource() readonly dataSource: DataSource,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(EVENT_TYPE_REGISTRY) readonly registry: EventTypeRegistry,
  ) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 4,
      application_name: 'ledger-audit',
      ...RESILIENT_POOL_OPTIONS,
    });
    this.pool.on('error', () => undefined);
    this.log = new EventLog(this.pool, registry);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  /** Query services reading the given schema (live, or a scratch replay). */
  queries(schema = LIVE_READ_MODEL_SCHEMA) {
    return {
      progress: new ProgressService(this.dataSource, schema),
      governance: new GovernanceService(this.dataSource, schema),
      partners: new PartnersService(this.dataSource, schema),
    };
  }

  /** Hash chains, versions, types, and every read model equal to a fresh replay. */
  async verify(onProgress?: ProgressCallback): Promise<AuditVerdict> {
    const started = Date.now();
    const projections = ledgerProjections();
    // Both read the whole log; the chain check hashes in this process while PostgreSQL applies the
    // replay, so on two cores they overlap.
    const [chain, readModels] = await Promise.all([
      this.store.verify(),
      this.verifyReadModels(projections, onProgress),
    ]);
    const ok = chain.ok && readModels.ok;
    return {
      ok,
      verdict: verdictLine(chain, readModels),
      checkedAt: new Date().toISOString(),
      seconds: (Date.now() - started) / 1000,
      chain,
      readModels,
    };
  }

  /**
   * Replays the log into a scratch schema up to the live checkpoints, then compares, in one
   * snapshot in which the checkpoints are what the replay went to. A projector that moves meanwhile
   * only makes the replay continue to its new checkpoints.
   */
  async verifyReadModels(
    projections: Projection[],
    onProgress?: ProgressCallback,
  ): Promise<ReadModelVerdict> {
    return withScratchSchema(this.pool, projections, async (scratch) => {
      let from = new Map<string, number>();
      for (let attempt = 1; attempt <= MAX_SETTLE_ATTEMPTS; attempt++) {
        const targets = await this.checkpoints(projections);
        try {
          from = (
            await replayInto(this.store, this.pool, projections, scratch, {
              until: targets,
              from,
              onProgress,
            })
          ).positions;
        } catch (error) {
          if (!(error instanceof ReplayFailedError)) throw error;
          return {
            ok: false,
            comparedUpTo: Object.fromEntries(targets),
            tables: [],
            differences: [],
            replayError: error.message,
          };
        }
        const compared = await withPoolClient(this.pool, async (client) => {
          await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          const now = await this.checkpoints(projections, client);
          if ([...now].some(([name, position]) => targets.get(name) !== position)) {
            await client.query('ROLLBACK');
            return null; // the projector moved meanwhile: replay further and compare again
          }
          const { tables, differences } = await compareReadModels(
            client,
            projections,
            LIVE_READ_MODEL_SCHEMA,
            scratch,
          );
          await client.query('COMMIT');
          return {
            ok: differences.length === 0,
            comparedUpTo: Object.fromEntries(targets),
            tables,
            differences,
            replayError: null,
          };
        });
        if (compared) return compared;
      }
      throw new Error(
        `the live read models moved ${MAX_SETTLE_ATTEMPTS} times during the comparison; run verify again when the ledger is quieter`,
      );
    });
  }

  private async checkpoints(
    projections: Projection[],
    client: Pick<Pool, 'query'> = this.pool,
  ): Promise<Map<string, number>> {
    const rows = (
      await client.query<{ projection: string; position: string }>(
        `SELECT projection, position FROM ${LIVE_READ_MODEL_SCHEMA}.projection_checkpoint WHERE projection = ANY($1)`,
        [projections.map((p) => p.name)],
      )
    ).rows;
    const found = new Map(rows.map((r) => [r.projection, Number(r.position)]));
    return new Map(projections.map((p) => [p.name, found.get(p.name) ?? 0]));
  }

  /** A signed digest of the whole log (count, last position and chain hash), from the store's key. */
  signedDigest(): Promise<SignedDigest> {
    return this.store.signedDigest();
  }

  /**
   * Exports the filtered log up to the head as it is now; returns the digest of what was written.
   */
  async export(
    filter: EventFilter,
    write: (chunk: string) => void | Promise<void>,
  ): Promise<ExportDigest> {
    const signed = await this.store.signedDigest();
    const summary = await this.log.export(filter, signed.lastPosition, write);
    return {
      kind: 'ledger-export-digest',
      ...summary,
      filters: filterText(filter),
      upToPosition: signed.lastPosition,
      signed,
    };
  }

  /** Reads a digest file's JSON (a signed digest, or an export digest); refuses what is not one. */
  parseDigest(text: string): SignedDigest | ExportDigest {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new AuditInputError('digest', `is not JSON (${(error as Error).message})`);
    }
    const candidate = parsed as Partial<ExportDigest> & Partial<SignedDigest>;
    const signed = (candidate?.kind === 'ledger-export-digest' ? candidate.signed : candidate) as
      Partial<SignedDigest> | undefined;
    const problems: string[] = [];
    if (!signed || typeof signed !== 'object') problems.push('has no signed digest');
    else {
      if (!Number.isSafeInteger(signed.count) || signed.count! < 0)
        problems.push('count must be a whole number');
      if (!Number.isSafeInteger(signed.lastPosition) || signed.lastPosition! < 0)
        problems.push('lastPosition must be a whole number');
      if (signed.lastGlobalHash !== null && !HEX64.test(String(signed.lastGlobalHash)))
        problems.push('lastGlobalHash must be 64 hex digits or null');
      if (typeof signed.createdAt !== 'string') problems.push('createdAt is missing');
      if (signed.algorithm !== 'Ed25519') problems.push('algorithm must be Ed25519');
      if (typeof signed.signature !== 'string' || typeof signed.publicKey !== 'string')
        problems.push('signature and publicKey are required');
    }
    if (problems.length) {
      throw new AuditInputError('digest', `is not a digest of a ledger: ${problems.join('; ')}`);
    }
    return parsed as SignedDigest | ExportDigest;
  }

  /**
   * Checks a digest handed out earlier: its signature, and that the log still holds exactly its
   * count of events up to its position with its chain hash there (so, the chain being intact, no
   * event up to there changed). For an export digest, also that the same export gives the same
   * bytes.
   */
  async checkDigest(digest: SignedDigest | ExportDigest): Promise<DigestCheck> {
    const exported =
      (digest as ExportDigest).kind === 'ledger-export-digest' ? (digest as ExportDigest) : null;
    const signed = exported ? exported.signed : (digest as SignedDigest);
    const problems: string[] = [];
    let signatureValid = false;
    try {
      signatureValid = isSignatureValid(signed);
    } catch {
      signatureValid = false;
    }
    if (!signatureValid) {
      problems.push(
        'the signature does not cover these digest fields: the digest was altered, or not signed by a ledger key',
      );
    }
    let signedByThisLedger: boolean | null = null;
    try {
      const own = await this.store.signedDigest();
      signedByThisLedger = own.publicKey.trim() === signed.publicKey.trim();
    } catch {
      signedByThisLedger = null;
    }
    if (signedByThisLedger === false) {
      problems.push("the digest was signed with another key than this ledger's signing key");
    }
    const [row] = (
      await this.pool.query<{ head: string; count: string; hash: Buffer | null }>(
        `SELECT (SELECT position FROM event_store.seal_head) AS head,
                (SELECT count(*) FROM event_store.events WHERE global_position BETWEEN 1 AND $1) AS count,
                (SELECT global_hash FROM event_store.events WHERE global_position = $1) AS hash`,
        [signed.lastPosition],
      )
    ).rows;
    const head = Number(row.head);
    const count = Number(row.count);
    const hash = row.hash?.toString('hex') ?? null;
    if (head < signed.lastPosition) {
      problems.push(
        `the log ends at position ${head}, before the digest's position ${signed.lastPosition}: this digest is from another log, or events were removed`,
      );
    } else if (hash !== signed.lastGlobalHash) {
      problems.push(
        `at position ${signed.lastPosition} the log's chain hash is ${short(hash)}, the digest says ${short(signed.lastGlobalHash)}: this digest is from another log, or the log up to there was changed since`,
      );
    }
    if (count !== signed.count) {
      problems.push(
        `the log holds ${count} events up to position ${signed.lastPosition}, the digest says ${signed.count}`,
      );
    }
    if (exported && problems.length === 0) {
      problems.push(...(await this.checkExport(exported)));
    }
    return {
      ok: problems.length === 0,
      signatureValid,
      signedByThisLedger,
      count: signed.count,
      lastPosition: signed.lastPosition,
      lastGlobalHash: signed.lastGlobalHash,
      createdAt: signed.createdAt,
      problems,
    };
  }

  private async checkExport(exported: ExportDigest): Promise<string[]> {
    const f = exported.filters ?? ({} as FilterText);
    let filter: EventFilter;
    try {
      filter = await this.log.filter({
        stream: f.stream ?? undefined,
        type: f.type ?? undefined,
        actor: f.actor ?? undefined,
        from: f.from ?? undefined,
        to: f.to ?? undefined,
        clock: f.clock ?? undefined,
      });
    } catch (error) {
      return [`the export's filters no longer select anything valid: ${(error as Error).message}`];
    }
    if (exported.upToPosition !== exported.signed.lastPosition) {
      return ['the export digest covers another position than its signed digest'];
    }
    const again = await this.log.export(filter, exported.upToPosition, () => undefined);
    const problems: string[] = [];
    for (const field of [
      'count',
      'firstPosition',
      'lastPosition',
      'lastGlobalHash',
      'sha256',
    ] as const) {
      if (again[field] !== exported[field]) {
        problems.push(
          `the same export today gives ${field} ${JSON.stringify(again[field])}, the digest says ${JSON.stringify(exported[field])}`,
        );
      }
    }
    return problems;
  }

  /** Builds the AsOf of the query services from checked input. */
  asOf(asOf: string | undefined, knownOn: string | undefined, fields = ['asOf', 'knownOn']): AsOf {
    if (asOf !== undefined) parseMomentInput(fields[0], asOf);
    if (knownOn !== undefined) parseMomentInput(fields[1], knownOn);
    return asOfFrom({ asOf, knownOn });
  }

  /**
   * The reports as they stood: the events recorded by the knowledge date replayed into a scratch
   * schema, then progress, the bodies and the partners read from it as of the world date. The live
   * read models are not touched; the scratch schema is dropped at the end.
   */
  async replayReport(until: string, asKnownOn: string | undefined, onProgress?: ProgressCallback) {
    const at = this.asOf(until, asKnownOn, ['--until', '--as-known-on']);
    const projections = ledgerProjections();
    const head = await this.store.headPosition();
    return withScratchSchema(this.pool, projections, async (scratch) => {
      const knownBefore = at.knownBefore.getTime();
      const result = await replayInto(this.store, this.pool, projections, scratch, {
        until: head,
        include: (event) => Date.parse(event.recordedAt) < knownBefore,
        onProgress,
      });
      const q = this.queries(scratch);
      const [progress, composition, partners] = await Promise.all([
        q.progress.progress(at),
        q.governance.composition(at),
        this.partnersAsOf(scratch, q.partners, at),
      ]);
      return {
        asOf: at.asOf,
        knownOn: at.knownOn,
        replay: {
          logHead: head,
          eventsRead: result.eventsRead,
          note: 'events recorded before knownOn were replayed into a scratch schema (dropped afterwards); reports read as of asOf',
        },
        progress,
        composition,
        partners,
      };
    });
  }

  /**
   * The partners as they stood on the world date: joined by then, with the name and status their
   * history gives on that date (the partner table holds only the latest).
   */
  private async partnersAsOf(
    schema: string,
    partners: PartnersService,
    at: AsOf,
  ): Promise<Array<Record<string, unknown> & { partnerId: string; name: string; status: string }>> {
    const list: Array<Record<string, unknown> & { partnerId: string }> = await partners.list({});
    const histories = await this.dataSource.query(
      `SELECT partner_id AS "partnerId", history FROM ${schema}.partner`,
    );
    const byId = new Map<string, Array<Record<string, string>>>(
      histories.map((h: { partnerId: string; history: Array<Record<string, string>> }) => [
        h.partnerId,
        h.history,
      ]),
    );
    const before = at.worldBefore.getTime();
    return list.flatMap((partner) => {
      let status: string | null = null;
      let name = partner.name as string;
      let joinedAt: string | null = null;
      for (const change of byId.get(partner.partnerId) ?? []) {
        if (Date.parse(change.occurredAt) >= before) continue;
        if (change.kind === 'PartnerJoined' || change.kind === 'PartnerRejoined') {
          status = 'member';
          joinedAt ??= change.occurredAt;
        } else if (change.kind === 'PartnerLeft') status = 'left';
        else if (change.kind === 'PartnerRenamed' && change.to) name = change.to;
      }
      if (status === null) return [];
      return [{ ...partner, name, status, firstJoinedAt: joinedAt }];
    });
  }
}

function short(hash: string | null | undefined): string {
  return hash ? `${hash.slice(0, 16)}…` : 'none';
}

function verdictLine(chain: ChainVerdict, readModels: ReadModelVerdict): string {
  if (chain.ok && readModels.ok) {
    const upTo = Math.max(0, ...Object.values(readModels.comparedUpTo));
    return (
      `OK: ${chain.eventsChecked} events in ${chain.streamsChecked} streams, hash chains intact up to position ${chain.lastGlobalPosition}; ` +
      `${readModels.tables.length} read-model tables equal a fresh replay up to position ${upTo}`
    );
  }
  const parts: string[] = [];
  if (!chain.ok) {
    const f = chain.faults[0];
    const where = [
      f.streamId ? `stream ${f.streamId}` : null,
      f.streamVersion !== undefined ? `version ${f.streamVersion}` : null,
      f.globalPosition !== undefined && f.globalPosition !== null
        ? `global position ${f.globalPosition}`
        : null,
    ]
      .filter(Boolean)
      .join(', ');
    parts.push(
      `${chain.faults.length}${chain.faults.length >= 20 ? '+' : ''} fault(s) in the log; first: ${f.kind} at ${where}: ${f.detail}`,
    );
  }
  if (readModels.replayError) parts.push(`the replay failed: ${readModels.replayError}`);
  else if (!readModels.ok) {
    parts.push(
      `${readModels.differences.length} read-model table(s) differ from a fresh replay; first: ${readModels.differences[0].detail}`,
    );
  }
  return `FAILED: ${parts.join(' | ')}`;
}
