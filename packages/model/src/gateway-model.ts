export interface Toleration {
  readonly key: string;
  readonly operator: 'Equal' | 'Exists';
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'NoExecute' | 'PreferNoSchedule';
}

export interface GatewayModel {
  readonly name: string;
  readonly namespace: string;
  /** Always `istio`. */
  readonly className: string;
  /** Listener hostname; Kong uses it as upstream Host/SNI. */
  readonly hostname: string;
  readonly tlsSecretName: string;
  readonly httpPort: number;
  readonly httpsPort: number;
  readonly replicas: number;
  /** Istio's generated ServiceAccount/Service/Deployment name: `<gateway>-<className>`. */
  readonly generatedName: string;
  /** SPIFFE principal of the gateway pods: `cluster.local/ns/<ns>/sa/<gateway>-istio`. */
  readonly principal: string;
  /** ConfigMap referenced by `spec.infrastructure.parametersRef`: `<gateway>-options`. */
  readonly parametersConfigMapName: string;
  /** Node labels of the system node pool. */
  readonly systemNodeSelector: Readonly<Record<string, string>>;
  /** Toleration for the system node pool taint `CriticalAddonsOnly=true:NoSchedule`. */
  readonly systemToleration: Toleration;
  /** Gateway status/health port Istio always adds. */
  readonly statusPort: 15021;
  /**
   * Name tag of the security group Terraform creates for the gateway's internal NLB (admitting
   * only Kong's network on the HTTPS port); the Gateway names it in the AWS Load Balancer
   * Controller's `security-groups` annotation. `<cluster>-gateway-nlb`.
   */
  readonly loadBalancerSecurityGroupName: string;
  /** The private CA and the certificates cert-manager issues and renews from it. */
  readonly pki: PkiModel;
}

/** A cert-manager Certificate routeplane renders. */
export interface CertificateModel {
  /** Certificate name; equal to its Secret's name. */
  readonly name: string;
  readonly namespace: string;
  readonly secretName: string;
  /** At most 64 characters (X.509 ub-common-name; cert-manager refuses longer). Absent: SANs only. */
  readonly commonName?: string;
  readonly dnsNames: readonly string[];
  readonly usages: readonly (
    | 'server auth'
    | 'client auth'
    | 'digital signature'
    | 'cert sign'
    | 'crl sign'
  )[];
  readonly duration: string;
  readonly renewBefore: string;
}

/**
 * Per environment: a self-signed root made in the cluster by cert-manager (the key never leaves the
 * cluster), a ClusterIssuer signing with it, the gateway's serving certificate and Kong's client
 * certificate. Kong's copy of the CA and its client key reach decK as DECK_* variables read from
 * these Secrets.
 */
export interface PkiModel {
  /** cert-manager's namespace; also home of the CA Secret and Kong's client certificate. */
  readonly namespace: string;
  /** ClusterIssuer that only bootstraps the root (SelfSigned). */
  readonly selfSignedIssuer: string;
  /** The CA's Certificate (isCA); its Secret is read by the CA ClusterIssuer. */
  readonly ca: CertificateModel;
  /** ClusterIssuer that signs leaves with the CA Secret. */
  readonly caIssuer: string;
  /** The gateway's serving certificate: `gateway.tlsSecretName` in the gateway namespace. */
  readonly serving: CertificateModel;
  /** The certificate Kong presents to the gateway. */
  readonly kongClient: CertificateModel;
}
