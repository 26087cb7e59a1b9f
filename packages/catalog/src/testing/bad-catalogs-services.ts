import { type BadCatalog, pemPrivateKeyHeader, shipped } from './bad-catalog-edits.js';

/** Bad catalogs whose mistake sits in services[]. */
export const servicesMistakes: readonly BadCatalog[] = [
  [
    'a name that is not DNS-1123',
    shipped(['services.0.name', 'Health_Responder']),
    'services[0].name: must be a DNS-1123 label',
  ],
  [
    'a reserved namespace',
    shipped(['services.1.namespace', 'kube-system']),
    'services[1].namespace: "kube-system" is reserved',
  ],
  [
    'a duplicate service name',
    shipped(['services.2.name', 'sample-app-1']),
    'services[2].name: service name "sample-app-1" is already used',
  ],
  [
    'a port out of range',
    shipped(['services.0.port', 70000]),
    'services[0].port: must be 1-65535, but 70000 was given',
  ],
  [
    'an Istio port',
    shipped(['services.0.port', 15008]),
    "services[0].port: must not be one of Istio's ambient ports",
  ],
  [
    'a PEM private key anywhere',
    shipped(['services.0.responses.0.body', `${pemPrivateKeyHeader}\nMIIB`]),
    'services[0].responses[0].body: looks like a secret',
  ],
  [
    'an unpinned image',
    shipped(['services.0.image', 'nginx']),
    'services[0].image: must match Image with a pinned tag or digest',
  ],
  [
    'a health path the server does not answer',
    shipped(['services.0.healthPath', '/ready']),
    'services[0].healthPath: must be one of the paths the server answers (/healthz), but "/ready" was given',
  ],
  [
    'a waypoint whose name would exceed a DNS label',
    shipped(
      ['services.0.name', 'h'.repeat(60)],
      ['routes.0.service', 'h'.repeat(60)],
      ['services.0.waypoint', true],
    ),
    `services[0].waypoint: needs a service name of at most 54 characters (the waypoint is named "<service>-waypoint", a DNS-1123 label), but "${'h'.repeat(60)}" has 60`,
  ],
  [
    'a waypoint that would admit nobody',
    shipped(['services.0.waypoint', true], ['routes.0.service', 'sample-app-1']),
    'services[0].waypoint: needs a route or an allowFrom caller: its L7 policy would admit nobody, but no route targets "health-responder"',
  ],
  [
    'a response path listed twice',
    shipped([
      'services.0.responses',
      [
        { path: '/healthz', body: 'ok' },
        { path: '/healthz', body: 'again' },
      ],
    ]),
    'services[0].responses[1].path: path "/healthz" is listed twice',
  ],
  [
    'an image on the latest tag',
    shipped(['services.0.image', 'docker.io/library/nginx:latest']),
    'services[0].image: must be pinned to a version tag or a digest, never "latest"',
  ],
  [
    'a backend shared-secret header that Kong or the gateway route on',
    shipped([
      'services.3.sharedSecretHeader',
      { name: 'Host', valueEnv: 'DECK_USERS_API_SHARED_SECRET' },
    ]),
    'services[3].sharedSecretHeader.name: must be a header of its own',
  ],
];
