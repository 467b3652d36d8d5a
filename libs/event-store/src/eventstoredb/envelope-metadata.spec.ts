import { contentHash } from '../hash-chain/chain-links';
import { prepareAppend } from '../port/prepare-append';
import { EventTypeRegistry } from '../registry/event-type-registry';
import {
  RawEvent,
  UnreadableEnvelopeError,
  decodeEnvelope,
  encodeEnvelope,
  storedEventOf,
} from './envelope-metadata';
import { StreamNaming, assertNotInternal } from './stream-naming';
import { upcastOnRead } from './upcast-on-read';

const registry = new EventTypeRegistry([
  {
    type: 'HomesReported',
    schemaVersion: 2,
    upcasters: { 1: (data) => ({ ...(data as object), permanent: true }) },
  },
]);

function prepared() {
  return prepareAppend(
    registry,
    'partner-a',
    [{ type: 'HomesReported', data: { homes: 18, note: 'æøå' }, occurredAt: '2018-05-15' }],
    'any',
    { commandId: 'cmd-1', actor: { id: 'user-1', role: 'secretariat' }, causationId: 'c-0' },
    new Date('2024-01-02T03:04:05.678Z'),
  )[0];
}

describe('the envelope in EventStoreDB metadata', () => {
  it('comes back exactly as written, and still hashes to the same content', () => {
    const event = prepared();
    const link = Buffer.alloc(32, 7);
    // What the client stores and returns: JSON bytes, parsed again.
    const metadata = JSON.parse(JSON.stringify(encodeEnvelope(event, 3, link)));
    const raw: RawEvent = {
      streamId: 'ct-partner-a',
      id: '00000000-0000-5000-8000-000000000000',
      revision: 2n,
      type: event.type,
      isJson: true,
      data: JSON.parse(JSON.stringify(event.data)),
      metadata,
      position: { commit: 1234n, prepare: 1234n },
    };
    const stored = storedEventOf(raw, 'partner-a');
    expect(stored.recorded).toEqual({
      eventId: event.eventId,
      type: 'HomesReported',
      schemaVersion: 2,
      data: { homes: 18, note: 'æøå' },
      streamId: 'partner-a',
      streamVersion: 3,
      globalPosition: 1234,
      recordedAt: '2024-01-02T03:04:05.678Z',
      occurredAt: '2018-05-15T00:00:00.000Z',
      actor: { id: 'user-1', role: 'secretariat' },
      commandId: 'cmd-1',
      correlationId: 'cmd-1',
      causationId: 'c-0',
      streamHash: link.toString('hex'),
      globalHash: null,
    });
    expect(stored.claimedVersion).toBe(3);
    expect(contentHash(stored.recorded).equals(event.contentHash)).toBe(true);
  });

  it('refuses metadata that is not a ledger envelope', () => {
    expect(() => decodeEnvelope(undefined)).toThrow(UnreadableEnvelopeError);
    expect(() => decodeEnvelope({ $correlationId: 'x' })).toThrow(/format/);
    const good = encodeEnvelope(prepared(), 1, Buffer.alloc(32));
    expect(() => decodeEnvelope({ ...good, streamHash: 'nope' })).toThrow(/streamHash/);
    expect(() => decodeEnvelope({ ...good, actor: { id: 'x' } })).toThrow(/actor/);
    expect(() => decodeEnvelope({ ...good, streamVersion: 0 })).toThrow(/streamVersion/);
  });

  it('upcasts on read, and hands back an unknown type as stored instead of failing', () => {
    const stored = storedEventOf(
      {
        streamId: 'partner-a',
        id: 'x',
        revision: 0n,
        type: 'HomesReported',
        isJson: true,
        data: { homes: 1 },
        metadata: { ...encodeEnvelope(prepared(), 1, Buffer.alloc(32)), schemaVersion: 1 },
      },
      'partner-a',
    ).recorded;
    expect(upcastOnRead(stored, registry, null)).toMatchObject({
      schemaVersion: 2,
      data: { homes: 1, permanent: true },
    });
    const unknown = { ...stored, type: 'Retired' };
    expect(upcastOnRead(unknown, registry, 'ab')).toEqual({ ...unknown, globalHash: 'ab' });
  });
});

describe('stream names under a prefix', () => {
  const naming = new StreamNaming('ct-1-');

  it('prefixes our streams and recognises only them', () => {
    expect(naming.physical('partner-a')).toBe('ct-1-partner-a');
    expect(naming.logical('ct-1-partner-a')).toBe('partner-a');
    expect(naming.logical('ct-2-partner-a')).toBeNull();
    expect(naming.logical('$$ct-1-partner-a')).toBeNull();
    expect(naming.logical(naming.globalChainStream())).toBeNull();
    expect(naming.logical(naming.commandStream('cmd-1'))).toBeNull();
    expect(naming.commandStream('cmd-1')).toMatch(/^ct-1-__ledger-command-[0-9a-f]{64}$/);
  });

  it('keeps the internal names for the adapter', () => {
    expect(() => assertNotInternal('__ledger-global-chain')).toThrow(/reserved/);
    expect(() => new StreamNaming('$all')).toThrow(/must not start with \$/);
  });
});
