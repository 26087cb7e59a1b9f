/**
 * A catalog `environments[]` entry for a new environment with everything it must not share with
 * the shipped dev and prod: its own control plane, cluster, public domain name, custom domain and
 * certificates (the state key defaults to routeplane/<name>).
 */
export function newEnvironment(name: string) {
  return {
    name,
    controlPlaneName: `kong-cloud-gw-${name}`,
    aws: {
      cluster: { name: `kong-cloud-gw-${name}` },
      edge: {
        domainName: `api.${name}.example.com`,
        kongProxyDomain: `proxy.kong-cloud-gw-${name}.example.com`,
        viewerCertificateArn: `arn:aws:acm:us-east-1:111122223333:certificate/${name}-viewer`,
        originClientCertificateArn: `arn:aws:acm:us-east-1:111122223333:certificate/${name}-origin`,
      },
    },
  };
}
