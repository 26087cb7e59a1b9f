import { runInNewContext } from 'node:vm';
import { at, isObject, objects, str } from './json.js';

/** The CloudFront Function a behaviour runs on viewer requests, as rendered (code and name). */
export interface ViewerFunction {
  readonly name: string;
  readonly code: string;
}

/** `${aws_cloudfront_function.<name>.arn}` of the behaviour's viewer-request association. */
export function viewerRequestFunction(tf: unknown, behaviour: unknown): ViewerFunction | undefined {
  const association = objects(at(behaviour, 'function_association')).find(
    (a) => a.event_type === 'viewer-request',
  );
  const ref = /^\$\{aws_cloudfront_function\.([\w-]+)\.arn\}$/.exec(
    str(association?.function_arn) ?? '',
  );
  if (ref?.[1] === undefined) return undefined;
  const fn = at(tf, 'resource', 'aws_cloudfront_function', ref[1]);
  if (!isObject(fn)) return undefined;
  const code = str(fn.code);
  return code === undefined ? undefined : { name: str(fn.name) ?? ref[1], code };
}

/**
 * Runs the rendered function code on a viewer request in V8 (CloudFront's JavaScript runtime 2.0
 * is an ECMAScript subset, so V8 runs it unchanged) and returns the headers CloudFront then sends
 * to the origin, by lower-case name. Host is left out: the origin request policy
 * AllViewerExceptHostHeader replaces it with the origin's name.
 */
export function runViewerFunction(
  fn: ViewerFunction,
  request: { readonly method: string; readonly path: string; readonly host: string },
): Record<string, string> {
  const event = {
    version: '1.0',
    request: {
      method: request.method,
      uri: request.path.split('?')[0],
      querystring: {},
      headers: { host: { value: request.host } },
      cookies: {},
    },
  };
  // The code is read from the rendered tree, which a hand edit may break: the timeout stops an
  // endless loop. It is wall time, not CloudFront's compute budget, so it is generous enough that
  // a loaded machine (compiling the script included) never trips it.
  const out: unknown = runInNewContext(
    `${fn.code}\nhandler(event);`,
    { event },
    { timeout: 5_000 },
  );
  const headers = at(out, 'headers');
  if (!isObject(headers)) return {};
  const result: Record<string, string> = {};
  for (const [name, header] of Object.entries(headers)) {
    const value = str(at(header, 'value'));
    if (name !== 'host' && value !== undefined) result[name] = value;
  }
  return result;
}
