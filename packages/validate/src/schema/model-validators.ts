import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { ClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { GatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { ReferenceGrant } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant';
import { AuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import { PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { JsonObject } from '../json.js';

/** An error as kubernetes-models (ajv) reports it. */
export interface SchemaError {
  readonly instancePath: string;
  readonly message?: string;
  readonly params?: unknown;
  readonly keyword: string;
}

type ModelClass = new (data: never) => { validate(): void };

/**
 * kubernetes-models classes by `apiVersion/kind`. The Node 20 releases of the family lack two
 * schemas we emit, which are identical in content to one they have: security.istio.io/v1
 * PeerAuthentication (validated as v1beta1) and ReferenceGrant v1 (validated as v1beta1).
 */
const models: Readonly<Record<string, readonly [ModelClass, string?]>> = {
  'v1/Namespace': [Namespace],
  'v1/Service': [Service],
  'v1/ServiceAccount': [ServiceAccount],
  'v1/ConfigMap': [ConfigMap],
  'v1/Secret': [Secret],
  'apps/v1/Deployment': [Deployment],
  'apps/v1/StatefulSet': [StatefulSet],
  'autoscaling/v2/HorizontalPodAutoscaler': [HorizontalPodAutoscaler],
  'policy/v1/PodDisruptionBudget': [PodDisruptionBudget],
  'networking.k8s.io/v1/NetworkPolicy': [NetworkPolicy],
  'gateway.networking.k8s.io/v1/Gateway': [Gateway],
  'gateway.networking.k8s.io/v1/GatewayClass': [GatewayClass],
  'gateway.networking.k8s.io/v1/HTTPRoute': [HTTPRoute],
  'gateway.networking.k8s.io/v1beta1/ReferenceGrant': [ReferenceGrant],
  'gateway.networking.k8s.io/v1/ReferenceGrant': [
    ReferenceGrant,
    'gateway.networking.k8s.io/v1beta1',
  ],
  'security.istio.io/v1/AuthorizationPolicy': [AuthorizationPolicy],
  'security.istio.io/v1/PeerAuthentication': [PeerAuthentication, 'security.istio.io/v1beta1'],
  'cert-manager.io/v1/Certificate': [Certificate],
  'cert-manager.io/v1/ClusterIssuer': [ClusterIssuer],
  'argoproj.io/v1alpha1/Application': [Application],
  'argoproj.io/v1alpha1/AppProject': [AppProject],
};

/**
 * Limits the Node 20 releases hold at an older version than the pinned CRDs: Gateway API v1.1
 * allowed 8 `spec.infrastructure.annotations`, v1.6.1 allows 16, which policy/gateway-infrastructure
 * checks (9 to 16 annotations are valid on a v1.6.1 cluster).
 */
const outdated: Readonly<Record<string, (error: SchemaError) => boolean>> = {
  'gateway.networking.k8s.io/v1/Gateway': (error) =>
    error.keyword === 'maxProperties' && error.instancePath === '/spec/infrastructure/annotations',
};

export function hasModel(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in models;
}

/** Schema errors of one object, or undefined when no model covers its apiVersion/kind. */
export function modelErrors(doc: JsonObject): readonly SchemaError[] | undefined {
  const entry = models[`${String(doc.apiVersion)}/${String(doc.kind)}`];
  if (!entry) return undefined;
  const [Model, asVersion] = entry;
  try {
    new Model((asVersion ? { ...doc, apiVersion: asVersion } : doc) as never).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    const stale = outdated[`${String(doc.apiVersion)}/${String(doc.kind)}`];
    if (Array.isArray(errors)) {
      return stale ? (errors as SchemaError[]).filter((e) => !stale(e)) : (errors as SchemaError[]);
    }
    return [{ instancePath: '', keyword: 'exception', message: String(error) }];
  }
}
