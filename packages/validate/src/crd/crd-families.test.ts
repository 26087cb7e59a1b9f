import { haveSharedCrds, sharedCrdsDir } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { sharedCatalog } from './api-server.fixture.js';
import { compileRule } from './cel-rules.js';
import { loadCrdCatalog } from './crd-catalog.js';
import { checkCustomResource } from './crd-validator.js';
import type { StructuralSchema, ValidationRule } from './structural-schema.js';

/** Every rule of a schema, wherever it sits in it. */
function rulesOf(schema: StructuralSchema): ValidationRule[] {
  const nested = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
  ];
  return [...(schema['x-kubernetes-validations'] ?? []), ...nested.flatMap(rulesOf)];
}

const object = (apiVersion: string, kind: string, spec: unknown) => ({
  apiVersion,
  kind,
  metadata: { name: 'x', namespace: 'ns' },
  spec,
});

describe.runIf(haveSharedCrds())('reading one version of a CRD', () => {
  it('gives what parsing the whole document gives, for every version of every pinned CRD', () => {
    const whole = sharedCatalog().allVersions();
    const perVersion = loadCrdCatalog(sharedCrdsDir);
    for (const v of whole) {
      expect(perVersion.lookup(`${v.group}/${v.version}`, v.kind)).toEqual(v);
    }
    expect(whole).toHaveLength(58);
  });
});

/** `format`s below a schema that Kubernetes would turn into non-string CEL types. */
function typedFormats(schema: StructuralSchema & { format?: string }): string[] {
  const nested = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
  ];
  const own = ['date-time', 'duration', 'byte'].includes(schema.format ?? '')
    ? [schema.format ?? '']
    : [];
  return [...own, ...nested.flatMap(typedFormats)];
}

function rulesOverTypedFormats(schema: StructuralSchema, path: string, out: string[]): string[] {
  if ((schema['x-kubernetes-validations'] ?? []).length > 0 && typedFormats(schema).length > 0)
    out.push(path);
  for (const [key, s] of Object.entries(schema.properties ?? {}))
    rulesOverTypedFormats(s, `${path}.${key}`, out);
  if (schema.items) rulesOverTypedFormats(schema.items, `${path}[]`, out);
  return out;
}

describe.runIf(haveSharedCrds())('every CEL rule of the pinned CRDs', () => {
  it('reads no date-time, duration or byte field, which stay strings here (presence tests aside)', () => {
    const paths = sharedCatalog()
      .allVersions()
      .flatMap((v) => rulesOverTypedFormats(v.schema, v.kind, []));
    expect([...new Set(paths)]).toEqual(['ClusterIssuer.spec.venafi', 'Issuer.spec.venafi']);
  });

  it('compiles: each is evaluated (or is a transition rule, run on update only), none is skipped', () => {
    const versions = sharedCatalog()
      .allVersions()
      .filter((v) => v.served);
    const rules = versions.flatMap((v) => rulesOf(v.schema).map((rule) => ({ v, rule })));
    const outcome = rules.map(({ v, rule }) => ({
      kind: v.kind,
      rule: rule.rule,
      compiled: compileRule(rule),
    }));
    expect(outcome.filter((o) => o.compiled.kind === 'unsupported')).toEqual([]);
    expect([
      ...new Set(
        outcome.filter((o) => o.compiled.kind === 'transition').map((o) => `${o.kind}: ${o.rule}`),
      ),
    ]).toEqual(['GatewayClass: self == oldSelf']);
    // Rule entries of every served version: Gateway API 272, Istio 362, cert-manager 2.
    expect(versions).toHaveLength(53);
    expect(rules).toHaveLength(636);
  });
});

interface FamilyCase {
  readonly family: string;
  readonly name: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly valid: unknown;
  readonly invalid: unknown;
  readonly message: string;
}

/** A TLSRoute case that differs only in its one hostname. */
function tlsRoute(name: string, valid: string, invalid: string, message: string): FamilyCase {
  const spec = (hostname: string) => ({
    parentRefs: [{ name: 'gw' }],
    hostnames: [hostname],
    rules: [{ backendRefs: [{ name: 's', port: 443 }] }],
  });
  return {
    family: 'Gateway API',
    name: `TLSRoute ${name}`,
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'TLSRoute',
    valid: spec(valid),
    invalid: spec(invalid),
    message,
  };
}

