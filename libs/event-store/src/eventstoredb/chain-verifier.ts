import { ChainFault, ChainVerdict } from '../hash-chain/chain-verdict';
import { GENESIS, contentHash, globalLink, streamLink } from '../hash-chain/chain-links';
import { UnknownEventTypeError } from '../port/event-store.errors';
import { EventTypeRegistry } from '../registry/event-type-registry';
import { ScanItem } from './all-reader';
import { SealRecord } from './global-chain-ledger';

export const MAX_FAULTS = 50;

interface StreamState {
  version: number;
  /** The link recomputed from the stored content. */
  recomputed: Buffer;
  /** The link the last event says it has. */
  stored: Buffer;
}

/**
 * Recomputes everything from what EventStoreDB returns, fed in global order: each stream's
 * versions and links, every type against the registry, and the global chain against the seals.
 * Pure: the store feeds it events from $all and seals from the global-chain stream.
 */
export class ChainVerifier {
  private readonly faults: ChainFault[] = [];
  private readonly streams = new Map<string, StreamState>();
  private eventsChecked = 0;
  private lastPosition = 0;
  private global: Buffer | null = null;
  /** Sealed [position, hash] entries not yet matched with an event. */
  private readonly sealed: Array<[number, string]> = [];
  private sealedThrough = 0;
  private sealedHash: string | null = null;
  private sealedCount = 0;

  constructor(private readonly registry: EventTypeRegistry) {}

  /** True while the seals read so far reach the position (then the next event can be checked). */
  sealsReach(position: number): boolean {
    return this.sealedThrough >= position;
  }

  addSeal(record: SealRecord): void {
    if (record.seal === null) {
      this.fault({
        kind: 'global-chain-broken',
        detail: `seal ${record.revision} is unreadable: ${record.problem}`,
      });
      return;
    }
    const seal = record.seal;
    if (seal.previousPosition !== this.sealedThrough || seal.previousHash !== this.sealedHash) {
      this.fault({
        kind: 'global-chain-broken',
        globalPosition: seal.previousPosition,
        detail:
          `seal ${record.revision} follows position ${seal.previousPosition} (hash ${seal.previousHash}), ` +
          `but the seals before it end at ${this.sealedThrough} (hash ${this.sealedHash})`,
      });
    }
    if (seal.count !== this.sealedCount + seal.entries.length) {
      this.fault({
        kind: 'global-chain-broken',
        detail: `seal ${record.revision} counts ${seal.count} events, the seals hold ${this.sealedCount + seal.entries.length}`,
      });
    }
    this.sealed.push(...seal.entries);
    this.sealedThrough = seal.lastPosition;
    this.sealedHash = seal.lastGlobalHash;
    this.sealedCount = seal.count;
  }

  addEvent(item: ScanItem): void {
    const position = Number(item.position.commit);
    this.eventsChecked++;
    this.lastPosition = position;
    if (item.kind === 'unreadable') {
      this.fault({
        kind: 'unreadable-event',
        streamId: item.streamId,
        streamVersion: Number(item.revision) + 1,
        globalPosition: position,
        detail: `no ledger envelope: ${item.reason}`,
      });
      return;
    }
    const event = item.stored.recorded;
    const base = {
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: position,
      eventId: event.eventId,
    };
    this.checkType(base, event.type, event.schemaVersion, event.data);
    const stored = Buffer.from(event.streamHash, 'hex');
    this.checkStream(base, item, stored);
    this.checkGlobal(base, position, stored);
  }

  verdict(): ChainVerdict {
    for (const [position] of this.sealed.splice(0)) {
      this.fault({
        kind: 'global-position-gap',
        globalPosition: position,
        detail: `the global chain seals an event at position ${position} that is no longer in the log`,
      });
    }
    return {
      ok: this.faults.length === 0,
      eventsChecked: this.eventsChecked,
      streamsChecked: this.streams.size,
      lastGlobalPosition: this.lastPosition,
      lastGlobalHash: this.global ? this.global.toString('hex') : null,
      faults: this.faults,
    };
  }

  private checkType(
    base: Partial<ChainFault>,
    type: string,
    schemaVersion: number,
    data: unknown,
  ): void {
    try {
      this.registry.upcast(type, schemaVersion, data);
    } catch (error) {
      this.fault({
        ...base,
        kind: error instanceof UnknownEventTypeError ? 'unknown-event-type' : 'unreadable-event',
        detail: (error as Error).message,
      });
    }
  }

  private checkStream(
    base: Partial<ChainFault> & { streamId: string; streamVersion: number },
    item: ScanItem & { kind: 'event' },
    stored: Buffer,
  ): void {
    const { recorded, claimedVersion } = item.stored;
    const state = this.streams.get(base.streamId);
    const expectedVersion = (state?.version ?? 0) + 1;
    if (recorded.streamVersion !== expectedVersion || claimedVersion !== recorded.streamVersion) {
      this.fault({
        ...base,
        kind: 'stream-version-gap',
        detail:
          `expected version ${expectedVersion}, found revision ${recorded.streamVersion - 1} ` +
          `(version ${recorded.streamVersion}) whose envelope says version ${claimedVersion}`,
      });
    }
    const content = contentHash(recorded);
    const recomputed = streamLink(state?.recomputed ?? GENESIS, recorded.streamVersion, content);
    if (!recomputed.equals(stored)) {
      const fromStored = streamLink(state?.stored ?? GENESIS, recorded.streamVersion, content);
      this.fault(
        fromStored.equals(stored)
          ? {
              ...base,
              kind: 'stream-chain-broken',
              detail: `the link does not follow from the events before it (stored ${stored.toString('hex')}, recomputed ${recomputed.toString('hex')})`,
            }
          : {
              ...base,
              kind: 'content-changed',
              detail: `the stored content does not give the stored link (stored ${stored.toString('hex')}, recomputed ${recomputed.toString('hex')})`,
            },
      );
    }
    this.streams.set(base.streamId, { version: recorded.streamVersion, recomputed, stored });
  }

  private checkGlobal(base: Partial<ChainFault>, position: number, streamHash: Buffer): void {
    this.global = globalLink(this.global ?? GENESIS, position, streamHash);
    while (this.sealed.length > 0 && this.sealed[0][0] < position) {
      const [missing] = this.sealed.shift()!;
      this.fault({
        kind: 'global-position-gap',
        globalPosition: missing,
        detail: `the global chain seals an event at position ${missing} that is no longer in the log`,
      });
    }
    if (position > this.sealedThrough) return; // not sealed yet: the tail
    const entry = this.sealed[0];
    if (!entry || entry[0] !== position) {
      this.fault({
        ...base,
        kind: 'global-chain-broken',
        detail: `an event at position ${position} is in the log but not in the sealed global chain`,
      });
      return;
    }
    this.sealed.shift();
    if (entry[1] !== this.global.toString('hex')) {
      this.fault({
        ...base,
        kind: 'global-chain-broken',
        detail: `sealed global link ${entry[1]}, recomputed ${this.global.toString('hex')}`,
      });
      // Go on from the sealed link so one break is reported once.
      this.global = Buffer.from(entry[1], 'hex');
    }
  }

  private fault(fault: ChainFault): void {
    if (this.faults.length < MAX_FAULTS) this.faults.push(fault);
  }
}
