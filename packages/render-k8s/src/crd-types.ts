/**
 * The few Gateway API and Istio security fields this package renders, typed by hand from the
 * official CRD schemas (`../shared/schemas/crds`); the schema tests keep them honest.
 */

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ParentReference {
  readonly group?: string;
  readonly kind?: string;
  readonly name: string;
  readonly namespace?: string;
  readonly sectionName?: string;
}

export interface GatewayListener {
  readonly name: string;
  readonly hostname?: string;
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly tls?: {
    readonly mode: 'Terminate';
    readonly certificateRefs: readonly {
      readonly group: '';
      readonly kind: 'Secret';
      readonly name: string;
    }[];
  };
  readonly allowedRoutes: {
    readonly namespaces: { readonly from: 'Same' };
    readonly kinds: readonly { readonly group: string; readonly kind: 'HTTPRoute' }[];
  };
}

export interface GatewaySpec {
  readonly gatewayClassName: string;
  readonly infrastructure: {
    readonly annotations: Readonly<Record<string, string>>;
    readonly parametersRef: {
      readonly group: '';
      readonly kind: 'ConfigMap';
      readonly name: string;
    };
  };
  readonly listeners: readonly GatewayListener[];
  /** Gateway API v1.6 standard: client-certificate validation of the TLS listeners. */
  readonly tls?: {
    readonly frontend: {
      readonly default: {
        readonly validation: {
          readonly caCertificateRefs: readonly {
            readonly group: '';
            readonly kind: 'Secret' | 'ConfigMap';
            readonly name: string;
          }[];
          readonly mode: 'AllowValidOnly' | 'AllowInsecureFallback';
        };
      };
    };
  };
}

export interface HttpRouteMatch {
  readonly path: { readonly type: 'PathPrefix'; readonly value: string };
  readonly method?: string;
}

export interface HttpRouteFilter {
  readonly type: 'RequestRedirect';
  readonly requestRedirect: { readonly scheme: 'https'; readonly statusCode: 301 | 302 };
}

export interface HttpRouteRule {
  readonly matches?: readonly HttpRouteMatch[];
  /** Gateway API standard since v1.2; `retry` is experimental-channel only and not rendered. */
  readonly timeouts?: { readonly request: string; readonly backendRequest?: string };
  readonly filters?: readonly HttpRouteFilter[];
  readonly backendRefs?: readonly {
    readonly name: string;
    readonly namespace?: string;
    readonly port: number;
  }[];
}

export interface HttpRouteSpec {
  readonly parentRefs: readonly ParentReference[];
  readonly hostnames?: readonly string[];
  readonly rules: readonly HttpRouteRule[];
}

export interface ReferenceGrantSpec {
  readonly from: readonly {
    readonly group: string;
    readonly kind: string;
    readonly namespace: string;
  }[];
  readonly to: readonly { readonly group: string; readonly kind: string; readonly name?: string }[];
}

export interface PeerAuthenticationSpec {
  readonly mtls: { readonly mode: 'STRICT' };
}

/** L4 fields only: ztunnel turns a policy with L7 fields into DENY. */
export interface AuthorizationPolicySpec {
  readonly selector?: { readonly matchLabels: Readonly<Record<string, string>> };
  readonly action?: 'ALLOW';
  readonly rules?: readonly {
    readonly from: readonly { readonly source: { readonly principals: readonly string[] } }[];
    readonly to: readonly { readonly operation: { readonly ports: readonly string[] } }[];
  }[];
}

/** A waypoint Gateway: one HBONE listener, options through parametersRef (Istio 1.30). */
export interface WaypointGatewaySpec {
  readonly gatewayClassName: 'istio-waypoint';
  readonly infrastructure: {
    readonly parametersRef: {
      readonly group: '';
      readonly kind: 'ConfigMap';
      readonly name: string;
    };
  };
  readonly listeners: readonly {
    readonly name: string;
    readonly port: 15008;
    readonly protocol: 'HBONE';
  }[];
}

/**
 * L7 policy enforced by a waypoint: attached to a Service with `targetRefs` (never `selector`,
 * which would hand it to ztunnel), with methods and paths.
 */
export interface WaypointAuthorizationPolicySpec {
  readonly targetRefs: readonly {
    readonly group: '';
    readonly kind: 'Service';
    readonly name: string;
  }[];
  readonly action: 'ALLOW';
  readonly rules: readonly {
    readonly from: readonly { readonly source: { readonly principals: readonly string[] } }[];
    readonly to?: readonly {
      readonly operation: {
        readonly methods?: readonly string[];
        readonly paths: readonly string[];
      };
    }[];
  }[];
}
