import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { celIssues } from './cel-check.js';
import { escapedProperty, toCel } from './cel-value.js';
import { loadCrdCatalog } from './crd-catalog.js';
import { crdsEnvVar, findCrdDirectory } from './crd-directory.js';
import { splitVersions } from './crd-text.js';
import { checkCustomResource } from './crd-validator.js';
import { withDefaults } from './defaulting.js';
import { fromPointer, withFieldPath } from './field-path.js';
import { listTypeErrors } from './list-types.js';
import type { StructuralSchema } from './structural-schema.js';
import { unknownFields } from './unknown-fields.js';

const str: StructuralSchema = { type: 'string' };

describe('unknown fields, as the API server prunes or rejects them', () => {
  const schema: StructuralSchema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          name: str,
          labels: { type: 'object', additionalProperties: str },
          free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          template: {
            type: 'object',
            'x-kubernetes-embedded-resource': true,
            properties: { spec: { type: 'object', properties: { a: str } } },
          },
          items: { type: 'array', items: { type: 'object', properties: { id: str } } },
        },
      },
    },
  };
  it.each([
    ['a declared field', { spec: { name: 'a' } }, []],
    ['an undeclared field', { spec: { nmae: 'a' } }, ['spec.nmae']],
    ['map keys', { spec: { labels: { any: 'x' } } }, []],
    ['below x-kubernetes-preserve-unknown-fields', { spec: { free: { x: { y: 1 } } } }, []],
    [
      'apiVersion, kind, metadata of an embedded resource',
      {
        spec: {
          template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { a: 'b' } },
        },
      },
      [],
    ],
    [
      'an undeclared field of an embedded resource',
      { spec: { template: { spec: { b: 1 } } } },
      ['spec.template.spec.b'],
    ],
    [
      'an undeclared field in a list item',
      { spec: { items: [{ id: 'a' }, { id: 'b', x: 1 }] } },
      ['spec.items[1].x'],
    ],
  ])('%s', (_name, value, expected) => {
    expect(unknownFields(schema, value)).toEqual(expected);
  });
});

describe('defaulting before validation', () => {
  const schema: StructuralSchema = {
    type: 'object',
    properties: {
      mode: { type: 'string', default: 'Terminate' },
      nested: {
        type: 'object',
        default: {},
        properties: { port: { type: 'integer', default: 443 } },
      },
      plain: { type: 'string' },
      nullable: { type: 'string', nullable: true },
      list: {
        type: 'array',
        items: { type: 'object', properties: { k: { type: 'string', default: 'v' } } },
      },
    },
  };
  it.each([
    [
      'sets absent defaults and defaults inside them',
      {},
      { mode: 'Terminate', nested: { port: 443 } },
    ],
    [
      'keeps given values',
      { mode: 'Passthrough', nested: { port: 8443 } },
      { mode: 'Passthrough', nested: { port: 8443 } },
    ],
    [
      'replaces a null by the default',
      { mode: null },
      { mode: 'Terminate', nested: { port: 443 } },
    ],
    [
      'drops a null without default where not nullable',
      { plain: null },
      { mode: 'Terminate', nested: { port: 443 } },
    ],
    [
      'keeps a null where nullable',
      { nullable: null },
      { mode: 'Terminate', nested: { port: 443 }, nullable: null },
    ],
    [
      'defaults list items',
      { list: [{}] },
      { mode: 'Terminate', nested: { port: 443 }, list: [{ k: 'v' }] },
    ],
  ])('%s', (_name, value, expected) => {
    expect(withDefaults(schema, value)).toEqual(expected);
  });
});

describe('list types', () => {
  const schema: StructuralSchema = {
    type: 'object',
    properties: {
      set: { type: 'array', 'x-kubernetes-list-type': 'set', items: str },
      map: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: { type: 'object', properties: { name: str, port: { type: 'integer' } } },
      },
      atomic: { type: 'array', 'x-kubernetes-list-type': 'atomic', items: str },
    },
  };
  it.each([
    [
      'unique set and map',
      { set: ['a', 'b'], map: [{ name: 'a' }, { name: 'b' }], atomic: ['a', 'a'] },
      [],
    ],
    ['a repeated set item', { set: ['a', 'a'] }, ['set[1]: Duplicate value: "a"']],
    [
      'a repeated map key',
      {
        map: [
          { name: 'a', port: 1 },
          { name: 'a', port: 2 },
        ],
      },
      ['map[1]: Duplicate value: {"name":"a"}'],
    ],
  ])('%s', (_name, value, expected) => {
    expect(listTypeErrors(schema, value)).toEqual(expected);
  });
});

