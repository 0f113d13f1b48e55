import { describe, expect, it } from 'vitest';
import { matchPath } from './router';
import { routes } from './routes';

describe('matchPath', () => {
  it('matches literal and :param segments', () => {
    expect(matchPath('/cadres/:id', '/cadres/C001')).toEqual({ id: 'C001' });
    expect(matchPath('/cadres/:id', '/cadres')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/cadres/:id', '/cadres/%E5%BC%A0')).toEqual({ id: '张' });
  });
  it('routes /cadres/new to the form, not to a case file named "new"', () => {
    const first = (path: string) => routes.find((r) => matchPath(r.path, path))?.path;
    expect(first('/cadres/new')).toBe('/cadres/new');
    expect(first('/cadres/C001')).toBe('/cadres/:id');
    expect(first('/cadres/C001/edit')).toBe('/cadres/:id/edit');
  });
});
