import { describe, expect, it } from 'vitest';
import type { Area, NeighbourModel } from '../../../src/lib/model/types';
import { chooseNeighbours, neighbourAverageSeries, neighbourLinks } from '../../../src/lib/state/neighbours';

const la = (code: string, name: string, previousCodes?: string[]): Area => ({ code, name, level: 'local_authority', aliases: [], importId: 'bundled', ...(previousCodes ? { previousCodes } : {}) });
const worcs = la('E10000034', 'Worcestershire');
const walsall = la('E08000030', 'Walsall');
const england: Area = { code: 'E92000001', name: 'England', level: 'national', aliases: [], importId: 'bundled' };

describe('chooseNeighbours', () => {
  it('defaults to the 2025 model and the first chosen authority', () => {
    expect(chooseNeighbours({}, [england, worcs, walsall])).toEqual({ modelId: 'sn2025', of: worcs });
  });
  it('follows the link when it names a chosen authority, and can be turned off', () => {
    expect(chooseNeighbours({ neighbours: 'sn2021', neighboursOf: 'E08000030' }, [worcs, walsall])).toEqual({ modelId: 'sn2021', of: walsall });
    expect(chooseNeighbours({ neighboursOf: 'E06000019' }, [worcs]).of).toBe(worcs);
    expect(chooseNeighbours({ neighbours: 'none' }, [worcs]).modelId).toBeNull();
    expect(chooseNeighbours({}, [england]).of).toBeNull();
  });
});

describe('neighbourLinks', () => {
  const model: NeighbourModel = { id: 'm', label: 'm', source: 's', importId: 'bundled', neighbours: { E10000002: [{ code: 'E10000034', closeness: 'Close' }] } };
  it('finds an authority under a code it had before', () => {
    expect(neighbourLinks(model, la('E06000060', 'Buckinghamshire', ['E10000002']))).toEqual([{ code: 'E10000034', closeness: 'Close' }]);
    expect(neighbourLinks(model, worcs)).toEqual([]);
    expect(neighbourLinks(undefined, worcs)).toEqual([]);
  });
});

describe('neighbourAverageSeries', () => {
  it('averages the neighbours with a figure in each year', () => {
    const obs = [
      { areaCode: 'A', period: 2024, value: 10 },
      { areaCode: 'B', period: 2024, value: 30 },
      { areaCode: 'A', period: 2025, value: 12 },
      { areaCode: 'B', period: 2025, value: null },
      { areaCode: 'C', period: 2025, value: 1000 },
    ];
    const links = [
      { code: 'A', closeness: 'Close' },
      { code: 'B', closeness: 'Close' },
    ];
    expect(neighbourAverageSeries(obs, links, 'neighbours:X', 'cpp_rate').map((o) => [o.period, o.value])).toEqual([
      [2024, 20],
      [2025, 12],
    ]);
  });
});
