import type { EnvironmentModel } from './model.js';

/**
 * Header that carries the viewer's Host from CloudFront to Kong. CloudFront sends the origin's own
 * name as Host (origin request policy AllViewerExceptHostHeader): forwarding the viewer's Host
 * would make CloudFront demand an origin certificate for every client-facing name. A viewer-request
 * CloudFront Function overwrites this header with the Host the viewer sent, so a client cannot
 * choose its value, and Kong routes match on it instead of `hosts`.
 */
export const viewerHostHeader = 'X-Viewer-Host';

/** Whether Kong sits behind a routeplane CloudFront distribution in this environment. */
export function kongBehindCloudfront(env: EnvironmentModel): boolean {
  return env.aws.edge?.kind === 'cloudfront' || env.kong.ecsFargate?.entry.kind === 'cloudfront';
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Kong route header values equal to a route's `hosts` (kong/router/transform.lua: `*.example.com`
 * is any sub-domain, `example.*` any ending, anything else exact; names compare in lower case, the
 * port is ignored). Exact names stay plain values; wildcards become anchored `~*` regexes.
 */
export function viewerHostMatchValues(hosts: readonly string[]): string[] {
  const port = '(:[0-9]+)?';
  return hosts.map((raw) => {
    const host = raw.toLowerCase();
    if (host.startsWith('*.')) return `~*^.+${escapeRegex(host.slice(1))}${port}$`;
    if (host.endsWith('.*')) return `~*^${escapeRegex(host.slice(0, -1))}[^:]+${port}$`;
    return host;
  });
}
