import { describe, expect, it } from 'vitest';
import { at, corrupt } from '../corrupt.fixture.js';
import { exampleTree, ruleFindings } from '../example-tree.fixture.js';
import type { TreeFile } from '../finding.js';

const rule = 'xlayer/kong-custom-plugin-uploaded';
const tree = exampleTree('custom-plugin');

type Doc = Record<string, unknown>;

const findings = (files: TreeFile[]) => ruleFindings(rule, files);

const missing = (name: string, object = 'route app1') =>
  `deck/dev/kong.yaml ${object}: enables plugin ${name}, which Kong does not bundle, but the environment's Terraform uploads no konnect_gateway_custom_plugin_streaming named ${name}, so decK sync would fail`;

describe(rule, () => {
  it('passes examples/custom-plugin', () => {
    expect(findings(tree)).toEqual([]);
  });

  it.each<[string, string, (doc: unknown) => undefined, string]>([
    [
      'a plugin Terraform no longer uploads',
      'generated/terraform/dev/main.tf.json',
      (tf) => {
        delete at(tf, 'resource').konnect_gateway_custom_plugin_streaming;
      },
      missing('tenant-header'),
    ],
    [
      'an upload under another name',
      'generated/terraform/dev/main.tf.json',
      (tf) => {
        at(
          tf,
          'resource',
          'konnect_gateway_custom_plugin_streaming',
          'custom_plugin_tenant_header',
        ).name = 'tenant-headers';
      },
      missing('tenant-header'),
    ],
    [
      'a global plugin nobody uploads',
      'deck/dev/kong.yaml',
      (deck) => {
        (deck as Doc).plugins = [{ name: 'request-id-echo' }];
      },
      missing('request-id-echo', 'plugins'),
    ],
  ])('flags %s', (_name, file, edit, expected) => {
    expect(findings(corrupt(tree, file, 0, edit))).toEqual([expected]);
  });
});
