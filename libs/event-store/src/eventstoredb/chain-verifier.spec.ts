import { GENESIS, streamLink } from '../hash-chain/chain-links';
import { prepareAppend } from '../port/prepare-append';
import { EventTypeRegistry } from '../registry/event-type-registry';
import { ScanItem } from './all-reader';
import { ChainVerifier } from './chain-verifier';
import { storedEventOf, encodeEnvelope } from './envelope-metadata';
import { EMPTY_HEAD, buildSeal, headAfter, parseSeal } from './global-chain';
import { SealRecord } from './global-chain-ledger';

const registry = new EventTypeRegistry([{ type: 'PartnerJoined', schemaVersion: 1 }]);

/** Events as $all would return them: streams a, b, a at positions 100, 200, 300. */
function log(): ScanItem[] {
  const links = new Map<string, Buffer>();
  const versions = new Map<string, number>();
  return [
    ['a', 100],
    ['b', 200],
    ['a', 300],
  ].map(([streamId, position]) => {
    const id = streamId as string;
    const [event] = prepareAppend(
      registry,
      id,
      [{ type: 'PartnerJoined', data: { name: `${id}${position}` } }],
      'any',
      {
        commandId: `cmd-${position}`,
        actor: { id: 'u', role: 'secretariat' },
      },
    );
    const version = (versions.get(id) ?? 0) + 1;
    const link = streamLink(links.get(id) ?? GENESIS, version, event.contentHash);
    versions.set(id, version);
    links.set(id, link);
    const commit = BigInt(position);
    const stored = storedEventOf(
      {
        streamId: id,
        id: event.eventId,
        revision: BigInt(version - 1),
        type: event.type,
        isJson: true,
        data: event.data,
        metadata: JSON.parse(JSON.stringify(encodeEnvelope(event, version, link))),
        position: { commit, prepare: commit },
      },
      id,
    );
    return { kind: 'event', stored, position: { commit, prepare: commit } } as ScanItem;
  });
}

function sealsOf(items: ScanItem[], sizes: number[]): SealRecord[] {
  let head = EMPTY_HEAD;
  let offset = 0;
  return sizes.map((size, revision) => {
    const events = items
      .slice(offset, offset + size)
      .map((item) => (item.kind === 'event' ? item.stored.recorded : null)!);
    offset += size;
    const seal = parseSeal(JSON.parse(JSON.stringify(buildSeal(head, events))));
    head = headAfter(seal, BigInt(revision));
    return { revision: BigInt(revision), seal };
  });
}

function verify(items: ScanItem[], seals: SealRecord[]) {
  const verifier = new ChainVerifier(registry);
  const pending = [...seals];
  for (const item of items) {
    while (pending.length > 0 && !verifier.sealsReach(Number(item.position.commit)))
      verifier.addSeal(pending.shift()!);
    verifier.addEvent(item);
  }
  pending.forEach((seal) => verifier.addSeal(seal));
  return verifier.verdict();
}

describe('verifying an EventStoreDB log', () => {
  it('accepts an untouched log whose global chain is sealed in batches', () => {
    const items = log();
    const seals = sealsOf(items, [2, 1]);
    const verdict = verify(items, seals);
    expect(verdict).toMatchObject({
      ok: true,
      eventsChecked: 3,
      streamsChecked: 2,
      lastGlobalPosition: 300,
      faults: [],
    });
    expect(verdict.lastGlobalHash).toBe(seals[1].seal!.lastGlobalHash);
  });

  it('accepts an unsealed tail', () => {
    const items = log();
    expect(verify(items, sealsOf(items, [1])).ok).toBe(true);
  });

  it('names a sealed event that is gone from the log (a deleted stream, a scavenge)', () => {
    const items = log();
    const seals = sealsOf(items, [3]);
    const verdict = verify([items[0], items[2]], seals);
    expect(verdict.ok).toBe(false);
    expect(verdict.faults[0]).toMatchObject({ kind: 'global-position-gap', globalPosition: 200 });
  });

  it('names a stream version gap and a changed content', () => {
    const items = log();
    const a1 = items[0] as ScanItem & { kind: 'event' };
    const edited: ScanItem = {
      ...a1,
      stored: { ...a1.stored, recorded: { ...a1.stored.recorded, data: { name: 'forged' } } },
    };
    const verdict = verify([edited, items[1], items[2]], []);
    expect(verdict.faults[0]).toMatchObject({
      kind: 'content-changed',
      streamId: 'a',
      streamVersion: 1,
    });
    const gap = verify([items[1], items[2]], []);
    expect(gap.faults[0]).toMatchObject({
      kind: 'stream-version-gap',
      streamId: 'a',
      streamVersion: 2,
    });
  });

  it('names unknown types and events without an envelope, without stopping', () => {
    const items = log();
    const b = items[1] as ScanItem & { kind: 'event' };
    const unknown: ScanItem = {
      ...b,
      stored: { ...b.stored, recorded: { ...b.stored.recorded, type: 'Retired' } },
    };
    const foreign: ScanItem = {
      kind: 'unreadable',
      streamId: 'c',
      revision: 0n,
      position: { commit: 400n, prepare: 400n },
      reason: 'no metadata',
    };
    const verdict = verify([items[0], unknown, items[2], foreign], []);
    expect(verdict.faults.map((fault) => fault.kind)).toEqual([
      'unknown-event-type',
      'content-changed',
      'unreadable-event',
    ]);
    expect(verdict.eventsChecked).toBe(4);
  });

  it('names a seal that does not follow the one before it', () => {
    const items = log();
    const [first, second] = sealsOf(items, [2, 1]);
    const forged: SealRecord = {
      revision: 1n,
      seal: { ...second.seal!, previousHash: 'cd'.repeat(32) },
    };
    const verdict = verify(items, [first, forged]);
    expect(verdict.faults[0]).toMatchObject({ kind: 'global-chain-broken' });
  });
});
