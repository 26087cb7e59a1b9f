import type { TreeFile } from './finding.js';

/** A decK environment reference, `${{ env "NAME" }}`. */
export function deckEnv(name: string): string {
  return `\${{ env "${name}" }}`;
}

const caId = '0c9b2a7e-3f55-5c1e-9f0e-2f4b8a7d6c11';
const clientId = '5d0e8f3a-1b2c-5d4e-8f6a-7b8c9d0e1f2a';

/** A cert-manager Certificate issued by the CA ClusterIssuer `gateway-ca`. */
function certificate(
  name: string,
  namespace: string,
  issuer: string,
  annotations: Record<string, string> = {},
): Record<string, unknown> {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name, namespace, annotations },
    spec: {
      secretName: name,
      commonName: name,
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: issuer },
    },
  };
}

/** The PKI: a self-signed root, the CA issuer, the serving and the Kong client certificate. */
function pkiFiles(k8s: string): TreeFile[] {
  return [
    {
      path: `${k8s}/pki/ca.yaml`,
      documents: [
        {
          apiVersion: 'cert-manager.io/v1',
          kind: 'ClusterIssuer',
          metadata: { name: 'gateway-ca-selfsigned' },
          spec: { selfSigned: {} },
        },
        {
          ...certificate('gateway-ca', 'cert-manager', 'gateway-ca-selfsigned'),
          spec: {
            isCA: true,
            secretName: 'gateway-ca',
            commonName: 'gateway CA',
            issuerRef: { kind: 'ClusterIssuer', name: 'gateway-ca-selfsigned' },
          },
        },
        {
          apiVersion: 'cert-manager.io/v1',
          kind: 'ClusterIssuer',
          metadata: { name: 'gateway-ca' },
          spec: { ca: { secretName: 'gateway-ca' } },
        },
      ],
    },
    {
      path: `${k8s}/pki/certificates.yaml`,
      documents: [
        certificate('kong-cloud-gw-gateway-tls', 'istio-ingress', 'gateway-ca'),
        certificate('kong-gateway-client', 'cert-manager', 'gateway-ca', {
          'routeplane.dev/deck-env-ca-crt': 'DECK_GATEWAY_CA_CERT',
          'routeplane.dev/deck-env-tls-crt': 'DECK_KONG_CLIENT_CERT',
          'routeplane.dev/deck-env-tls-key': 'DECK_KONG_CLIENT_KEY',
        }),
      ],
    },
  ];
}

/**
 * A realistic, clean rendered tree for one environment: one gateway, one backend in another
 * namespace, one route, the Argo CD App-of-Apps and the decK file. Tests corrupt it one way at a time.
 */
