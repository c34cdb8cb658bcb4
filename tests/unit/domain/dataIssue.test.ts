import { describe, expect, it } from 'vitest';
import { DatasetError, errorReason, issueFromError } from '../../../src/domain/dataIssue';

describe('a caught error as a DataIssue', () => {
  it("keeps the issue an error carries", () => {
    const issue = { code: 'data.invalidGeometry', file: 'stations.json', record: 3, params: { reason: 'Point expected' } };
    expect(issueFromError(new DatasetError(issue), 'data.wrongShape', 'other.json')).toBe(issue);
  });

  it('otherwise gives the code and file with the error message as reason, beside the extra parameters', () => {
    expect(issueFromError(new TypeError('x is not a function'), 'data.wrongShape', 'places.json', { file: 'places.json' })).toEqual({
      code: 'data.wrongShape',
      file: 'places.json',
      params: { file: 'places.json', reason: 'x is not a function' },
    });
  });

  it('gives a thrown non-Error as text', () => {
    expect(errorReason('quota')).toBe('quota');
    expect(errorReason(42)).toBe('42');
    expect(issueFromError(undefined, 'osm.network', 'Overpass')).toEqual({ code: 'osm.network', file: 'Overpass', params: { reason: 'undefined' } });
  });
});
