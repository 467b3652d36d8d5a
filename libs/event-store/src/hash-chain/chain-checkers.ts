import { ChainFault } from './chain-verdict';
import { contentHash, GENESIS, globalLink, streamLink } from './chain-links';
import { RecordedEvent } from '../port/event-envelope';
import { EventTypeRegistry } from '../registry/event-type-registry';

/**
 * Checks events fed in (stream, version) order: versions contiguous from 1, each stream link equal
 * to SHA-256(stored previous link ‖ version ‖ recomputed content hash), every type known and
 * readable. Comparing against the *stored* previous link names the one event that was changed,
 * instead of flagging every event after it.
 */
export class StreamChainChecker {
  private streamId: string | null = null;
  private expectedVersion = 1;
  private previous = GENESIS;
  streams = 0;
  events = 0;

  constructor(
    private readonly registry: EventTypeRegistry,
    private readonly report: (fault: ChainFault) => void,
  ) {}

  check(event: RecordedEvent): void {
    if (event.streamId !== this.streamId) {
      this.streamId = event.streamId;
      this.expectedVersion = 1;
      this.previous = GENESIS;
      this.streams += 1;
    }
    this.events += 1;
    const where = {
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition,
      eventId: event.eventId,
    };
    if (event.streamVersion !== this.expectedVersion) {
      this.report({
        kind: 'stream-version-gap',
        ...where,
        detail: `expected version ${this.expectedVersion} of ${event.streamId}, found ${event.streamVersion}: an event is missing or was inserted`,
      });
    }
    const stored = Buffer.from(event.streamHash, 'hex');
    const recomputed = streamLink(this.previous, event.streamVersion, contentHash(event));
    if (!recomputed.equals(stored)) {
      this.report({
        kind:
          event.streamVersion === this.expectedVersion ? 'content-changed' : 'stream-chain-broken',
        ...where,
        detail:
          event.streamVersion === this.expectedVersion
            ? `the stored content of ${event.streamId}@${event.streamVersion} (${event.type}) no longer matches its hash link ${event.streamHash.slice(0, 16)}…; recomputed ${recomputed.toString('hex').slice(0, 16)}…`
            : `the link of ${event.streamId}@${event.streamVersion} does not follow from the event before it`,
      });
    }
    try {
      this.registry.upcast(event.type, event.schemaVersion, event.data);
    } catch (error) {
      this.report({
        kind: 'unknown-event-type',
        ...where,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    this.previous = stored;
    this.expectedVersion = event.streamVersion + 1;
  }
}

/**
 * Checks events fed in global order: positions contiguous from 1 and each global link equal to
 * SHA-256(stored previous global link ‖ position ‖ stored stream link).
 */
export class GlobalChainChecker {
  private expectedPosition = 1;
  private previous = GENESIS;
  lastPosition = 0;
  lastHash: string | null = null;

  constructor(private readonly report: (fault: ChainFault) => void) {}

  check(
    event: Pick<
      RecordedEvent,
      'globalPosition' | 'globalHash' | 'streamHash' | 'streamId' | 'streamVersion' | 'eventId'
    >,
  ): void {
    const position = event.globalPosition ?? 0;
    const where = {
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: position,
      eventId: event.eventId,
    };
    if (position !== this.expectedPosition) {
      this.report({
        kind: 'global-position-gap',
        ...where,
        detail: `expected global position ${this.expectedPosition}, found ${position}: an event is missing or was moved`,
      });
    }
    const stored = Buffer.from(event.globalHash ?? '', 'hex');
    const recomputed = globalLink(this.previous, position, Buffer.from(event.streamHash, 'hex'));
    if (!recomputed.equals(stored)) {
      this.report({
        kind: 'global-chain-broken',
        ...where,
        detail: `the global link at position ${position} (${event.streamId}@${event.streamVersion}) does not follow from position ${position - 1}: events were reordered, removed or changed`,
      });
    }
    this.previous = stored;
    this.expectedPosition = position + 1;
    this.lastPosition = position;
    this.lastHash = event.globalHash;
  }
}

/** Collects faults, keeping the first few so a badly damaged log still gives a short answer. */
export class FaultList {
  readonly faults: ChainFault[] = [];
  constructor(private readonly max = 20) {}
  readonly add = (fault: ChainFault): void => {
    if (this.faults.length < this.max) this.faults.push(fault);
  };
}