describe('CEL rules: message, messageExpression, reason, fieldPath, transition and unsupported rules', () => {
  const rule = (r: Record<string, unknown>): StructuralSchema => ({
    type: 'object',
    properties: { a: { type: 'integer' }, b: { type: 'number' }, s: str, namespace: str },
    'x-kubernetes-validations': [r as never],
  });
  it.each([
    [{ rule: 'self.a > 1', message: 'a must exceed 1' }, { a: 2 }, []],
    [
      { rule: 'self.a > 1', message: 'a must exceed 1' },
      { a: 1 },
      ['spec: Invalid value: "object": a must exceed 1 (FieldValueInvalid; rule: self.a > 1)'],
    ],
    [
      { rule: 'self.a > 1', messageExpression: "'a is ' + string(self.a)", message: 'fallback' },
      { a: 1 },
      ['spec: Invalid value: "object": a is 1 (FieldValueInvalid; rule: self.a > 1)'],
    ],
    [
      { rule: 'self.a > 1', messageExpression: 'self.missing', message: 'fallback' },
      { a: 1 },
      ['spec: Invalid value: "object": fallback (FieldValueInvalid; rule: self.a > 1)'],
    ],
    [
      { rule: 'self.a > 1' },
      { a: 1 },
      [
        'spec: Invalid value: "object": failed rule: self.a > 1 (FieldValueInvalid; rule: self.a > 1)',
      ],
    ],
    [
      {
        rule: 'has(self.s)',
        message: 's is required',
        reason: 'FieldValueRequired',
        fieldPath: '.s',
      },
      { a: 1 },
      ['spec.s: Required value: s is required (FieldValueRequired; rule: has(self.s))'],
    ],
    [
      { rule: '!has(self.s)', message: 'no s', reason: 'FieldValueForbidden', fieldPath: '.s' },
      { s: 'x' },
      ['spec.s: Forbidden: no s (FieldValueForbidden; rule: !has(self.s))'],
    ],
    [{ rule: 'self.b == 1.0', message: 'number is double' }, { b: 1 }, []],
    [{ rule: 'self.a == 1', message: 'integer is int' }, { a: 1 }, []],
    [
      { rule: "self.__namespace__ == 'x'", message: 'reserved words are escaped' },
      { namespace: 'x' },
      [],
    ],
    [{ rule: 'self == oldSelf', message: 'immutable' }, { a: 1 }, []],
    [
      { rule: 'self.s > 0', message: 'compares a string' },
      { s: 'x' },
      [
        expect.stringMatching(
          /^spec: Invalid value: "object": .* evaluating rule: compares a string \(error; rule: self.s > 0\)$/,
        ),
      ],
    ],
    [
      { rule: 'self.s.size() > 0', message: 'absent' },
      {},
      [
        'spec: Invalid value: "object": no such key: s evaluating rule: absent (error; rule: self.s.size() > 0)',
      ],
    ],
    [
      { rule: "quantity(self.s).isGreaterThan(quantity('1'))", message: 'q' },
      { s: '2' },
      [
        "spec: rule not evaluated: it calls isGreaterThan, quantity, which the engine does not provide (unevaluated; rule: quantity(self.s).isGreaterThan(quantity('1')))",
      ],
    ],
  ])('%j on %j', (r, value, expected) => {
    const schema: StructuralSchema = { type: 'object', properties: { spec: rule(r) } };
    expect(celIssues(schema, { spec: value }).map((i) => i.message)).toEqual(expected);
  });

  it('reports an optionalOldSelf rule as not evaluated (it would run on create)', () => {
    const issues = celIssues(
      rule({ rule: 'oldSelf.hasValue() || self.a > 1', optionalOldSelf: true }),
      { a: 1 },
    );
    expect(issues.map((i) => i.message)).toEqual([
      '<root>: rule not evaluated: it uses optionalOldSelf, whose optional oldSelf is not modelled (unevaluated; rule: oldSelf.hasValue() || self.a > 1)',
    ]);
  });

  it('reports an unparseable rule as not evaluated', () => {
    const issues = celIssues(rule({ rule: 'self.a >' }), { a: 1 });
    expect(issues.map((i) => i.kind)).toEqual(['unevaluated']);
  });

  it('does not run rules on absent or null values', () => {
    const schema: StructuralSchema = {
      type: 'object',
      properties: {
        s: { type: 'string', nullable: true, 'x-kubernetes-validations': [{ rule: 'false' }] },
      },
    };
    expect(celIssues(schema, {})).toEqual([]);
    expect(celIssues(schema, { s: null })).toEqual([]);
    expect(celIssues(schema, { s: 'x' })).toHaveLength(1);
  });
});

