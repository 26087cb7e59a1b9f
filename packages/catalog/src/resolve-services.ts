import type { BackendModel } from '@routeplane/model';
import { compareText } from '@routeplane/model';
import type { Environment, Service } from './catalog-with-defaults.generated.js';
import { sampleResponses } from './resolve-derived-defaults.js';
import { sortedRecord } from './resolve-order.js';

/** Every backend Service exposes this port; the container port differs per image. */
export const backendServicePort = 80;
/** Non-root UID/GID (> 10000, Pod Security Standards "restricted" guidance). */
export const backendRunAsId = 10101;

export function resolveBackend(service: Service, env: Environment): BackendModel {
  const selectorLabels = { 'app.kubernetes.io/name': service.name };
  return {
    name: service.name,
    namespace: service.namespace,
    image: service.image,
    containerPort: service.port,
    servicePort: backendServicePort,
    portName: 'http',
    replicas: env.replicas?.[service.name] ?? service.replicas,
    resources: {
      requests: { ...service.resources.requests },
      limits: { ...service.resources.limits },
    },
    healthPath: service.healthPath,
    responses: sampleResponses(service),
    selectorLabels,
    labels: sortedRecord({
      ...selectorLabels,
      'app.kubernetes.io/component': 'backend',
      'app.kubernetes.io/managed-by': 'routeplane',
      'app.kubernetes.io/part-of': 'routeplane',
    }),
    runAsUser: backendRunAsId,
    runAsGroup: backendRunAsId,
    allowFrom: (service.allowFrom ?? [])
      .map((c) => ({
        namespace: c.namespace,
        serviceAccount: c.serviceAccount,
        principal: `cluster.local/ns/${c.namespace}/sa/${c.serviceAccount}`,
      }))
      .sort((a, b) => compareText(a.principal, b.principal)),
    ...(service.sharedSecretHeader === undefined
      ? {}
      : {
          sharedSecretHeader: {
            name: service.sharedSecretHeader.name,
            valueEnv: service.sharedSecretHeader.valueEnv,
          },
        }),
  };
}
