import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt, list } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { findingLines } from '../tree-edits.fixture.js';
import { podCoverageRules } from './pod-coverage-rules.js';

/**
 * The disruption-budget and NetworkPolicy coverage checks on edits of sample-app-1 (2 replicas,
 * PDB maxUnavailable 1, container port 8080 "http", ingress ports [8080, 15008] and [8080]) the
 * corruption table does not make, with the exact findings of these rules.
 */
const backend = 'generated/k8s/dev/backends/sample-apps/sample-app-1.yaml';
const object = 'Deployment/sample-apps/sample-app-1';

type Doc = Record<string, unknown>;
type Edit = (files: TreeFile[]) => TreeFile[];

const findings = (edit: Edit): string[] => findingLines(edit(cleanTree()), podCoverageRules);

const change =
  (kind: string, edit: (d: Doc) => Doc | null | undefined): Edit =>
  (files) =>
    corrupt(files, backend, kind, edit);
const both =
  (...edits: Edit[]): Edit =>
  (files) =>
    edits.reduce((tree, edit) => edit(tree), files);
const pdbSpec = (d: Doc) => at(d, 'spec');
const ingress = (d: Doc, i: number) => at(d, 'spec', 'ingress', i);
const podLabels =
  '{"app.kubernetes.io/component":"backend","app.kubernetes.io/managed-by":"routeplane","app.kubernetes.io/name":"sample-app-1","app.kubernetes.io/part-of":"routeplane"}';
const noPdb = `policy/pdb ${object}: no PodDisruptionBudget in namespace sample-apps selects the pod labels ${podLabels}`;
const minAvailable = (min: number, replicas: number) =>
  `policy/pdb ${object}: PodDisruptionBudget/sample-apps/sample-app-1 minAvailable ${min} must be < replicas ${replicas}, or no pod can ever be evicted`;
const network = (message: string) => `policy/network-policy ${object}: ${message}`;

describe('pod coverage rules', () => {
  it('pass the clean tree', () => {
    expect(findings((files) => files)).toEqual([]);
  });

  describe('policy/pdb', () => {
    it.each<[string, Edit, string[]]>([
      [
        'a PDB in another namespace',
        change('PodDisruptionBudget', (d) => {
          at(d, 'metadata').namespace = 'istio-ingress';
        }),
        [noPdb],
      ],
      [
        'a PDB selecting other pods',
        change('PodDisruptionBudget', (d) => {
          at(d, 'spec', 'selector').matchLabels = { 'app.kubernetes.io/name': 'sample-app-2' };
        }),
        [noPdb],
      ],
      [
        'a PDB without selector (policy/v1: selects no pods)',
        change('PodDisruptionBudget', (d) => {
          delete pdbSpec(d).selector;
        }),
        [noPdb],
      ],
      [
        'a PDB with an empty selector (policy/v1: every pod of the namespace)',
        change('PodDisruptionBudget', (d) => {
          pdbSpec(d).selector = {};
        }),
        [],
      ],
      [
        'minAvailable 1 of 2 replicas',
        change('PodDisruptionBudget', (d) => {
          delete pdbSpec(d).maxUnavailable;
          pdbSpec(d).minAvailable = 1;
        }),
        [],
      ],
      [
        'minAvailable 2 of 2 replicas',
        change('PodDisruptionBudget', (d) => {
          delete pdbSpec(d).maxUnavailable;
          pdbSpec(d).minAvailable = 2;
        }),
        [minAvailable(2, 2)],
      ],
      [
        'minAvailable 1 and replicas unset (1)',
        both(
          change('PodDisruptionBudget', (d) => {
            delete pdbSpec(d).maxUnavailable;
            pdbSpec(d).minAvailable = 1;
          }),
          change('Deployment', (d) => {
            delete at(d, 'spec').replicas;
          }),
        ),
        [minAvailable(1, 1)],
      ],
      [
        'a DaemonSet without a PDB (one pod per node, drained with it)',
        change('Deployment', (d) => {
          d.kind = 'DaemonSet';
          delete at(d, 'spec').replicas;
          at(d, 'spec', 'template', 'metadata').labels = { 'app.kubernetes.io/name': 'node-agent' };
        }),
        [],
      ],
    ])('checks %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });

  describe('policy/network-policy', () => {
    it.each<[string, Edit, string[]]>([
      [
        'an ingress rule without ports (all ports, HBONE included)',
        change('NetworkPolicy', (d) => {
          delete ingress(d, 0).ports;
        }),
        [],
      ],
      [
        'only deny-all policies (no ingress rule restricts ports)',
        change('NetworkPolicy', () => null),
        [],
      ],
      [
        'named ports admitting the container port by its name',
        change('NetworkPolicy', (d) => {
          ingress(d, 0).ports = [
            { port: 'http', protocol: 'TCP' },
            { port: 15008, protocol: 'TCP' },
          ];
          ingress(d, 1).ports = [{ port: 'http', protocol: 'TCP' }];
        }),
        [],
      ],
      [
        'a container port the policy does not admit',
        change('Deployment', (d) => {
          at(d, 'spec', 'template', 'spec', 'containers', 0).ports = [
            { containerPort: 9090, name: 'metrics', protocol: 'TCP' },
          ];
        }),
        [
          network(
            'NetworkPolicy ingress ports [8080,15008] must admit container port 9090 of server',
          ),
        ],
      ],
      [
        'HBONE dropped from the own policy, all ports opened by a policy of other pods',
        both(
          change('NetworkPolicy', (d) => {
            list(ingress(d, 0), 'ports').pop();
          }),
          (files) => [
            ...files,
            {
              path: 'generated/k8s/dev/backends/sample-apps/other-ingress.yaml',
              documents: [
                {
                  apiVersion: 'networking.k8s.io/v1',
                  kind: 'NetworkPolicy',
                  metadata: { name: 'sample-app-2-ingress', namespace: 'sample-apps' },
                  spec: {
                    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'sample-app-2' } },
                    ingress: [{}],
                    policyTypes: ['Ingress'],
                  },
                },
              ],
            },
          ],
        ),
        [network('NetworkPolicy ingress ports [8080] must include 15008 (ambient HBONE)')],
      ],
    ])('checks %s', (_name, edit, expected) => {
      expect(findings(edit)).toEqual(expected);
    });
  });
});
