import { describe, expect, it } from 'vitest';
import { matchRoute, ROUTES, routePath, type RouteName } from './routes.js';

describe('the protocol route table', () => {
  it('builds each path with its upload id percent-encoded', () => {
    expect(routePath('singlePutParams')).toBe('/params');
    expect(routePath('createMultipart')).toBe('/multipart');
    expect(routePath('signParts', { uploadId: 'a/b c' })).toBe('/multipart/a%2Fb%20c/batch');
    expect(routePath('signOnePart', { uploadId: 'u', partNumber: 7 })).toBe('/multipart/u/7');
    expect(routePath('completeMultipart', { uploadId: 'u' })).toBe('/multipart/u/complete');
    expect(routePath('listParts', { uploadId: 'u' })).toBe(routePath('abortMultipart', { uploadId: 'u' }));
  });

  it('matches every route it builds, and only with its own method', () => {
    for (const [name, { method }] of Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][]) {
      const segments = routePath(name, { uploadId: 'upload-1', partNumber: 3 }).split('/').filter(Boolean);
      expect(matchRoute(method, segments)).toMatchObject({ route: name });
      expect(matchRoute('PATCH', segments)).toBe('wrong-method');
    }
    expect(matchRoute('GET', ['multipart', 'u', '3'])).toEqual({ route: 'signOnePart', uploadId: 'u', partNumber: '3' });
  });

  it('never takes "batch" or "complete" for a part number, and knows no other path', () => {
    expect(matchRoute('GET', ['multipart', 'u', 'batch'])).toBe('wrong-method');
    expect(matchRoute('GET', ['multipart', 'u', 'complete'])).toBe('wrong-method');
    expect(matchRoute('GET', ['uploads'])).toBeUndefined();
    expect(matchRoute('GET', ['multipart', 'u', '1', 'x'])).toBeUndefined();
    expect(matchRoute('GET', [])).toBeUndefined();
  });
});
