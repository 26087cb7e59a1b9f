import { describe, expect, it } from 'vitest';
import { viewerHostMatchValues } from './viewer-host.js';

const matches = (value: string, host: string) =>
  value.startsWith('~*') ? new RegExp(value.slice(2)).test(host) : value === host;

describe('viewerHostMatchValues: Kong `hosts` semantics as header values', () => {
  it.each([
    ['api.example.com', 'api.example.com', true],
    ['API.Example.com', 'api.example.com', true],
    ['api.example.com', 'www.example.com', false],
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com:443', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.exampleXcom', false],
    ['api.*', 'api.example.org', true],
    ['api.*', 'apix.example.org', false],
  ])('%s against Host %s: %s', (host, viewer, expected) => {
    const [value] = viewerHostMatchValues([host]);
    expect(matches(value ?? '', viewer)).toBe(expected);
  });
});