const gatewayApi: FamilyCase[] = [
  tlsRoute(
    'hostnames are not IPs (isIP)',
    'a.example.com',
    '10.0.0.1',
    'Hostnames cannot contain an IP',
  ),
  tlsRoute(
    'wildcard hostnames (startsWith, substring, matches)',
    '*.example.com',
    'a.*.example.com',
    'Wildcards on hostnames must be the first label',
  ),
  {
    family: 'Gateway API',
    name: 'GRPCRoute method names (raw string regex)',
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    valid: { rules: [{ matches: [{ method: { service: 'pkg.Svc', method: 'Get' } }] }] },
    invalid: { rules: [{ matches: [{ method: { service: 'pkg.Svc', method: 'Get-It' } }] }] },
    message: 'method must only contain valid characters',
  },
  {
    family: 'Gateway API',
    name: 'BackendTLSPolicy needs CA certificates or well-known CAs',
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'BackendTLSPolicy',
    valid: {
      targetRefs: [{ group: '', kind: 'Service', name: 's' }],
      validation: { hostname: 'a.example.com', wellKnownCACertificates: 'System' },
    },
    invalid: {
      targetRefs: [{ group: '', kind: 'Service', name: 's' }],
      validation: { hostname: 'a.example.com' },
    },
    message: 'must specify either CACertificateRefs or WellKnownCACertificates',
  },
  {
    family: 'Gateway API',
    name: 'GatewayClass controllerName is immutable (a transition rule: not run on create)',
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    valid: { controllerName: 'example.com/controller' },
    invalid: { controllerName: 'not a domain prefixed path' },
    message: 'spec.controllerName: Invalid value',
  },
];

const istio: FamilyCase[] = [
  {
    family: 'Istio',
    name: 'WasmPlugin url schemes (isURL, url, getScheme)',
    apiVersion: 'extensions.istio.io/v1alpha1',
    kind: 'WasmPlugin',
    valid: { url: 'oci://registry.example.com/plugin:1' },
    invalid: { url: 'ftp://registry.example.com/plugin' },
    message: 'url must have schema one of [http, https, file, oci]',
  },
  {
    family: 'Istio',
    name: 'WasmPlugin url without scheme is read as http',
    apiVersion: 'extensions.istio.io/v1alpha1',
    kind: 'WasmPlugin',
    valid: { url: 'registry.example.com/plugin:1' },
    invalid: { url: 'registry example.com/plugin' },
    message: 'url must have schema one of [http, https, file, oci]',
  },
  {
    family: 'Istio',
    name: 'RequestAuthentication jwks_uri is http(s)',
    apiVersion: 'security.istio.io/v1',
    kind: 'RequestAuthentication',
    valid: { jwtRules: [{ issuer: 'i', jwks_uri: 'https://example.com/jwks' }] },
    invalid: { jwtRules: [{ issuer: 'i', jwks_uri: 'file:///jwks' }] },
    message: 'url must have scheme http:// or https://',
  },
  {
    family: 'Istio',
    name: 'PeerAuthentication port keys (int())',
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    valid: {
      selector: { matchLabels: { app: 'a' } },
      portLevelMtls: { '8080': { mode: 'STRICT' } },
    },
    invalid: {
      selector: { matchLabels: { app: 'a' } },
      portLevelMtls: { '70000': { mode: 'STRICT' } },
    },
    message: 'port must be between 1-65535',
  },
  {
    family: 'Istio',
    name: 'DestinationRule timeouts (duration())',
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    valid: { host: 'a', trafficPolicy: { connectionPool: { tcp: { connectTimeout: '5s' } } } },
    invalid: { host: 'a', trafficPolicy: { connectionPool: { tcp: { connectTimeout: '0.5ms' } } } },
    message: 'must be a valid duration greater than 1ms',
  },
  {
    family: 'Istio',
    name: 'ServiceEntry CIDR addresses need NONE or STATIC resolution',
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    valid: {
      hosts: ['a.example.com'],
      addresses: ['10.0.0.0/24'],
      ports: [{ number: 80, name: 'http' }],
      resolution: 'NONE',
    },
    invalid: {
      hosts: ['a.example.com'],
      addresses: ['10.0.0.0/24'],
      ports: [{ number: 80, name: 'http' }],
      resolution: 'DNS',
    },
    message: 'CIDR addresses are allowed only for NONE/STATIC resolution types',
  },
];

const certManager: FamilyCase[] = [
  {
    family: 'cert-manager',
    name: 'Issuer venafi needs exactly one of tpp, cloud, ngts',
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    valid: { venafi: { zone: 'z', cloud: { apiTokenSecretRef: { name: 's' } } } },
    invalid: { venafi: { zone: 'z' } },
    message: 'exactly one of tpp, cloud, or ngts must be configured',
  },
];

describe.runIf(haveSharedCrds())('a sample of rules from each CRD family', () => {
  it.each([...gatewayApi, ...istio, ...certManager])(
    '$family: $name',
    ({ apiVersion, kind, valid, invalid, message }) => {
      const check = (spec: unknown) =>
        checkCustomResource(sharedCatalog(), object(apiVersion, kind, spec))?.issues.map(
          (i) => `${i.rule} ${i.message}`,
        );
      expect(check(valid)).toEqual([]);
      expect(check(invalid)?.join('\n')).toContain(message);
    },
  );
});