describe('CEL values', () => {
  it.each([
    ['in', '__in__'],
    ['namespace', '__namespace__'],
    ['a-b', 'a__dash__b'],
    ['a.b', 'a__dot__b'],
    ['a/b', 'a__slash__b'],
    ['a__b', 'a__underscores__b'],
    ['jwks_uri', 'jwks_uri'],
    ['1x', undefined],
  ])('property %s is %s in a rule', (name, expected) => {
    expect(escapedProperty(name)).toBe(expected);
  });

  it('keeps map keys as they are and types numbers by the schema', () => {
    const schema: StructuralSchema = {
      type: 'object',
      properties: {
        m: { type: 'object', additionalProperties: { type: 'integer' } },
        d: { type: 'number' },
      },
    };
    expect(toCel(schema, { m: { 'a-b': 1 }, d: 2 })).toEqual(
      new Map<string, unknown>([
        ['m', new Map([['a-b', 1n]])],
        ['d', 2],
      ]),
    );
  });
});

describe('field paths', () => {
  it.each([
    ['/spec/listeners/0/port', 'spec.listeners[0].port'],
    ['', ''],
    ['/metadata/annotations/a~1b', 'metadata.annotations.a/b'],
  ])('pointer %s is %s', (pointer, path) => {
    expect(fromPointer(pointer)).toBe(path);
  });
  it.each([
    ['spec', '.tls', 'spec.tls'],
    ['', '.spec', 'spec'],
    ['spec', "['a.b']", 'spec[a.b]'],
    ['spec', undefined, 'spec'],
  ])('%s with fieldPath %s is %s', (path, fieldPath, expected) => {
    expect(withFieldPath(path, fieldPath)).toBe(expected);
  });
});

const notChecked =
  'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

