import type { ReferenceGrantModel } from '@routeplane/model';
import { ApiObject } from 'cdk8s';
import type { ReferenceGrantSpec } from './crd-types.js';
import { type K8sObject, synthObjects } from './synth.js';

/** Name of the grant a backend namespace gives the route namespace. */
export function referenceGrantName(grant: ReferenceGrantModel): string {
  return `httproutes-from-${grant.fromNamespace}`;
}

/**
 * `v1beta1`: Istio 1.30/1.31 still watch that version, and every current CRD bundle serves it.
 * `to.name` is set per Service (least privilege) rather than granting every Service.
 */
export function referenceGrantObjects(grant: ReferenceGrantModel): K8sObject[] {
  const spec: ReferenceGrantSpec = {
    from: [
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: grant.fromNamespace },
    ],
    to: grant.serviceNames.map((name) => ({ group: '', kind: 'Service', name })),
  };
  return synthObjects(grant.namespace, (scope) => {
    new ApiObject(scope, 'grant', {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: referenceGrantName(grant) },
      spec,
    });
  });
}
