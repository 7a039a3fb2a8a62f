import { describe, expect, it } from 'vitest';
import type { Area, NeighbourModel } from '../../../src/lib/model/types';
import { chooseNeighbours, neighbourLinks } from '../../../src/lib/state/neighbours';

const la = (code: string, name: string, previousCodes?: string[]): Area => ({ code, name, level: 'local_authority', aliases: [], importId: 'bundled', ...(previousCodes ? { previousCodes } : {}) });
const worcs = la('E10000034', 'Worcestershire');
const walsall = la('E08000030', 'Walsall');
const england: Area = { code: 'E92000001', name: 'England', level: 'national', aliases: [], importId: 'bundled' };

describe('chooseNeighbours', () => {
  it('defaults to the 2025 model and the first chosen authority', () => {
    expect(chooseNeighbours({}, [england, worcs, walsall])).toEqual({ modelId: 'sn2025', of: worcs, problems: [] });
  });
  it('follows the link when it names a chosen authority, and can be turned off', () => {
    expect(chooseNeighbours({ neighbours: 'sn2021', neighboursOf: 'E08000030' }, [worcs, walsall])).toEqual({ modelId: 'sn2021', of: walsall, problems: [] });
    expect(chooseNeighbours({ neighboursOf: 'E06000019' }, [worcs]).of).toBe(worcs);
    expect(chooseNeighbours({ neighbours: 'none' }, [worcs]).modelId).toBeNull();
    expect(chooseNeighbours({}, [england]).of).toBeNull();
  });

  const models = [{ id: 'sn2025' }, { id: 'sn2021' }];
  it('reports a model the app does not hold and uses the 2025 model', () => {
    // The link contract: anything unreadable is reported, never silently dropped (issue 14).
    expect(chooseNeighbours({ neighbours: 'bogus' }, [worcs], models)).toEqual({
      modelId: 'sn2025',
      of: worcs,
      problems: ['There is no statistical neighbour model “bogus”, so the 2025 model is used.'],
    });
    expect(chooseNeighbours({ neighbours: 'sn2021' }, [worcs], models).problems).toEqual([]);
    // Before the models are known nothing is reported.
    expect(chooseNeighbours({ neighbours: 'bogus' }, [worcs], null)).toMatchObject({ modelId: 'bogus', problems: [] });
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
