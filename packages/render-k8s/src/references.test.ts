import { describe, expect, it } from 'vitest';
import { renderK8s } from './index.js';
import {
  asArray,
  get,
  labelsMatch,
  models,
  objectsOf,
  type RenderedObject,
} from './objects.fixture.js';

function envObjects(objects: readonly RenderedObject[], env: string): RenderedObject[] {
  return objects.filter((o) => o.path.startsWith(`generated/k8s/${env}/`));
}

describe.each(models)('cross-object references in the %s', (_, load) => {
  const model = load();
  const all = objectsOf(renderK8s(model));

  it('renders exactly one ReferenceGrant per foreign backend namespace, naming exactly the referenced Services', () => {
    for (const env of model.environments) {
      const objects = envObjects(all, env.name);
      const routes = objects.filter((o) => o.kind === 'HTTPRoute');
      const needed = new Map<string, Set<string>>();
      for (const r of routes) {
        for (const rule of asArray(get(r.object, 'spec', 'rules'))) {
          for (const ref of asArray(rule.backendRefs)) {
            const ns = (ref.namespace as string | undefined) ?? r.namespace;
            if (ns === r.namespace) continue;
            needed.set(
              `${ns}<-${r.namespace}`,
              (needed.get(`${ns}<-${r.namespace}`) ?? new Set()).add(ref.name as string),
            );
          }
        }
      }
      const granted = new Map<string, Set<string>>();
      for (const g of objects.filter((o) => o.kind === 'ReferenceGrant')) {
        for (const from of asArray(get(g.object, 'spec', 'from'))) {
          expect(from).toMatchObject({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' });
          expect(from.namespace, 'a grant to its own namespace has no effect').not.toBe(
            g.namespace,
          );
          const key = `${g.namespace}<-${from.namespace as string}`;
          const names = asArray(get(g.object, 'spec', 'to')).map((t) => {
            expect(t).toMatchObject({ group: '', kind: 'Service', name: expect.any(String) });
            return t.name as string;
          });
          expect(granted.has(key), `duplicate grant ${key}`).toBe(false);
          granted.set(key, new Set(names));
        }
      }
      expect(granted).toEqual(needed);
      expect(needed.size).toBeGreaterThan(0);
    }
  });

  it('resolves every backendRef to a Service port, its selector to Deployment pods and its targetPort to a container port', () => {
    for (const env of model.environments) {
      const objects = envObjects(all, env.name);
      const routes = objects.filter(
        (o) => o.kind === 'HTTPRoute' && get(o.object, 'spec', 'rules', 0, 'backendRefs'),
      );
      expect(routes.length).toBe(env.routes.length);
      for (const r of routes) {
        for (const ref of asArray(get(r.object, 'spec', 'rules')).flatMap((rule) =>
          asArray(rule.backendRefs),
        )) {
          const ns = (ref.namespace as string | undefined) ?? r.namespace;
          const where = `${env.name} HTTPRoute/${r.name} -> ${ns}/${ref.name as string}:${ref.port as number}`;
          const svc = objects.find(
            (o) => o.kind === 'Service' && o.namespace === ns && o.name === ref.name,
          );
          expect(svc, where).toBeDefined();
          const port = asArray(get(svc?.object, 'spec', 'ports')).find((p) => p.port === ref.port);
          expect(port, where).toBeDefined();
          const selector = get(svc?.object, 'spec', 'selector');
          const deployments = objects.filter(
            (o) =>
              o.kind === 'Deployment' &&
              o.namespace === ns &&
              labelsMatch(selector, get(o.object, 'spec', 'template', 'metadata', 'labels')),
          );
          expect(deployments.length, where).toBe(1);
          const deployment = deployments[0] as RenderedObject;
          expect(
            labelsMatch(
              get(deployment.object, 'spec', 'selector', 'matchLabels'),
              get(deployment.object, 'spec', 'template', 'metadata', 'labels'),
            ),
          ).toBe(true);
          const containerPorts = asArray(
            get(deployment.object, 'spec', 'template', 'spec', 'containers'),
          ).flatMap((c) => asArray(c.ports));
          const target = port?.targetPort;
          expect(typeof target, `${where}: targetPort by name`).toBe('string');
          expect(
            containerPorts.some((p) => p.name === target),
            where,
          ).toBe(true);
        }
      }
    }
  });

  it('attaches every catalog route to the HTTPS listener of the Gateway in its own namespace', () => {
    for (const env of model.environments) {
      const objects = envObjects(all, env.name);
      const gateway = objects.find((o) => o.kind === 'Gateway');
      const listeners = asArray(get(gateway?.object, 'spec', 'listeners'));
      for (const r of objects.filter((o) => o.kind === 'HTTPRoute')) {
        for (const parent of asArray(get(r.object, 'spec', 'parentRefs'))) {
          expect(parent.name).toBe(gateway?.name);
          expect((parent.namespace as string | undefined) ?? r.namespace).toBe(gateway?.namespace);
          const listener = listeners.find((l) => l.name === parent.sectionName);
          expect(get(listener, 'allowedRoutes', 'namespaces', 'from')).toBe('Same');
          expect(r.namespace).toBe(gateway?.namespace);
          const expected = get(r.object, 'spec', 'rules', 0, 'backendRefs') ? 'HTTPS' : 'HTTP';
          expect(listener?.protocol, `HTTPRoute/${r.name}`).toBe(expected);
        }
      }
    }
  });

  it('admits the gateway identity on the container port, through ztunnel and NetworkPolicy, to every backend', () => {
    for (const env of model.environments) {
      const objects = envObjects(all, env.name);
      for (const b of env.services) {
        const inNs = objects.filter((o) => o.namespace === b.namespace);
        const deployment = inNs.find(
          (o) => o.kind === 'Deployment' && o.name === b.name,
        ) as RenderedObject;
        const podLabels = get(deployment.object, 'spec', 'template', 'metadata', 'labels');
        const policies = inNs.filter(
          (o) =>
            o.kind === 'AuthorizationPolicy' &&
            labelsMatch(get(o.object, 'spec', 'selector', 'matchLabels'), podLabels),
        );
        expect(policies.map((p) => get(p.object, 'spec'))).toEqual([
          {
            action: 'ALLOW',
            selector: { matchLabels: { ...b.selectorLabels } },
            rules: [
              {
                from: [
                  {
                    source: {
                      principals: [
                        env.gateway.principal,
                        ...b.allowFrom.map((c) => c.principal),
                      ].sort(),
                    },
                  },
                ],
                to: [{ operation: { ports: [String(b.containerPort)] } }],
              },
            ],
          },
        ]);
        const ingress = inNs
          .filter(
            (o) =>
              o.kind === 'NetworkPolicy' &&
              labelsMatch(get(o.object, 'spec', 'podSelector', 'matchLabels'), podLabels),
          )
          .flatMap((o) => asArray(get(o.object, 'spec', 'ingress')));
        const fromGateway = ingress.find((rule) =>
          asArray(rule.from).some(
            (peer) =>
              get(peer, 'namespaceSelector', 'matchLabels', 'kubernetes.io/metadata.name') ===
                env.gateway.namespace &&
              get(peer, 'podSelector', 'matchLabels', 'gateway.networking.k8s.io/gateway-name') ===
                env.gateway.name,
          ),
        );
        expect(asArray(fromGateway?.ports).map((p) => p.port)).toEqual([b.containerPort, 15008]);
        const fromKubelet = ingress.find((rule) =>
          asArray(rule.from).some((p) => get(p, 'ipBlock', 'cidr') === '169.254.7.127/32'),
        );
        expect(asArray(fromKubelet?.ports).map((p) => p.port)).toEqual([b.containerPort]);
      }
    }
  });

  it('denies by default in every backend namespace and enforces STRICT mTLS', () => {
    for (const env of model.environments) {
      const objects = envObjects(all, env.name);
      for (const ns of new Set(env.services.map((s) => s.namespace))) {
        const inNs = objects.filter((o) => o.namespace === ns);
        const spec = (kind: string, name: string) =>
          get(inNs.find((o) => o.kind === kind && o.name === name)?.object, 'spec');
        expect(spec('PeerAuthentication', 'default')).toEqual({ mtls: { mode: 'STRICT' } });
        expect(spec('AuthorizationPolicy', 'allow-nothing')).toEqual({});
        expect(spec('NetworkPolicy', 'default-deny')).toEqual({
          podSelector: {},
          policyTypes: ['Egress', 'Ingress'],
        });
        expect(spec('NetworkPolicy', 'allow-dns-egress')).toMatchObject({
          policyTypes: ['Egress'],
        });
      }
    }
  });

  it('opens the gateway pods only to the VPC and Kong networks on the listener and status ports', () => {
    for (const env of model.environments) {
      const gw = env.gateway;
      const policy = envObjects(all, env.name).find(
        (o) => o.kind === 'NetworkPolicy' && o.name === `${gw.name}-ingress`,
      );
      expect(policy?.namespace).toBe(gw.namespace);
      expect(get(policy?.object, 'spec')).toEqual({
        podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': gw.name } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [env.aws.vpcCidr, env.kong.networkCidr]
              .sort()
              .map((cidr) => ({ ipBlock: { cidr } })),
            ports: [gw.httpPort, gw.httpsPort, gw.statusPort]
              .sort((a, b) => a - b)
              .map((port) => ({ port, protocol: 'TCP' })),
          },
        ],
      });
    }
  });
});
