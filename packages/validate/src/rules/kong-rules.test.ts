import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt } from '../corrupt.fixture.js';
import type { TreeFile } from '../finding.js';
import { validateTree } from '../validate-tree.js';

/**
 * The kong.yaml cross-layer and policy checks the corruption table does not reach, one edit of the
 * clean dev kong.yaml each, with the exact findings (rule, object, message) they must cause.
 */
const kong = 'deck/dev/kong.yaml';
type Doc = Record<string, unknown>;
type Edit = Parameters<typeof corrupt>[3];
const service = (d: unknown) => at(d, 'services', 0);
const route = (d: unknown) => at(d, 'services', 0, 'routes', 0);
/** A second, valid service reaching the Gateway: tests vary one field of it. */
const verified = (d: unknown) => ({
  tls_verify: true,
  ca_certificates: at(service(d), 'ca_certificates'),
});

function report(files: readonly TreeFile[]): string[] {
  return validateTree({ files, waivers: [] }).map((f) => `${f.rule} ${f.object}: ${f.message}`);
}
const findings = (edit: Edit) => report(corrupt(cleanTree(), kong, 0, edit));

const identify = (tags: string) =>
  `xlayer/kong-route-backend KongRoute/app1: Kong service "sample-apps.sample-app-2" (tags ${tags}) must identify backend sample-apps/sample-app-1 of HTTPRoute/istio-ingress/app1 by name sample-apps.sample-app-1 or tag`;

describe('Kong routes against their HTTPRoutes', () => {
  it.each<[string, Edit, string[]]>([
    [
      'a Kong route no HTTPRoute names',
      (d) => {
        (service(d).routes as Doc[]).push({ ...route(d), name: 'ghost' });
      },
      [
        'xlayer/kong-route-match KongRoute/ghost: no HTTPRoute named ghost exists for this Kong route',
      ],
    ],
    [
      'a top-level Kong route without service or HTTPRoute (no backend to compare)',
      (d) => {
        d.routes = [{ ...route(d), name: 'ghost' }];
      },
      [
        'xlayer/kong-route-match KongRoute/ghost: no HTTPRoute named ghost exists for this Kong route',
      ],
    ],
    [
      'methods the HTTPRoute does not restrict',
      (d) => {
        route(d).methods = ['GET', 'GET'];
      },
      [
        'xlayer/kong-route-match KongRoute/app1: methods must be [] as in HTTPRoute/istio-ingress/app1, but ["GET"] was given',
      ],
    ],
    [
      'a top-level route that names no service',
      (d) => {
        const app1 = route(d);
        service(d).routes = [];
        d.routes = [app1];
      },
      ['xlayer/kong-route-backend KongRoute/app1: the route belongs to no Kong service'],
    ],
    [
      'a top-level route that names its service',
      (d) => {
        const app1 = route(d);
        service(d).routes = [];
        d.routes = [{ ...app1, service: { name: 'sample-apps.sample-app-1' } }];
      },
      [],
    ],
    [
      'a service named otherwise, with neither name nor tag of the backend',
      (d) => {
        service(d).name = 'sample-apps.sample-app-2';
        service(d).tags = ['routeplane', 7];
      },
      [identify('["routeplane",7]')],
    ],
    [
      'a service without a name',
      (d) => {
        delete service(d).name;
        service(d).tags = [];
      },
      [
        'xlayer/kong-route-backend KongRoute/app1: Kong service nothing (tags []) must identify backend sample-apps/sample-app-1 of HTTPRoute/istio-ingress/app1 by name sample-apps.sample-app-1 or tag',
        'schema/deck KongService/?: name must be set',
      ],
    ],
    ...[
      'sample-apps-sample-app-1',
      'sample-apps/sample-app-1',
      'backend:sample-apps/sample-app-1',
    ].map((tag): [string, Edit, string[]] => [
      `a service identifying the backend by the tag ${tag}`,
      (d) => {
        service(d).name = 'sample-apps.sample-app-2';
        service(d).tags = ['routeplane', tag];
      },
      [],
    ]),
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });

  it('names every decK file of the environment when no Kong route exposes an HTTPRoute', () => {
    const files = corrupt(cleanTree(), kong, 0, (d) => {
      route(d).name = 'app-one';
    });
    const extra = structuredClone(files.find((f) => f.path === kong)) as TreeFile;
    const both = [...files, { path: 'deck/dev/kong-extra.yaml', documents: extra.documents }];
    expect(report(both).filter((f) => f.startsWith('xlayer/kong-route-exposed'))).toEqual([
      'xlayer/kong-route-exposed HTTPRoute/istio-ingress/app1: no Kong route named app1 in deck/dev/kong.yaml, deck/dev/kong-extra.yaml',
    ]);
  });

  it('asks for no Kong route in an environment without decK files', () => {
    const files = cleanTree().filter((f) => !f.path.startsWith('deck/'));
    expect(report(files).filter((f) => f.includes('kong-route'))).toEqual([]);
  });
});

