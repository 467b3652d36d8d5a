import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from './errors';
import {
  contains,
  dayStart,
  earliest,
  isIsoDate,
  isIsoDateTime,
  optionalIsoDate,
  overlaps,
  requireIsoDate,
  resolveOccurredAt,
} from './dates';
import {
  optionalText,
  requireDistinctIds,
  requireDistinctOf,
  requireId,
  requireOneOf,
  requirePositiveNumber,
  requireText,
  requireTextList,
  requireWholeNumberAboveZero,
  sameJson,
} from './values';

describe('dates', () => {
  it.each(['2019-02-28', '2020-02-29', '2018-12-31'])('accepts the real date %s', (day) => {
    expect(isIsoDate(day)).toBe(true);
  });

  it.each(['2019-02-30', '2019-02-29', '2018-13-01', '2018-04-31', '18-05-15', '2018-5-15', ''])(
    'refuses the impossible or malformed date %p',
    (day) => {
      expect(isIsoDate(day)).toBe(false);
    },
  );

  it('accepts date-times with an offset and refuses impossible ones', () => {
    expect(isIsoDateTime('2018-05-15T18:30:00+02:00')).toBe(true);
    expect(isIsoDateTime('2018-05-15T18:30:00.123Z')).toBe(true);
    expect(isIsoDateTime('2018-05-15T24:30:00Z')).toBe(false);
    expect(isIsoDateTime('2019-02-30T10:00:00Z')).toBe(false);
    expect(isIsoDateTime('2018-05-15T18:30:00')).toBe(false);
  });

  it('takes the day as written, not as shifted to UTC', () => {
    expect(resolveOccurredAt('2018-05-15T00:30:00+02:00', undefined)).toEqual({
      occurredAt: '2018-05-14T22:30:00.000Z',
      day: '2018-05-15',
    });
  });

  it('falls back to now, and needs one of the two', () => {
    expect(resolveOccurredAt(undefined, '2026-01-15T09:00:00.000Z').day).toBe('2026-01-15');
    expect(() => resolveOccurredAt(undefined, undefined)).toThrow(InvalidCommand);
  });

  it('treats intervals as half-open, so a successor may start the day a term ends', () => {
    expect(
      overlaps({ from: '2018-05-15', until: '2019-05-14' }, { from: '2019-05-14', until: null }),
    ).toBe(false);
    expect(overlaps({ from: '2018-05-15', until: null }, { from: '2019-05-14', until: null })).toBe(
      true,
    );
    expect(contains({ from: '2018-05-15', until: '2019-05-14' }, '2019-05-14')).toBe(false);
  });
});

describe('values and errors', () => {
  it('name the field and the rule', () => {
    let error: unknown;
    try {
      requireWholeNumberAboveZero('count', 0);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidCommand);
    expect(error).toMatchObject({
      field: 'count',
      rule: 'whole-number-above-zero',
      name: 'InvalidCommand',
    });
    expect(() => requireId('partnerId', 'a b')).toThrow(InvalidCommand);
    expect(new DomainRuleViolation('one-chair-at-a-time', 'two chairs')).toMatchObject({
      rule: 'one-chair-at-a-time',
      message: 'two chairs',
    });
    expect(new NotFoundInDomain('housing report', 'r1').message).toBe(
      'housing report r1 is not known',
    );
  });
});

/** The error a check throws, so a test can name the field and the rule a user would see. */
function refusal(check: () => unknown): unknown {
  try {
    check();
  } catch (error) {
    return error;
  }
  throw new Error('expected the value to be refused');
}

