import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderK8s } from '@routeplane/render-k8s';
import { repoRoot } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { at, corrupt } from './corrupt.fixture.js';
import type { TreeFile } from './finding.js';
import { admittedOutsiders, backendPaths, type Caller } from './reachability.js';
import { treeFromRendered } from './rendered-files.js';
import { type EnvTree, indexTree } from './tree-index.js';

/**
 * "A caller from anywhere else in the VPC fails the TLS handshake": the model of reachability.ts run
 * over the Kubernetes objects the shipped catalog renders (NetworkPolicies, the Gateway and its
 * frontend validation, HTTPRoutes, PeerAuthentication, AuthorizationPolicies).
 */
const model = loadModel(join(repoRoot, 'catalog.yaml'));
const files = treeFromRendered(renderK8s(model));
const dev = model.environments.find((e) => e.name === 'dev');
if (!dev) throw new Error('no dev environment');
const gatewayFile = `generated/k8s/dev/gateway/gateway.yaml`;

function envTree(tree: readonly TreeFile[]): EnvTree {
  const env = indexTree(tree).envs.find((e) => e.env === 'dev');
  if (!env) throw new Error('no dev tree');
  return env;
}

const env = envTree(files);
const backends = [
  ...new Set(dev.routes.map((r) => `Service/${r.backend.namespace}/${r.backend.name}`)),
].sort();
const reached = (tree: EnvTree, caller: Caller) =>
  [...new Set(backendPaths(tree, caller).map((p) => p.backend))].sort();
const kongIssuer = `ClusterIssuer/${dev.gateway.pki.caIssuer}`;

describe('who reaches a backend, from the rendered policy', () => {
  it('the gateway admits the VPC and Kong networks (the NLB keeps client addresses)', () => {
    expect(admittedOutsiders(env)).toEqual(['10.0.0.0', '192.168.0.0']);
  });

  it.each([
    ['a node or pod elsewhere in the VPC', { ip: '10.0.77.9' }],
    ["a caller in Kong's network without the client certificate", { ip: '192.168.4.4' }],
    [
      'a caller with a certificate from another CA',
      { ip: '10.0.3.3', clientCertificateIssuer: 'ClusterIssuer/other' },
    ],
    [
      'a mesh workload of another namespace',
      { ip: '10.0.12.12', principal: 'cluster.local/ns/other/sa/default' },
    ],
  ])('%s reaches no backend (the handshake fails, ztunnel refuses)', (_, caller: Caller) => {
    expect(backendPaths(env, caller)).toEqual([]);
  });

  it('Kong, presenting the certificate the CA issued, reaches every routed backend through the listener', () => {
    const paths = backendPaths(env, { ip: '192.168.4.4', clientCertificateIssuer: kongIssuer });
    expect([...new Set(paths.map((p) => p.backend))].sort()).toEqual(backends);
    expect(paths.every((p) => p.via.includes('listener "https" (port 443)'))).toBe(true);
  });

  it('the plain HTTP listener only redirects: no backend behind port 80', () => {
    const paths = backendPaths(env, { ip: '192.168.4.4', clientCertificateIssuer: kongIssuer });
    expect(paths.some((p) => p.via.includes('port 80'))).toBe(false);
  });

  it('only the gateway identity passes ztunnel directly', () => {
    expect(reached(env, { ip: '10.0.9.9', principal: dev.gateway.principal })).toEqual(backends);
  });

  it.each([
    [
      'without frontend validation',
      (d: Record<string, unknown>) => {
        delete at(d, 'spec').tls;
        return undefined;
      },
    ],
    [
      'with AllowInsecureFallback',
      (d: Record<string, unknown>) => {
        at(d, 'spec', 'tls', 'frontend', 'default', 'validation').mode = 'AllowInsecureFallback';
        return undefined;
      },
    ],
  ])('%s every VPC caller would reach every backend (the model is live)', (_, edit) => {
    const gatewayIndex = env.objects.find((o) => o.kind === 'Gateway')?.index ?? -1;
    const open = envTree(corrupt(files, gatewayFile, gatewayIndex, edit));
    expect(reached(open, { ip: '10.0.77.9' })).toEqual(backends);
  });

  it('a route on the port-80 listener would open a path', () => {
    const redirect = 'generated/k8s/dev/gateway/httproute-https-redirect.yaml';
    const open = envTree(
      corrupt(files, redirect, 0, (d) => {
        at(d, 'spec', 'rules', 0).backendRefs = [
          { name: 'sample-app-1', namespace: 'sample-apps', port: 80 },
        ];
      }),
    );
    expect(reached(open, { ip: '10.0.77.9' })).toEqual(['Service/sample-apps/sample-app-1']);
  });
});
