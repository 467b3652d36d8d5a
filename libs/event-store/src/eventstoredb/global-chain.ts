import { GENESIS, globalLink } from '../hash-chain/chain-links';

export const GLOBAL_CHAIN_SEALED = 'GlobalChainSealed';

/**
 * One batch of the global chain, appended by the sealer to the global-chain stream. EventStoreDB
 * cannot change an event after commit, so the global links live here rather than on the events.
 */
export interface GlobalChainSeal {
  /** Position of the last event of the previous seal (0 for the first seal). */
  previousPosition: number;
  /** Global hash of the previous seal's last event (null for the first seal: GENESIS). */
  previousHash: string | null;
  lastPosition: number;
  lastGlobalHash: string;
  /** Events sealed so far, this seal included. */
  count: number;
  /** [global position, hex global link] of each event in this seal, in global order. */
  entries: Array<[number, string]>;
}

/** Where the sealed chain ends. */
export interface SealedHead {
  /** Revision of the last seal in the global-chain stream; null when there is none. */
  revision: bigint | null;
  lastPosition: number;
  lastHash: string | null;
  count: number;
}

export const EMPTY_HEAD: SealedHead = { revision: null, lastPosition: 0, lastHash: null, count: 0 };

export interface ChainInput {
  globalPosition: number | null;
  streamHash: string;
}

/** Extends the sealed chain over the events (in global order, all after head.lastPosition). */
export function buildSeal(head: SealedHead, events: ChainInput[]): GlobalChainSeal {
  if (events.length === 0) throw new Error('a seal needs at least one event');
  let previous: Buffer = head.lastHash === null ? GENESIS : Buffer.from(head.lastHash, 'hex');
  let lastPosition = head.lastPosition;
  const entries: Array<[number, string]> = events.map((event) => {
    const position = event.globalPosition;
    if (position === null || position <= lastPosition) {
      throw new Error(
        `events must be sealed in global order after ${lastPosition} (got ${position})`,
      );
    }
    previous = globalLink(previous, position, Buffer.from(event.streamHash, 'hex'));
    lastPosition = position;
    return [position, previous.toString('hex')];
  });
  return {
    previousPosition: head.lastPosition,
    previousHash: head.lastHash,
    lastPosition,
    lastGlobalHash: previous.toString('hex'),
    count: head.count + entries.length,
    entries,
  };
}

export function headAfter(seal: GlobalChainSeal, revision: bigint): SealedHead {
  return {
    revision,
    lastPosition: seal.lastPosition,
    lastHash: seal.lastGlobalHash,
    count: seal.count,
  };
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads a seal back, refusing anything that is not one. */
export function parseSeal(data: unknown): GlobalChainSeal {
  const seal = data as Partial<GlobalChainSeal> | null;
  const whole = (value: unknown): value is number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  if (
    !seal ||
    typeof seal !== 'object' ||
    !whole(seal.previousPosition) ||
    !(
      seal.previousHash === null ||
      (typeof seal.previousHash === 'string' && HEX64.test(seal.previousHash))
    ) ||
    !whole(seal.lastPosition) ||
    typeof seal.lastGlobalHash !== 'string' ||
    !HEX64.test(seal.lastGlobalHash) ||
    !whole(seal.count) ||
    !Array.isArray(seal.entries) ||
    seal.entries.length === 0 ||
    !seal.entries.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        whole(entry[0]) &&
        typeof entry[1] === 'string' &&
        HEX64.test(entry[1]),
    )
  ) {
    throw new Error('not a GlobalChainSealed event');
  }
  return seal as GlobalChainSeal;
}
