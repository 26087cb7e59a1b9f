import { type JsonObject, show } from '../json.js';
import { admittedOutsiders, backendPaths } from '../reachability.js';
import { envRule, type Reporter, type Rule } from '../rule.js';
import {
  applicationOf,
  certificateForSecret,
  type ListenerTls,
  listenerTls,
  refTarget,
} from '../tls-chain.js';
import { type EnvTree, objectId, ofKind } from '../tree-index.js';
import { wave } from './argocd-rules.js';
import { kongTrustRules } from './kong-trust-rules.js';
import { noPrivateKeyRule } from './no-private-key-rule.js';

/** The Certificate that produces a listener's Secret, checked for existence and wave. */
function checkProducedEarlier(
  env: EnvTree,
  l: ListenerTls,
  what: string,
  ref: JsonObject,
  r: Reporter,
): void {
  const target = refTarget(ref, l.gateway, 'Secret');
  const listener = `listener ${show(l.listener)} ${what} ${target.kind} ${target.namespace}/${target.name}`;
  if (target.kind === 'ConfigMap') {
    const cm = env.objects.find(
      (o) => o.id === objectId('ConfigMap', target.namespace, target.name),
    );
    if (!cm)
      r.on(l.gateway, `${listener} is rendered nowhere: nothing creates it on a fresh cluster`);
    return;
  }
  const cert = certificateForSecret(env, target.namespace, target.name);
  if (!cert) {
    r.on(
      l.gateway,
      `${listener} is produced by no rendered Certificate: on a fresh cluster the listener stays ResolvedRefs=False and Argo CD reports the Gateway Degraded`,
    );
    return;
  }
  const certApp = applicationOf(env, cert);
  const gatewayApp = applicationOf(env, l.gateway);
  if (!certApp || !gatewayApp) {
    r.on(l.gateway, `${listener} comes from ${cert.id}, which no Application deploys`);
    return;
  }
  if (wave(certApp) >= wave(gatewayApp)) {
    r.on(
      l.gateway,
      `${listener} comes from ${cert.id} in Application ${certApp.name} (wave ${wave(certApp)}); expected a wave < ${wave(gatewayApp)}, the wave of ${gatewayApp.name} that deploys the Gateway`,
    );
  }
}

const certificateSourceRule: Rule = envRule(
  'xlayer/gateway-certificate-source',
  "The listener's certificateRef (and client CA) is produced by a rendered object in an earlier wave",
  (env, r) => {
    for (const l of listenerTls(env)) {
      for (const ref of l.certificateRefs) checkProducedEarlier(env, l, 'certificateRef', ref, r);
      for (const ref of l.clientValidation?.caCertificateRefs ?? [])
        checkProducedEarlier(env, l, 'client caCertificateRef', ref, r);
    }
  },
);

/**
 * No caller outside the mesh reaches a backend without Kong's client certificate: for every
 * address range the gateway's NetworkPolicies admit (the VPC for the NLB's IP targets, Kong's
 * network), the reachability model (reachability.ts) must find no path.
 */
export const gatewayClientAuthRule: Rule = envRule(
  'policy/gateway-client-auth',
  'A caller from the admitted networks without the client certificate reaches no backend',
  (env, r) => {
    for (const ip of admittedOutsiders(env)) {
      for (const path of backendPaths(env, { ip })) {
        const gateway = ofKind(env, 'Gateway')[0];
        const message = `a caller at ${ip} without a client certificate reaches ${path.backend} ${path.via}: demand a client certificate (spec.tls.frontend, AllowValidOnly) on every listener it can reach`;
        // Always defined: admittedOutsiders reads only NetworkPolicies beside a Gateway.
        if (gateway) r.on(gateway, message);
      }
    }
  },
);

export const tlsChainRules: readonly Rule[] = [
  certificateSourceRule,
  ...kongTrustRules,
  noPrivateKeyRule,
  gatewayClientAuthRule,
];
