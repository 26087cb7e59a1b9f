import { alignColumns, routeRows } from '@routeplane/diff';
import { deckFile, terraformDir } from '@routeplane/model';
import type { CommandIo } from '../io.js';
import { type CatalogOptions, loadFromOptions } from '../load.js';
import { selectEnvironment } from '../pipeline.js';

export interface RoutesOptions extends CatalogOptions {
  readonly env?: string;
  readonly format: 'table' | 'json';
}

const headers = ['route', 'paths', 'methods', 'hosts', 'plugins', 'service', 'namespace', 'port'];

/**
 * `routeplane routes`: every route of each environment. The JSON also names what CI needs per
 * environment (decK file, control plane, Konnect address, select tags, the Secret holding Kong's
 * certificates, Terraform directory, AWS region and cluster), so
 * workflows build their matrix from the catalog instead of repeating it.
 */
export function routesCommand(options: RoutesOptions, io: CommandIo): number {
  const { model: full } = loadFromOptions(options, io);
  const model = selectEnvironment(full, options.env);
  if (options.format === 'json') {
    const environments = model.environments.map((env) => ({
      name: env.name,
      deck: {
        file: deckFile(env.name),
        controlPlaneName: env.kong.controlPlaneName,
        konnectAddr: `https://${env.kong.konnectRegion}.api.konghq.com`,
        selectTags: env.kong.selectTags,
        // Kong's CA and client certificate come from the Secret cert-manager keeps current.
        certificates: {
          namespace: env.gateway.pki.kongClient.namespace,
          secret: env.gateway.pki.kongClient.secretName,
          env: {
            'ca.crt': env.kong.upstream.caCertificateEnv,
            'tls.crt': env.kong.upstream.clientCertificateEnv,
            'tls.key': env.kong.upstream.clientKeyEnv,
          },
        },
      },
      terraformDir: terraformDir(env.name),
      aws: { region: env.aws.region, cluster: env.aws.cluster.name },
      routes: routeRows(env),
    }));
    io.out(`${JSON.stringify({ environments }, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  for (const env of model.environments) {
    const rows = routeRows(env).map((r) => [
      r.name,
      r.paths.join(','),
      r.methods.length > 0 ? r.methods.join(',') : 'any',
      r.hosts.length > 0 ? r.hosts.join(',') : 'any',
      r.plugins.length > 0 ? r.plugins.join(',') : '-',
      r.service,
      r.namespace,
      String(r.port),
    ]);
    out.push(`${env.name}: ${rows.length} route(s)`, ...alignColumns([headers, ...rows]));
    out.push('');
  }
  io.out(out.join('\n'));
  return 0;
}