describe('Kong services reaching the Gateway', () => {
  const upstream = (object: string, message: string) =>
    `xlayer/kong-upstream KongService/${object}: ${message}`;
  it.each<[string, Edit, string[]]>([
    [
      'a service on another port',
      (d) => {
        service(d).port = 8443;
      },
      [
        upstream(
          'sample-apps.sample-app-1',
          'port must be a Gateway HTTPS listener port [443], but 8443 was given',
        ),
      ],
    ],
    [
      'an unnamed service given by an http URL with a port',
      (d) => {
        (d.services as Doc[]).push({ ...verified(d), url: 'http://gateway.internal:8080' });
      },
      [
        'schema/deck KongService/?: name must be set',
        upstream('?', 'port must be a Gateway HTTPS listener port [443], but 8080 was given'),
        upstream('?', 'protocol must be https (TLS to the Gateway), but "http" was given'),
      ],
    ],
    [
      'a service given by an https URL without a port (443)',
      (d) => {
        (d.services as Doc[]).push({ ...verified(d), name: 'by-url', url: 'https://gateway' });
      },
      [],
    ],
    [
      'a service with neither protocol, port nor URL (Kong defaults: http, 80)',
      (d) => {
        (d.services as Doc[]).push({ ...verified(d), name: 'bare', host: 'gateway' });
      },
      [
        upstream('bare', 'port must be a Gateway HTTPS listener port [443], but 80 was given'),
        upstream('bare', 'protocol must be https (TLS to the Gateway), but "http" was given'),
      ],
    ],
    [
      // The Kong rules skip it without crashing (no rule reports it yet: see the report).
      'an empty entry in services (a stray "-")',
      (d) => {
        (d.services as unknown[]).push(null);
      },
      [],
    ],
    [
      'an unnamed service that does not verify the Gateway certificate',
      (d) => {
        (d.services as Doc[]).push({
          ...service(d),
          name: undefined,
          routes: [],
          tls_verify: false,
        });
      },
      [
        'policy/kong-tls-verify -: tls_verify must be true with ca_certificates on every service (the gateway CA, gateway.pki), but ["?"] do not verify the Gateway certificate',
        'schema/deck KongService/?: name must be set',
      ],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });

  it('checks no port when the environment has no Gateway HTTPS listener', () => {
    const files = corrupt(cleanTree(), kong, 0, (d) => {
      service(d).port = 8443;
    }).filter((f) => f.path !== 'generated/k8s/dev/gateway/gateway.yaml');
    expect(report(files).filter((f) => f.startsWith('xlayer/kong-upstream'))).toEqual([]);
  });
});

describe('Kong plugin settings', () => {
  const cors = (config: Doc) => ({ name: 'cors', config });
  const wildcard = 'config.origins ["*"] must not be combined with credentials: true';
  it.each<[string, Edit, string[]]>([
    [
      'a global CORS plugin with any origin and credentials',
      (d) => {
        (d.plugins as Doc[]).push(cors({ origins: ['*'], credentials: true }));
      },
      [`policy/kong-plugins KongPlugin/cors: ${wildcard}`],
    ],
    [
      'the same plugin on a route nested in a service',
      (d) => {
        route(d).plugins = [cors({ origins: ['*'], credentials: true })];
      },
      [`policy/kong-plugins KongPlugin/cors: ${wildcard}`],
    ],
    [
      'the same plugin on a top-level route',
      (d) => {
        const app1 = route(d);
        service(d).routes = [];
        d.routes = [
          {
            ...app1,
            service: { name: 'sample-apps.sample-app-1' },
            plugins: [cors({ origins: ['*'], credentials: true })],
          },
        ];
      },
      [`policy/kong-plugins KongPlugin/cors: ${wildcard}`],
    ],
    [
      'any origin without credentials',
      (d) => {
        (d.plugins as Doc[]).push(cors({ origins: ['*'], credentials: false }));
      },
      [],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });
});
