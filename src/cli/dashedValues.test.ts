import { describe, expect, it } from 'vitest';
import { joinDashedValues } from './dashedValues';

const QUERY = { '--query': '--query', '-q': '--query' };

describe('values starting with a dash', () => {
  it('join their option in either spelling', () => {
    expect(joinDashedValues(['app.log', '--query', '-status:200'], QUERY)).toEqual([
      'app.log',
      '--query=-status:200',
    ]);
    expect(joinDashedValues(['-q', '-bot', '--json'], QUERY)).toEqual(['--query=-bot', '--json']);
  });

  it('leave ordinary values and other options as they were', () => {
    const args = ['--query', 'status:500', '--limit', '-1', '--json'];
    expect(joinDashedValues(args, QUERY)).toEqual(args);
  });

  it('do not swallow a following long option or a lone dash', () => {
    expect(joinDashedValues(['--query', '--json'], QUERY)).toEqual(['--query', '--json']);
    expect(joinDashedValues(['--query', '-'], QUERY)).toEqual(['--query', '-']);
  });

  it('stop at the end of options', () => {
    const args = ['--', '--query', '-bot'];
    expect(joinDashedValues(args, QUERY)).toEqual(args);
  });
});
