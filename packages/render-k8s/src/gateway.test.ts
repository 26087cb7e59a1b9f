import { fixtureEnvironment } from '@routeplane/catalog/testing';
import { describe, expect, it } from 'vitest';
import { gatewayOverlays, gatewaySpec } from './gateway.js';

const gw = fixtureEnvironment().gateway;

describe('gatewaySpec', () => {
  const spec = gatewaySpec(gw);

  it('terminates TLS on 443 with the catalog secret and keeps routes in the gateway namespace', () => {
    expect(spec.gatewayClassName).toBe('istio');
    expect(
      spec.listeners.map((l) => [
        l.name,
        l.protocol,
        l.port,
        l.hostname,
        l.allowedRoutes.namespaces.from,
      ]),
    ).toEqual([
      ['http', 'HTTP', 80, gw.hostname, 'Same'],
      ['https', 'HTTPS', 443, gw.hostname, 'Same'],
    ]);
    expect(spec.listeners[1]?.tls).toEqual({
      mode: 'Terminate',
      certificateRefs: [{ group: '', kind: 'Secret', name: gw.tlsSecretName }],
    });
  });

  it('demands a client certificate signed by the CA on every TLS listener (Gateway API v1.6 frontend)', () => {
    expect(spec.tls).toEqual({
      frontend: {
        default: {
          validation: {
            caCertificateRefs: [{ group: '', kind: 'Secret', name: gw.pki.serving.secretName }],
            mode: 'AllowValidOnly',
          },
        },
      },
    });
    // Istio 1.30 refuses more than one caCertificateRef (conversion.go).
    expect(spec.tls?.frontend.default.validation.caCertificateRefs).toHaveLength(1);
  });

  it('asks the AWS Load Balancer Controller for an internal NLB with ip targets, health-checked on 15021', () => {
    const a = spec.infrastructure.annotations;
    expect(Object.keys(a).length).toBeLessThanOrEqual(16);
    expect(a).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': '15021',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': '/healthz/ready',
    });
    expect(spec.infrastructure.parametersRef).toEqual({
      group: '',
      kind: 'ConfigMap',
      name: gw.parametersConfigMapName,
    });
  });
});

describe('gatewayOverlays', () => {
  it('uses only overlay keys Istio merges', () => {
    const keys = Object.keys(gatewayOverlays(gw));
    const supported = [
      'deployment',
      'service',
      'serviceAccount',
      'horizontalPodAutoscaler',
      'podDisruptionBudget',
    ];
    expect(keys.every((k) => supported.includes(k))).toBe(true);
  });

  it.each([2, 3])('runs %i replicas', (replicas) => {
    const scaled = fixtureEnvironment((c) => {
      c.gateway.replicas = replicas;
    }).gateway;
    expect(gatewayOverlays(scaled)).toMatchObject({
      deployment: { spec: { replicas } },
    });
  });
});
