import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLuaEngine, type LuaEngine, runHealthLuaSync } from '../lua/run-health-lua.js';
import { certificateHealthLua, clusterIssuerHealthLua } from './argo-cert-manager-health.js';
import { certManagerAdmissionRefusal, issueDueCertificates } from './cert-manager-model.js';
import { Cluster } from './cluster.js';
import type { K8sObject } from './k8s-object.js';
import { builtinHealth } from './resource-health.js';

let lua: LuaEngine;
beforeAll(async () => {
  lua = await createLuaEngine();
});
afterAll(() => lua.global.close());

const condition = (type: string, status: 'True' | 'False', message: string) => ({
  type,
  status,
  reason: 'r',
  message,
});

/**
 * The cases of argo-cd v3.4.4 resource_customizations/cert-manager.io/{Certificate,ClusterIssuer}/
 * health_test.yaml (their conditions and verdicts), run through the embedded scripts.
 */
describe("Argo CD's cert-manager health Lua (v3.4.4) in wasmoon", () => {
  const issuing = 'Issuing certificate as Secret does not exist';
  it.each([
    ['no status', undefined, 'Progressing', 'Waiting for certificate'],
    [
      'issuing, Ready False',
      [condition('Issuing', 'True', issuing), condition('Ready', 'False', issuing)],
      'Progressing',
      issuing,
    ],
    [
      'Ready False, issuing listed last',
      [condition('Ready', 'False', issuing), condition('Issuing', 'True', issuing)],
      'Progressing',
      issuing,
    ],
    ['config error', [condition('Ready', 'False', 'bad config')], 'Degraded', 'bad config'],
    [
      'issued',
      [condition('Ready', 'True', 'Certificate issued successfully')],
      'Healthy',
      'Certificate issued successfully',
    ],
  ])('Certificate, %s', (_case, conditions, status, message) => {
    const object = { kind: 'Certificate', ...(conditions ? { status: { conditions } } : {}) };
    expect(runHealthLuaSync(lua, certificateHealthLua, object)).toEqual({ status, message });
  });

  it.each([
    ['no status', undefined, 'Progressing', 'Initializing ClusterIssuer'],
    ['registered', [condition('Ready', 'True', 'registered')], 'Healthy', 'registered'],
    ['failed', [condition('Ready', 'False', 'Failed to verify')], 'Degraded', 'Failed to verify'],
  ])('ClusterIssuer, %s', (_case, conditions, status, message) => {
    const object = { kind: 'ClusterIssuer', ...(conditions ? { status: { conditions } } : {}) };
    expect(runHealthLuaSync(lua, clusterIssuerHealthLua, object)).toEqual({ status, message });
  });
});

const ns = (name: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

/** The chart's Deployments as cert-manager v1.21.1 renders them (labels and the controller's flag). */
function deployment(component: 'controller' | 'webhook' | 'cainjector'): K8sObject {
  const name = component === 'controller' ? 'cert-manager' : `cert-manager-${component}`;
  const image = `quay.io/jetstack/cert-manager-${component}:v1.21.1`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'cert-manager',
      labels: {
        'app.kubernetes.io/instance': 'cert-manager',
        'app.kubernetes.io/component': component,
        'app.kubernetes.io/name': component === 'controller' ? 'cert-manager' : component,
      },
    },
    spec: {
      template: {
        spec: {
          containers: [
            {
              image,
              args: component === 'controller' ? ['--cluster-resource-namespace=cert-manager'] : [],
            },
          ],
        },
      },
    },
  };
}

const webhookConfiguration: K8sObject = {
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'ValidatingWebhookConfiguration',
  metadata: { name: 'cert-manager-webhook' },
  webhooks: [{ name: 'webhook.cert-manager.io', failurePolicy: 'Fail' }],
};

