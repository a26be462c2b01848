import { describe, expect, it } from 'vitest';
import { matchRoute, ROUTES, routePath, type RouteName } from './routes.js';

describe('the protocol route table', () => {
  it('builds each path with its upload id percent-encoded', () => {
    expect(routePath('single-put-params')).toBe('/params');
    expect(routePath('create-multipart')).toBe('/multipart');
    expect(routePath('sign-parts', { uploadId: 'a/b c' })).toBe('/multipart/a%2Fb%20c/batch');
    expect(routePath('sign-one-part', { uploadId: 'u', partNumber: 7 })).toBe('/multipart/u/7');
    expect(routePath('complete-multipart', { uploadId: 'u' })).toBe('/multipart/u/complete');
    expect(routePath('list-parts', { uploadId: 'u' })).toBe(routePath('abort-multipart', { uploadId: 'u' }));
  });

  it('matches every route it builds, and only with its own method', () => {
    for (const [name, { method }] of Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][]) {
      const segments = routePath(name, { uploadId: 'upload-1', partNumber: 3 }).split('/').filter(Boolean);
      expect(matchRoute(method, segments)).toMatchObject({ route: name });
      expect(matchRoute('PATCH', segments)).toBe('wrong-method');
    }
    expect(matchRoute('GET', ['multipart', 'u', '3'])).toEqual({
      route: 'sign-one-part',
      uploadId: 'u',
      partNumber: '3',
    });
  });

  it('matches DELETE /objects, the object route kept apart from the upload table', () => {
    expect(matchRoute('DELETE', ['objects'])).toEqual({ route: 'delete-object', uploadId: '', partNumber: '' });
    expect(matchRoute('GET', ['objects'])).toBe('wrong-method');
    expect(Object.keys(ROUTES)).not.toContain('delete-object');
  });

  it('never takes "batch" or "complete" for a part number, and knows no other path', () => {
    expect(matchRoute('GET', ['multipart', 'u', 'batch'])).toBe('wrong-method');
    expect(matchRoute('GET', ['multipart', 'u', 'complete'])).toBe('wrong-method');
    expect(matchRoute('GET', ['uploads'])).toBeUndefined();
    expect(matchRoute('GET', ['multipart', 'u', '1', 'x'])).toBeUndefined();
    expect(matchRoute('GET', [])).toBeUndefined();
  });
});