const crd = (group: string, kind: string, versions: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${kind.toLowerCase()}s.${group}
spec:
  group: ${group}
  names:
    kind: ${kind}
    plural: ${kind.toLowerCase()}s
  scope: Namespaced
  versions:
${versions}`;

const version = (name: string, served: boolean) => `  - name: ${name}
    served: ${served}
    storage: ${name === 'v1'}
    subresources:
      status: {}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [size]
            properties:
              size:
                type: integer
                minimum: 1
              mode:
                type: string
                enum: [A, B]
              name:
                type: string
                maxLength: 5
                pattern: ^[a-z]+$
              tags:
                type: array
                maxItems: 1
                items:
                  type: string
            x-kubernetes-validations:
            - rule: "self.size < 10"
              message: size must be below 10
          status:
            type: object
            properties:
              ready:
                type: boolean
`;

describe('a CRD directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'routeplane-crds-'));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(
    join(dir, 'nested', 'widgets.yaml'),
    `${crd('example.com', 'Widget', version('v1', true) + version('v1alpha1', false))}---\napiVersion: v1\nkind: ConfigMap\n`,
  );
  writeFileSync(join(dir, 'README.md'), 'not yaml');
  const catalog = loadCrdCatalog(dir);
  const widget = (apiVersion: string, spec: unknown, extra: Record<string, unknown> = {}) =>
    checkCustomResource(catalog, {
      apiVersion,
      kind: 'Widget',
      metadata: { name: 'w' },
      spec,
      ...extra,
    });

  it('indexes CRDs below it, parsing YAML files only', () => {
    expect(catalog.crds).toBe(1);
    expect([...catalog.groups]).toEqual(['example.com']);
  });

  it.each([
    ['a valid object', 'example.com/v1', { size: 2 }, {}, []],
    [
      'a status, dropped on create',
      'example.com/v1',
      { size: 2 },
      { status: { ready: 'yes', extra: 1 } },
      [],
    ],
    [
      'an unserved version',
      'example.com/v1alpha1',
      { size: 2 },
      {},
      ['crd/version example.com/v1alpha1 Widget is not served; served versions: v1'],
    ],
    [
      'an unknown version',
      'example.com/v2',
      { size: 2 },
      {},
      ['crd/version example.com/v2 Widget is not served; served versions: v1'],
    ],
    [
      'a missing required field',
      'example.com/v1',
      {},
      {},
      ['crd/schema spec.size: Required value', `crd/schema ${notChecked}`],
    ],
    [
      'a value below the minimum',
      'example.com/v1',
      { size: 0 },
      {},
      [
        'crd/schema spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1',
      ],
    ],
    [
      'a string against pattern and maxLength',
      'example.com/v1',
      { size: 1, name: 'Abcdef' },
      {},
      [
        'crd/schema spec.name: Too long: may not be more than 5 bytes',
        'crd/schema spec.name: Invalid value: "Abcdef": spec.name in body should match \'^[a-z]+$\'',
        `crd/schema ${notChecked}`,
      ],
    ],
    [
      'too many items and a wrong type',
      'example.com/v1',
      { size: 'big', tags: ['a', 'b'] },
      {},
      [
        'crd/schema spec.size: Invalid value: "big": spec.size in body must be of type integer: "string"',
        'crd/schema spec.tags: Too many: 2: must have at most 1 items',
        `crd/schema ${notChecked}`,
      ],
    ],
    [
      'a value outside the enum',
      'example.com/v1',
      { size: 1, mode: 'C' },
      {},
      [
        'crd/schema spec.mode: Unsupported value: "C": supported values: "A", "B"',
        `crd/schema ${notChecked}`,
      ],
    ],
    [
      'an unknown field',
      'example.com/v1',
      { size: 1, colour: 'red' },
      {},
      ['crd/unknown-field unknown field "spec.colour"'],
    ],
    [
      'a CEL violation',
      'example.com/v1',
      { size: 12 },
      {},
      [
        'crd/cel spec: Invalid value: "object": size must be below 10 (FieldValueInvalid; rule: self.size < 10)',
      ],
    ],
  ])('%s', (_name, apiVersion, spec, extra, expected) => {
    const result = widget(apiVersion, spec, extra);
    expect(result?.issues.map((i) => `${i.rule} ${i.message}`)).toEqual(expected);
  });

  it('names the CRD that checked an object and ignores groups it does not define', () => {
    expect(widget('example.com/v1', { size: 1 })?.checkedBy).toBe('nested/widgets.yaml v1');
    expect(checkCustomResource(catalog, { apiVersion: 'v1', kind: 'ConfigMap' })).toBeUndefined();
    expect(
      checkCustomResource(catalog, { apiVersion: 'example.com/v1', kind: 'Gadget' })?.issues.map(
        (i) => i.message,
      ),
    ).toEqual(['no CustomResourceDefinition defines kind Gadget in group example.com']);
  });

  it.each([
    ['--crds', dir, {}, { status: 'found', dir, from: '--crds' }],
    [
      'the environment variable',
      undefined,
      { [crdsEnvVar]: dir },
      { status: 'found', dir, from: crdsEnvVar },
    ],
    [
      'a missing --crds',
      join(dir, 'nope'),
      {},
      { status: 'missing', reason: `--crds ${join(dir, 'nope')} is not a directory` },
    ],
  ])('is found from %s', (_name, option, env, expected) => {
    expect(findCrdDirectory('/nowhere/repo', option, env, '/')).toEqual(expected);
  });

  it('defaults to ../shared/crds beside the repository, and is skipped without it', () => {
    const root = join(dir, 'ws', 'repo');
    mkdirSync(root, { recursive: true });
    expect(findCrdDirectory(root, undefined, {}).status).toBe('skipped');
    mkdirSync(join(dir, 'ws', 'shared', 'crds'), { recursive: true });
    expect(findCrdDirectory(root, undefined, {})).toEqual({
      status: 'found',
      dir: join(dir, 'ws', 'shared', 'crds'),
      from: 'default ../shared/crds',
    });
  });
});

describe('splitting a CRD document by version', () => {
  const doc = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  group: example.com
  versions:
  - name: v1
    served: true
  - additionalPrinterColumns: []
    name: v2
    served: false
status:
  acceptedNames: {}
`;
  it('cuts the head and one text per version', () => {
    const split = splitVersions(doc);
    expect(split?.head.endsWith('  versions:\n')).toBe(true);
    expect([...(split?.items.keys() ?? [])]).toEqual(['v1', 'v2']);
    expect(split?.items.get('v2')).toBe(
      '  - additionalPrinterColumns: []\n    name: v2\n    served: false\n',
    );
  });
  it.each([
    ['no versions key', doc.replace('  versions:', '  vers:')],
    ['a version without name', doc.replace('    name: v2\n', '')],
    ['a repeated version', doc.replace('name: v2', 'name: v1')],
    ['another indentation', doc.replaceAll('\n  - ', '\n    - ')],
  ])('gives up on %s (the whole document is parsed instead)', (_name, text) => {
    expect(splitVersions(text)).toBeUndefined();
  });
});
