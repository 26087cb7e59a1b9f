import type { EnvironmentModel, Model, RenderedFile } from '@routeplane/model';
import { k8sDir } from '@routeplane/model';
import { backendObjects } from './backend.js';
import { backendNamespacePolicyObjects } from './backend-namespace-policies.js';
import { gatewayObjects } from './gateway.js';
import { gatewayPolicyObjects } from './gateway-policies.js';
import { httpRouteObjects } from './http-route.js';
import { namespaceObjects } from './namespaces.js';
import { caObjects, kongClientCertificateObjects, servingCertificateObjects } from './pki.js';
import { referenceGrantObjects } from './reference-grant.js';
import type { K8sObject } from './synth.js';
import { waypointObjects } from './waypoint.js';

/**
 * File holding a backend namespace's own policies. The leading `_` keeps it apart from the
 * `<service>.yaml` files: Service names are DNS labels and cannot start with `_`.
 */
export const namespacePoliciesFile = '_namespace-policies.yaml';

function yamlFile(path: string, documents: readonly K8sObject[]): RenderedFile {
  return { path, content: { kind: 'yaml', documents } };
}

function renderEnvironment(env: EnvironmentModel): RenderedFile[] {
  const files: RenderedFile[] = [];
  const dir = (component: Parameters<typeof k8sDir>[1]) => k8sDir(env.name, component);

  for (const [name, docs] of namespaceObjects(env)) {
    files.push(yamlFile(`${dir('namespaces')}/${name}.yaml`, docs));
  }

  files.push(yamlFile(`${dir('pki')}/ca.yaml`, caObjects(env.gateway)));
  files.push(
    yamlFile(`${dir('pki')}/certificate-gateway.yaml`, servingCertificateObjects(env.gateway)),
  );
  files.push(
    yamlFile(
      `${dir('pki')}/certificate-kong-client.yaml`,
      kongClientCertificateObjects(env.gateway, env.kong),
    ),
  );

  const gw = gatewayObjects(env);
  files.push(yamlFile(`${dir('gateway')}/gateway.yaml`, gw.gateway));
  files.push(yamlFile(`${dir('gateway')}/httproute-https-redirect.yaml`, gw.redirect));
  files.push(yamlFile(`${dir('gateway')}/policies.yaml`, gatewayPolicyObjects(env)));

  for (const route of env.routes) {
    files.push(
      yamlFile(
        `${dir('routes')}/httproute-${route.name}.yaml`,
        httpRouteObjects(route, env.gateway),
      ),
    );
  }
  for (const grant of env.referenceGrants) {
    files.push(
      yamlFile(
        `${dir('routes')}/referencegrant-${grant.namespace}.yaml`,
        referenceGrantObjects(grant),
      ),
    );
  }

  const backendNamespaces = [...new Set(env.services.map((s) => s.namespace))].sort();
  for (const ns of backendNamespaces) {
    files.push(
      yamlFile(
        `${dir(`backends/${ns}`)}/${namespacePoliciesFile}`,
        backendNamespacePolicyObjects(ns),
      ),
    );
  }
  for (const b of env.services) {
    files.push(
      yamlFile(`${dir(`backends/${b.namespace}`)}/${b.name}.yaml`, backendObjects(b, env.gateway)),
    );
  }
  for (const b of env.services) {
    if (b.waypoint === undefined) continue;
    files.push(
      yamlFile(
        `${dir(`waypoints/${b.namespace}`)}/${b.name}.yaml`,
        waypointObjects(b, env.gateway, env.aws.vpcCidr),
      ),
    );
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every in-cluster resource the Model implies, for all environments, one resource group per file
 * under `generated/k8s/<env>/`. Pure: the same Model always yields the same files.
 */
export function renderK8s(model: Model): RenderedFile[] {
  return model.environments.flatMap(renderEnvironment);
}