const crd = (kind: string): K8sObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.cert-manager.io` },
  spec: { group: 'cert-manager.io', names: { kind } },
});

const selfSigned: K8sObject = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'ClusterIssuer',
  metadata: { name: 'root' },
  spec: { selfSigned: {} },
};
const caIssuer: K8sObject = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'ClusterIssuer',
  metadata: { name: 'ca' },
  spec: { ca: { secretName: 'ca' } },
};
const certificate = (name: string, namespace: string, issuer: string): K8sObject => ({
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  metadata: { name, namespace },
  spec: {
    secretName: name,
    issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: issuer },
  },
});

/** A cluster with cert-manager installed at t=0; its Deployments are available from t=20. */
function installed(...without: string[]): Cluster {
  const cluster = new Cluster();
  for (const o of [ns('cert-manager'), ns('app'), webhookConfiguration]) cluster.apply(o, 'test');
  for (const kind of ['Certificate', 'ClusterIssuer']) cluster.apply(crd(kind), 'test');
  for (const c of ['controller', 'webhook', 'cainjector'] as const) {
    if (!without.includes(c)) cluster.apply(deployment(c), 'test');
  }
  return cluster;
}

const health = (cluster: Cluster, o: K8sObject) => {
  const live = cluster.find('cert-manager.io', o.kind, o.metadata.namespace, o.metadata.name);
  if (!live) throw new Error(`${o.metadata.name} not applied`);
  return builtinHealth(cluster, live, lua);
};

/** Runs cert-manager's issuing at every second up to `until`. */
function runUntil(cluster: Cluster, until: number): string[] {
  const events: string[] = [];
  for (; cluster.now <= until; cluster.now += 1) events.push(...issueDueCertificates(cluster));
  cluster.now = until;
  return events;
}

describe('cert-manager v1.21.1 model', () => {
  it.each([
    [
      'webhook not available yet',
      installed(),
      5,
      'no endpoints available for service "cert-manager-webhook"',
    ],
    [
      'webhook never deployed',
      installed('webhook'),
      30,
      'no endpoints available for service "cert-manager-webhook"',
    ],
    [
      'cainjector missing (no caBundle)',
      installed('cainjector'),
      30,
      'x509: certificate signed by unknown authority',
    ],
    ['webhook and cainjector available', installed(), 20, undefined],
  ])('admission of cert-manager objects: %s', (_case, cluster, at, refusal) => {
    cluster.now = at;
    const found = certManagerAdmissionRefusal(cluster, selfSigned);
    if (refusal === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(refusal);
    expect(certManagerAdmissionRefusal(cluster, ns('x'))).toBeUndefined();
  });

  it('no webhook configuration (cert-manager not installed): only the CRD check applies', () => {
    const cluster = new Cluster();
    expect(certManagerAdmissionRefusal(cluster, selfSigned)).toBeUndefined();
    expect(cluster.refusal(selfSigned)).toContain('ensure CRDs are installed first');
  });

  it('issues the chain: SelfSigned Ready, CA Certificate, CA issuer Ready, leaf Secret, each judged by the Lua', () => {
    const cluster = installed();
    cluster.now = 20;
    const ca = certificate('ca', 'cert-manager', 'root');
    const leaf = certificate('leaf', 'app', 'ca');
    for (const o of [selfSigned, ca, caIssuer, leaf])
      expect(cluster.apply(o, 'pki')).toBeUndefined();
    expect(health(cluster, selfSigned)).toEqual({
      status: 'Progressing',
      message: 'Initializing ClusterIssuer',
    });
    cluster.now = 21;
    expect(health(cluster, selfSigned)?.status).toBe('Healthy');
    expect(health(cluster, caIssuer)).toEqual({
      status: 'Degraded',
      message: 'Error getting keypair for CA issuer: secret "ca" not found',
    });
    expect(health(cluster, leaf)).toEqual({
      status: 'Progressing',
      message: 'Issuing certificate as Secret does not exist',
    });
    const events = runUntil(cluster, 40);
    expect(events).toEqual([
      'issued Secret cert-manager/ca for Certificate ca',
      'issued Secret app/leaf for Certificate leaf',
    ]);
    expect(health(cluster, caIssuer)).toEqual({
      status: 'Healthy',
      message: 'Signing CA verified',
    });
    expect(health(cluster, leaf)).toEqual({
      status: 'Healthy',
      message: 'Certificate is up to date and has not expired',
    });
    expect(cluster.find('', 'Secret', 'app', 'leaf')?.object.type).toBe('kubernetes.io/tls');
  });

  it('the CA issuer reads its Secret from the cluster resource namespace only', () => {
    const cluster = installed();
    cluster.now = 20;
    for (const o of [selfSigned, certificate('ca', 'app', 'root'), caIssuer])
      cluster.apply(o, 'pki');
    runUntil(cluster, 60);
    expect(cluster.find('', 'Secret', 'app', 'ca')).toBeDefined();
    expect(health(cluster, caIssuer)?.status).toBe('Degraded');
  });

  it('without the controller nothing is issued and nothing has status', () => {
    const cluster = installed('controller');
    cluster.now = 20;
    const leaf = certificate('leaf', 'app', 'root');
    for (const o of [selfSigned, leaf]) cluster.apply(o, 'pki');
    expect(runUntil(cluster, 600)).toEqual([]);
    expect(health(cluster, leaf)).toEqual({
      status: 'Progressing',
      message: 'Waiting for certificate',
    });
  });

  it('a Deployment whose pods never start is Degraded after its progress deadline, healthy once repaired', () => {
    const cluster = installed();
    const key = 'apps/Deployment/cert-manager/cert-manager-webhook';
    cluster.breakPods(key);
    const live = () => {
      const l = cluster.get(key);
      if (!l) throw new Error('no webhook');
      return l;
    };
    cluster.now = 599;
    expect(builtinHealth(cluster, live(), lua)?.status).toBe('Progressing');
    cluster.now = 600;
    expect(builtinHealth(cluster, live(), lua)).toEqual({
      status: 'Degraded',
      message: 'Deployment "cert-manager-webhook" exceeded its progress deadline',
    });
    cluster.repairPods(key);
    expect(builtinHealth(cluster, live(), lua)?.status).toBe('Progressing');
    cluster.now = 620;
    expect(builtinHealth(cluster, live(), lua)?.status).toBe('Healthy');
  });
});