export function cleanTree(env = 'dev'): TreeFile[] {
  const k8s = `generated/k8s/${env}`;
  const podLabels = {
    'app.kubernetes.io/name': 'sample-app-1',
    'app.kubernetes.io/instance': 'sample-app-1',
  };
  const app = (
    name: string,
    wave: number,
    source: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `routeplane-${env}-${name}`,
      namespace: 'argocd',
      annotations: { 'argocd.argoproj.io/sync-wave': String(wave) },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: `routeplane-${env}`,
      source,
      destination: { server: 'https://kubernetes.default.svc', namespace: 'istio-ingress' },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true'],
      },
      ...extra,
    },
  });
  const repo = 'https://github.com/example-org/kong-cloud-gateway-platform.git';
  const istioRepo = 'https://istio-release.storage.googleapis.com/charts';
  return [
    {
      path: `argocd/${env}/root.yaml`,
      documents: [
        app(
          'root',
          0,
          { repoURL: repo, targetRevision: 'main', path: `argocd/${env}/apps` },
          { project: `routeplane-${env}-bootstrap` },
        ),
      ],
    },
    {
      path: `argocd/${env}/bootstrap/project.yaml`,
      documents: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'AppProject',
          metadata: { name: `routeplane-${env}-bootstrap`, namespace: 'argocd' },
          spec: {
            sourceRepos: [repo],
            destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'argocd' }],
            clusterResourceWhitelist: [],
            namespaceResourceWhitelist: [
              { group: 'argoproj.io', kind: 'AppProject' },
              { group: 'argoproj.io', kind: 'Application' },
            ],
          },
        },
      ],
    },
    {
      path: `argocd/${env}/apps/project.yaml`,
      documents: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'AppProject',
          metadata: { name: `routeplane-${env}`, namespace: 'argocd' },
          spec: {
            sourceRepos: [repo, istioRepo, 'https://github.com/kubernetes-sigs/gateway-api.git'],
            destinations: [{ server: 'https://kubernetes.default.svc', namespace: '*' }],
            clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
            namespaceResourceWhitelist: [{ group: '', kind: 'Service' }],
          },
        },
      ],
    },
    {
      path: `argocd/${env}/apps/gateway-api-crds.yaml`,
      documents: [
        app('gateway-api-crds', -2, {
          repoURL: 'https://github.com/kubernetes-sigs/gateway-api.git',
          targetRevision: 'v1.6.1',
          path: 'config/crd/standard',
        }),
      ],
    },
    {
      path: `argocd/${env}/apps/istio-base.yaml`,
      documents: [
        app('istio-base', -1, { repoURL: istioRepo, chart: 'base', targetRevision: '1.30.2' }),
      ],
    },
    {
      path: `argocd/${env}/apps/istiod.yaml`,
      documents: [
        app('istiod', 0, { repoURL: istioRepo, chart: 'istiod', targetRevision: '1.30.2' }),
      ],
    },
    {
      path: `argocd/${env}/apps/namespaces.yaml`,
      documents: [
        app('namespaces', 1, { repoURL: repo, targetRevision: 'main', path: `${k8s}/namespaces` }),
      ],
    },
    {
      path: `argocd/${env}/apps/cert-manager.yaml`,
      documents: [
        app('cert-manager', 2, {
          repoURL: 'https://charts.jetstack.io',
          chart: 'cert-manager',
          targetRevision: 'v1.21.1',
        }),
      ],
    },
    {
      path: `argocd/${env}/apps/pki.yaml`,
      documents: [app('pki', 4, { repoURL: repo, targetRevision: 'main', path: `${k8s}/pki` })],
    },
    ...pkiFiles(k8s),
    {
      path: `argocd/${env}/apps/gateway.yaml`,
      documents: [
        app('gateway', 5, { repoURL: repo, targetRevision: 'main', path: `${k8s}/gateway` }),
      ],
    },
    {
      path: `argocd/${env}/apps/routes.yaml`,
      documents: [
        app('routes', 6, { repoURL: repo, targetRevision: 'main', path: `${k8s}/routes` }),
      ],
    },
    {
      path: `argocd/${env}/apps/backends-sample-apps.yaml`,
      documents: [
        app('backends-sample-apps', 7, {
          repoURL: repo,
          targetRevision: 'main',
          path: `${k8s}/backends/sample-apps`,
        }),
      ],
    },
    {
      path: `${k8s}/namespaces/namespace-cert-manager.yaml`,
      documents: [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: 'cert-manager',
            labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
          },
        },
      ],
    },
    ...['istio-ingress', 'sample-apps'].map((ns) => ({
      path: `${k8s}/namespaces/namespace-${ns}.yaml`,
      documents: [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: ns,
            labels: {
              'istio.io/dataplane-mode': 'ambient',
              'pod-security.kubernetes.io/enforce': 'restricted',
            },
          },
        },
      ],
    })),
    {
      path: `${k8s}/gateway/gateway.yaml`,
      documents: [
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: { name: 'kong-cloud-gw-gateway', namespace: 'istio-ingress' },
          spec: {
            gatewayClassName: 'istio',
            infrastructure: {
              annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
              parametersRef: {
                group: '',
                kind: 'ConfigMap',
                name: 'kong-cloud-gw-gateway-options',
              },
            },
            listeners: [
              {
                name: 'https',
                hostname: 'gateway.internal.example.com',
                port: 443,
                protocol: 'HTTPS',
                tls: {
                  mode: 'Terminate',
                  certificateRefs: [{ kind: 'Secret', name: 'kong-cloud-gw-gateway-tls' }],
                },
                allowedRoutes: { namespaces: { from: 'Same' } },
              },
            ],
            tls: {
              frontend: {
                default: {
                  validation: {
                    caCertificateRefs: [
                      { group: '', kind: 'Secret', name: 'kong-cloud-gw-gateway-tls' },
                    ],
                    mode: 'AllowValidOnly',
                  },
                },
              },
            },
          },
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kong-cloud-gw-gateway-options', namespace: 'istio-ingress' },
          data: {
            deployment:
              'spec:\n  replicas: 2\n  template:\n    spec:\n      nodeSelector:\n        node-role: system\n      tolerations:\n        - key: CriticalAddonsOnly\n          operator: Equal\n          value: "true"\n          effect: NoSchedule\n',
          },
        },
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'kong-cloud-gw-gateway-ingress', namespace: 'istio-ingress' },
          spec: {
            podSelector: {
              matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'kong-cloud-gw-gateway' },
            },
            policyTypes: ['Ingress'],
            ingress: [
              {
                from: [{ ipBlock: { cidr: '10.0.0.0/16' } }],
                ports: [{ port: 443, protocol: 'TCP' }],
              },
            ],
          },
        },
      ],
    },
    {
      path: `${k8s}/routes/httproute-app1.yaml`,
      documents: [
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'HTTPRoute',
          metadata: { name: 'app1', namespace: 'istio-ingress' },
          spec: {
            parentRefs: [{ name: 'kong-cloud-gw-gateway', sectionName: 'https' }],
            rules: [
              {
                matches: [{ path: { type: 'PathPrefix', value: '/app1' } }],
                backendRefs: [{ name: 'sample-app-1', namespace: 'sample-apps', port: 80 }],
              },
            ],
          },
        },
      ],
    },
    {
      path: `${k8s}/routes/referencegrant-sample-apps.yaml`,
      documents: [
        {
          apiVersion: 'gateway.networking.k8s.io/v1beta1',
          kind: 'ReferenceGrant',
          metadata: { name: 'allow-istio-ingress-routes', namespace: 'sample-apps' },
          spec: {
            from: [
              { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-ingress' },
            ],
            to: [{ group: '', kind: 'Service', name: 'sample-app-1' }],
          },
        },
      ],
    },
    {
      path: `${k8s}/backends/sample-apps/sample-app-1.yaml`,
      documents: [
        {
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: { name: 'sample-app-1', namespace: 'sample-apps' },
          automountServiceAccountToken: false,
        },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'sample-app-1', namespace: 'sample-apps', labels: { ...podLabels } },
          spec: {
            replicas: 2,
            selector: { matchLabels: { ...podLabels } },
            template: {
              metadata: { labels: { ...podLabels } },
              spec: {
                serviceAccountName: 'sample-app-1',
                automountServiceAccountToken: false,
                securityContext: {
                  runAsNonRoot: true,
                  runAsUser: 10101,
                  runAsGroup: 10101,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                containers: [
                  {
                    name: 'server',
                    image: 'docker.io/nginxinc/nginx-unprivileged:1.29.3-alpine',
                    ports: [{ name: 'http', containerPort: 8080 }],
                    resources: {
                      requests: { cpu: '10m', memory: '16Mi' },
                      limits: { cpu: '100m', memory: '64Mi' },
                    },
                    livenessProbe: {
                      httpGet: { path: '/app1/health', port: 'http' },
                      periodSeconds: 20,
                    },
                    readinessProbe: {
                      httpGet: { path: '/app1/health', port: 'http' },
                      periodSeconds: 5,
                    },
                    securityContext: {
                      allowPrivilegeEscalation: false,
                      readOnlyRootFilesystem: true,
                      capabilities: { drop: ['ALL'] },
                    },
                    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
                  },
                ],
                volumes: [{ name: 'tmp', emptyDir: {} }],
              },
            },
          },
        },
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'sample-app-1', namespace: 'sample-apps', labels: { ...podLabels } },
          spec: {
            type: 'ClusterIP',
            selector: { ...podLabels },
            ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
          },
        },
        {
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          metadata: { name: 'sample-app-1', namespace: 'sample-apps' },
          spec: { minAvailable: 1, selector: { matchLabels: { ...podLabels } } },
        },
      ],
    },
    {
      path: `${k8s}/backends/sample-apps/policies.yaml`,
      documents: [
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'sample-apps', namespace: 'sample-apps' },
          spec: {
            podSelector: {},
            policyTypes: ['Ingress'],
            ingress: [
              {
                ports: [
                  { port: 8080, protocol: 'TCP' },
                  { port: 15008, protocol: 'TCP' },
                ],
              },
              {
                from: [{ ipBlock: { cidr: '169.254.7.127/32' } }],
                ports: [{ port: 8080, protocol: 'TCP' }],
              },
            ],
          },
        },
        {
          apiVersion: 'security.istio.io/v1',
          kind: 'PeerAuthentication',
          metadata: { name: 'default', namespace: 'sample-apps' },
          spec: { mtls: { mode: 'STRICT' } },
        },
        {
          apiVersion: 'security.istio.io/v1',
          kind: 'AuthorizationPolicy',
          metadata: { name: 'allow-gateway', namespace: 'sample-apps' },
          spec: {
            action: 'ALLOW',
            rules: [
              {
                from: [
                  {
                    source: {
                      principals: ['cluster.local/ns/istio-ingress/sa/kong-cloud-gw-gateway-istio'],
                    },
                  },
                ],
                to: [{ operation: { ports: ['8080'] } }],
              },
            ],
          },
        },
      ],
    },
    {
      path: `deck/${env}/kong.yaml`,
      documents: [
        {
          _format_version: '3.0',
          _konnect: { control_plane_name: `kong-cloud-gw-${env}` },
          _info: { select_tags: ['routeplane'] },
          ca_certificates: [{ id: caId, cert: deckEnv('DECK_GATEWAY_CA_CERT') }],
          certificates: [
            {
              id: clientId,
              cert: deckEnv('DECK_KONG_CLIENT_CERT'),
              key: deckEnv('DECK_KONG_CLIENT_KEY'),
            },
          ],
          services: [
            {
              name: 'sample-apps-sample-app-1',
              protocol: 'https',
              host: deckEnv('DECK_GATEWAY_UPSTREAM_HOST'),
              port: 443,
              tls_verify: true,
              tls_verify_depth: 1,
              ca_certificates: [caId],
              client_certificate: clientId,
              tags: ['routeplane'],
              routes: [
                {
                  name: 'app1',
                  paths: ['/app1/', '~/app1$'],
                  strip_path: false,
                  tags: ['routeplane'],
                },
              ],
            },
          ],
          consumers: [
            {
              username: 'demo-user',
              jwt_secrets: [
                {
                  key: 'demo-issuer',
                  algorithm: 'HS256',
                  secret: deckEnv('DECK_DEMO_USER_JWT_SECRET'),
                },
              ],
            },
          ],
        },
      ],
    },
  ];
}
