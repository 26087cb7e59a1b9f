import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { viewerHostCode } from './viewer-host-function.js';

type Headers = Record<string, { value: string }>;

/** Runs the function as CloudFront would (JavaScript runtime 2.0 is an ECMAScript subset V8 runs). */
function run(headers: Headers): Headers {
  const event = { version: '1.0', request: { method: 'GET', uri: '/', headers } };
  const out = runInNewContext(`${viewerHostCode()}\nhandler(event);`, { event }) as {
    headers: Headers;
  };
  return out.headers;
}

describe('viewer-host CloudFront Function', () => {
  it.each<[string, Headers, string | undefined]>([
    ['copies the Host', { host: { value: 'api.example.com' } }, 'api.example.com'],
    [
      'overwrites a value the client sent',
      { host: { value: 'api.example.com' }, 'x-viewer-host': { value: 'admin.example.com' } },
      'api.example.com',
    ],
    ['drops a client value when no Host came', { 'x-viewer-host': { value: 'x' } }, undefined],
  ])('%s', (_name, headers, expected) => {
    const out = run(headers);
    expect(out['x-viewer-host']?.value).toBe(expected);
    expect(out.host).toEqual(headers.host);
  });
});