describe('value checks name the field and the rule', () => {
  it('ids: required, then 1-100 letters, digits and - _ . : not starting with a sign', () => {
    expect(refusal(() => requireId('partnerId', undefined))).toMatchObject({
      field: 'partnerId',
      rule: 'required',
      message: 'partnerId is required',
    });
    expect(refusal(() => requireId('partnerId', null))).toMatchObject({ rule: 'required' });
    expect(refusal(() => requireId('partnerId', ''))).toMatchObject({ rule: 'required' });
    for (const bad of ['-abc', 'a b', 'a/b', 'æble', 42, 'a'.repeat(101), 'a\nb']) {
      expect(refusal(() => requireId('partnerId', bad))).toMatchObject({
        field: 'partnerId',
        rule: 'id-format',
      });
    }
    for (const good of ['a', 'Z9', 'bo-sammen_2018.q4:x', 'a'.repeat(100)]) {
      expect(requireId('partnerId', good)).toBe(good);
    }
  });

  it('text: required and trimmed; optional text is null when blank; lists name the entry', () => {
    expect(requireText('name', '  Bikubenfonden ')).toBe('Bikubenfonden');
    for (const bad of [undefined, null, '', '   ', 7]) {
      expect(refusal(() => requireText('name', bad))).toMatchObject({
        field: 'name',
        rule: 'required',
        message: 'name is required',
      });
    }
    expect(optionalText('note', undefined)).toBeNull();
    expect(optionalText('note', null)).toBeNull();
    expect(optionalText('note', '   ')).toBeNull();
    expect(optionalText('note', ' kept ')).toBe('kept');
    expect(refusal(() => optionalText('note', 3))).toMatchObject({
      field: 'note',
      rule: 'required',
      message: 'note must be text',
    });
    expect(requireTextList('goals', undefined)).toEqual([]);
    expect(requireTextList('goals', null)).toEqual([]);
    expect(requireTextList('goals', [' a ', 'b'])).toEqual(['a', 'b']);
    expect(refusal(() => requireTextList('goals', 'a'))).toMatchObject({
      field: 'goals',
      rule: 'required',
      message: 'goals must be a list',
    });
    expect(refusal(() => requireTextList('goals', ['a', ' ']))).toMatchObject({
      field: 'goals[1]',
      rule: 'required',
    });
  });

  it('numbers: whole numbers above zero, and positive amounts', () => {
    expect(requireWholeNumberAboveZero('count', 1)).toBe(1);
    for (const bad of [0, -1, 1.5, '3', NaN, undefined]) {
      expect(refusal(() => requireWholeNumberAboveZero('count', bad))).toMatchObject({
        field: 'count',
        rule: 'whole-number-above-zero',
        message: 'count must be a whole number above 0',
      });
    }
    expect(requirePositiveNumber('amount', 0.5)).toBe(0.5);
    for (const bad of [0, -0.5, Infinity, NaN, '5', undefined]) {
      expect(refusal(() => requirePositiveNumber('amount', bad))).toMatchObject({
        field: 'amount',
        rule: 'positive-number',
        message: 'amount must be a number above 0',
      });
    }
  });

  it('vocabularies: one known value, or a list of distinct known values', () => {
    const allowed = ['dorm-room', 'flat'] as const;
    expect(requireOneOf('housingType', 'flat', allowed)).toBe('flat');
    for (const bad of ['house', 3, undefined]) {
      expect(refusal(() => requireOneOf('housingType', bad, allowed))).toMatchObject({
        field: 'housingType',
        rule: 'known-value',
        message: 'housingType must be one of dorm-room, flat',
      });
    }
    expect(requireDistinctOf('types', undefined, allowed)).toEqual([]);
    expect(requireDistinctOf('types', null, allowed)).toEqual([]);
    expect(requireDistinctOf('types', ['flat', 'dorm-room'], allowed)).toEqual([
      'flat',
      'dorm-room',
    ]);
    expect(refusal(() => requireDistinctOf('types', 'flat', allowed))).toMatchObject({
      field: 'types',
      rule: 'required',
      message: 'types must be a list',
    });
    expect(refusal(() => requireDistinctOf('types', ['flat', 'house'], allowed))).toMatchObject({
      field: 'types[1]',
      rule: 'known-value',
    });
    expect(refusal(() => requireDistinctOf('types', ['flat', 'flat'], allowed))).toMatchObject({
      field: 'types',
      rule: 'distinct-values',
      message: 'types must not repeat an entry',
    });
  });

  it('id lists: empty when absent, each id checked, none repeated', () => {
    expect(requireDistinctIds('partnerIds', undefined)).toEqual([]);
    expect(requireDistinctIds('partnerIds', null)).toEqual([]);
    expect(requireDistinctIds('partnerIds', ['a', 'b'])).toEqual(['a', 'b']);
    expect(refusal(() => requireDistinctIds('partnerIds', 'a'))).toMatchObject({
      field: 'partnerIds',
      rule: 'required',
      message: 'partnerIds must be a list',
    });
    expect(refusal(() => requireDistinctIds('partnerIds', ['a', 'a b']))).toMatchObject({
      field: 'partnerIds[1]',
      rule: 'id-format',
    });
    expect(refusal(() => requireDistinctIds('partnerIds', ['a', 'a']))).toMatchObject({
      field: 'partnerIds',
      rule: 'distinct-values',
    });
  });

  it('sameJson compares plain values', () => {
    expect(sameJson({ a: 1 }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('InvalidCommand without a message names the field and the rule', () => {
    expect(new InvalidCommand('count', 'required').message).toBe('count: required');
    expect(new DomainRuleViolation('one-chair-at-a-time', 'x').name).toBe('DomainRuleViolation');
    expect(new NotFoundInDomain('partner', 'p1')).toMatchObject({
      name: 'NotFoundInDomain',
      what: 'partner',
      id: 'p1',
    });
  });
});

describe('dates, at their edges', () => {
  it.each(['2018-01-01', '2018-12-01', '2018-01-31', '2000-02-29'])('accepts %s', (day) => {
    expect(isIsoDate(day)).toBe(true);
  });

  it.each([
    '2018-00-10',
    '2018-01-00',
    '2018-01-32',
    '1900-02-29',
    ' 2018-01-01',
    '2018-01-01 ',
    '2018-01-01T00:00:00Z',
  ])('refuses %p', (day) => {
    expect(isIsoDate(day)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isIsoDate(20180101)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDateTime(new Date())).toBe(false);
    expect(isIsoDateTime(null)).toBe(false);
  });

  it('accepts date-times to the minute, to the second, with fractions, and at the last moment', () => {
    for (const ok of [
      '2018-05-15T18:30Z',
      '2018-05-15T18:30:59Z',
      '2018-05-15T23:59:59.999999999-05:00',
      '2018-05-15T00:00:00+14:00',
    ]) {
      expect(isIsoDateTime(ok)).toBe(true);
    }
    for (const bad of [
      '2018-05-15T18:60:00Z',
      '2018-05-15T18:30:60Z',
      '2018-05-15T18:30:00.Z',
      '2018-05-15T18:30:00.1234567890Z',
      '2018-05-15 18:30:00Z',
      'x2018-05-15T18:30:00Z',
      '2018-05-15T18:30:00Zx',
      '2018-05-15T18:30:00+0200',
      '2018-05-15T8:30:00Z',
    ]) {
      expect(isIsoDateTime(bad)).toBe(false);
    }
  });

  it('requires a real date, or none when optional', () => {
    expect(requireIsoDate('from', '2018-05-15')).toBe('2018-05-15');
    for (const missing of [undefined, null, '']) {
      expect(refusal(() => requireIsoDate('from', missing))).toMatchObject({
        field: 'from',
        rule: 'required',
        message: 'from is required',
      });
    }
    expect(refusal(() => requireIsoDate('from', '2018-02-30'))).toMatchObject({
      field: 'from',
      rule: 'iso-date',
      message: 'from must be a real date as YYYY-MM-DD',
    });
    expect(optionalIsoDate('until', undefined)).toBeNull();
    expect(optionalIsoDate('until', null)).toBeNull();
    expect(optionalIsoDate('until', '2019-05-14')).toBe('2019-05-14');
    expect(refusal(() => optionalIsoDate('until', '14-05-2019'))).toMatchObject({
      field: 'until',
      rule: 'iso-date',
    });
  });

  it("prefers the command's own date over now, and names occurredAt when it is wrong", () => {
    expect(resolveOccurredAt('2018-05-15', '2026-01-15T09:00:00.000Z')).toEqual({
      occurredAt: '2018-05-15T00:00:00.000Z',
      day: '2018-05-15',
    });
    expect(resolveOccurredAt(undefined, '2026-01-15T09:00:00.000Z')).toEqual({
      occurredAt: '2026-01-15T09:00:00.000Z',
      day: '2026-01-15',
    });
    expect(refusal(() => resolveOccurredAt(undefined, undefined))).toMatchObject({
      field: 'occurredAt',
      rule: 'required',
      message: 'occurredAt is required',
    });
    expect(refusal(() => resolveOccurredAt('15 May 2018', undefined))).toMatchObject({
      field: 'occurredAt',
      rule: 'iso-date',
      message: 'occurredAt must be a real date (YYYY-MM-DD) or an ISO date-time',
    });
    expect(dayStart('2018-05-15')).toBe('2018-05-15T00:00:00.000Z');
  });

  it('overlaps and contains at both ends of a half-open interval', () => {
    const term = { from: '2018-05-15', until: '2019-05-14' };
    expect(overlaps(term, { from: '2017-01-01', until: '2018-05-15' })).toBe(false);
    expect(overlaps(term, { from: '2017-01-01', until: '2018-05-16' })).toBe(true);
    expect(overlaps(term, { from: '2019-05-13', until: null })).toBe(true);
    expect(overlaps({ from: '2019-05-14', until: null }, term)).toBe(false);
    expect(overlaps({ from: '2017-01-01', until: null }, term)).toBe(true);
    expect(contains(term, '2018-05-15')).toBe(true);
    expect(contains(term, '2018-05-14')).toBe(false);
    expect(contains(term, '2019-05-13')).toBe(true);
    expect(contains({ from: '2018-05-15', until: null }, '2030-01-01')).toBe(true);
  });

  it('earliest skips unknown days', () => {
    expect(earliest()).toBeNull();
    expect(earliest(null, null)).toBeNull();
    expect(earliest('2019-01-01', null, '2018-06-01', '2018-07-01')).toBe('2018-06-01');
    expect(earliest('2018-06-01', '2019-01-01')).toBe('2018-06-01');
  });
});
