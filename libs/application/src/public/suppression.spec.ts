import { suppressBreakdown } from './suppression';

describe('small-cell suppression on the public page', () => {
  it('shows counts of 5 and more as they are', () => {
    expect(suppressBreakdown([296, 57, 12])).toEqual([296, 57, 12]);
  });

  it('hides a lone small count and the smallest other one, so the total cannot give it away', () => {
    // Total 355 is published: with only the 2 hidden, 355 - 296 - 57 would reveal it.
    expect(suppressBreakdown([296, 57, 2])).toEqual([296, 'hidden', '<5']);
  });

  it('needs no second cell when two or more are small already', () => {
    expect(suppressBreakdown([40, 3, 1])).toEqual([40, '<5', '<5']);
  });

  it('hides a single small cell that stands alone', () => {
    expect(suppressBreakdown([4])).toEqual(['<5']);
  });
});
