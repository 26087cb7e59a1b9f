import { CloudfrontFunction } from '@cdktn/provider-aws/lib/cloudfront-function/index.js';
import { viewerHostHeader } from '@routeplane/model';
import type { StackContext } from './context.js';

/**
 * Viewer-request code: copy the Host the viewer sent into viewerHostHeader, overwriting any value
 * the client supplied, so Kong's `hosts` routes (rendered as header matches) see the client-facing
 * name while CloudFront keeps sending the origin's own name as Host and TLS SNI. CloudFront
 * Functions take header names in lower case (cloudfront-js-2.0 event structure).
 */
export function viewerHostCode(): string {
  const header = viewerHostHeader.toLowerCase();
  return [
    'function handler(event) {',
    '  var request = event.request;',
    `  delete request.headers['${header}'];`,
    `  if (request.headers.host) request.headers['${header}'] = { value: request.headers.host.value };`,
    '  return request;',
    '}',
    '',
  ].join('\n');
}

/** The published CloudFront Function of viewerHostCode, one per distribution. */
export function addViewerHostFunction(ctx: StackContext): CloudfrontFunction {
  return new CloudfrontFunction(ctx.stack, 'viewer_host', {
    name: `${ctx.env.aws.cluster.name}-viewer-host`,
    runtime: 'cloudfront-js-2.0',
    comment: `Copies the viewer's Host into ${viewerHostHeader} for Kong's host routes`,
    publish: true,
    code: viewerHostCode(),
  });
}
