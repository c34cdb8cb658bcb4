import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../../src/ui/matchesQuery';

describe('matchesQuery', () => {
  it('matches case-insensitively on part of the name', () => {
    expect(matchesQuery('zwol', 'Zwolle')).toBe(true);
  });
  it('ignores accents, so "marienberg" finds Mariënberg', () => {
    expect(matchesQuery('marienberg', 'Mariënberg')).toBe(true);
  });
  it('rejects names that do not contain the query', () => {
    expect(matchesQuery('kampen', 'Zwolle', 'Dalfsen')).toBe(false);
  });
  it('matches everything for an empty query', () => {
    expect(matchesQuery('  ', 'Zwolle')).toBe(true);
  });
});
