import { describe, expect, it } from 'vitest';
import { strictify } from './strictify.js';

describe('strictify', () => {
  it('closes objects that list properties, at every depth', () => {
    expect(
      strictify({
        type: 'object',
        properties: { a: { type: 'object', properties: { b: { type: 'string' } } } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: 'object', properties: { b: { type: 'string' } }, additionalProperties: false },
      },
      additionalProperties: false,
    });
  });

  it('leaves free-form and map objects open', () => {
    const free = { type: 'object', properties: {}, 'x-kubernetes-preserve-unknown-fields': true };
    expect(strictify(free)).toEqual(free);
    const map = { type: 'object', additionalProperties: { type: 'string' } };
    expect(strictify(map)).toEqual(map);
  });

  it('does not touch enum, default or example values', () => {
    const schema = { enum: [{ properties: { x: 1 } }], default: { properties: {} } };
    expect(strictify(schema)).toEqual(schema);
  });

  it('closes schemas inside lists (allOf, items arrays)', () => {
    expect(strictify({ allOf: [{ properties: {} }] })).toEqual({
      allOf: [{ properties: {}, additionalProperties: false }],
    });
  });
});
