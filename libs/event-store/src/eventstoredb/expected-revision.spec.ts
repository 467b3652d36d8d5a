import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } from '@eventstore/db-client';
import { ConcurrencyError } from '../port/event-store.errors';
import {
  lastVersionOfCurrent,
  planRevision,
  revisionOfVersion,
  toConcurrencyError,
  toExpectedRevision,
  versionOfRevision,
} from './expected-revision';

describe('expected versions and EventStoreDB revisions', () => {
  it('maps 1-based versions to 0-based revisions and back', () => {
    expect(versionOfRevision(0n)).toBe(1);
    expect(versionOfRevision(41n)).toBe(42);
    expect(revisionOfVersion(1)).toBe(0n);
    expect(revisionOfVersion(42)).toBe(41n);
    expect(() => revisionOfVersion(0)).toThrow(RangeError);
  });

  it('translates each expected version to an expectedRevision', () => {
    expect(toExpectedRevision('any')).toBe(ANY);
    expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toExpectedRevision(0)).toBe(NO_STREAM);
    expect(toExpectedRevision(3)).toBe(2n);
  });

  it('reads the last version from a current revision', () => {
    expect(lastVersionOfCurrent('no_stream')).toBeNull();
    expect(lastVersionOfCurrent(-1n)).toBeNull();
    expect(lastVersionOfCurrent(4n)).toBe(5);
  });

  describe('planRevision: the exact revision every append is made at', () => {
    it.each([
      ['any', null, NO_STREAM],
      ['any', 3, 2n],
      ['no_stream', null, NO_STREAM],
      ['stream_exists', 1, 0n],
      [0, null, NO_STREAM],
      [5, 5, 4n],
    ] as const)('%s with the stream at %s appends after %s', (expected, last, revision) => {
      expect(planRevision('s', expected, last)).toBe(revision);
    });

    it.each([
      ['no_stream', 2],
      ['stream_exists', null],
      [0, 1],
      [3, 4],
      [3, null],
    ] as const)('refuses %s when the stream is at %s', (expected, last) => {
      const error = (() => {
        try {
          planRevision('partner-a', expected, last);
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: 'partner-a', expected, actual: last });
    });
  });

  describe("the client's WrongExpectedVersionError", () => {
    it('becomes a ConcurrencyError with the last version', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'ct-partner-a',
        expected: 1n,
        current: 4n,
      });
      const mapped = toConcurrencyError(error, 'partner-a', 2);
      expect(mapped).toBeInstanceOf(ConcurrencyError);
      expect(mapped).toMatchObject({ streamId: 'partner-a', expected: 2, actual: 5 });
      expect(mapped!.message).toBe('stream partner-a is at version 5, expected version 2');
    });

    it('reports no stream as actual null', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'ct-partner-a',
        expected: STREAM_EXISTS,
        current: NO_STREAM,
      });
      expect(toConcurrencyError(error, 'partner-a', 'stream_exists')).toMatchObject({
        expected: 'stream_exists',
        actual: null,
      });
    });

    it('leaves every other error alone', () => {
      expect(toConcurrencyError(new Error('unavailable'), 'partner-a', 'any')).toBeNull();
    });
  });
});
