import type { KongPlugin } from '@routeplane/deck-types';
import type { EnvironmentModel } from '@routeplane/model';
import { deckEnvRef } from '@routeplane/model';

/**
 * Global check that a request came through CloudFront, which adds a shared secret header. Kong has
 * no plugin that compares a header with a value, so this is the documented serverless route: a
 * `pre-function` in the access phase (runs before every other plugin) whose chunk returns the
 * per-request function. decK substitutes the secret at sync time; it never appears in the file.
 * The header is removed before proxying so the secret does not reach backends or their logs.
 * Long-bracket string: the secret may hold quotes or backslashes (not `]==]`; use hex or base64).
 * With `nextValueEnv`, either value passes: Kong learns the next secret before CloudFront sends it
 */
export function originCheckPlugin(
  env: EnvironmentModel,
  tags: readonly string[],
): KongPlugin | undefined {
  const check = env.kong.cloudfrontOriginHeader;
  if (check === undefined) return undefined;
  const lua = [
    '-- routeplane: only CloudFront knows this value; everything else gets 403',
    `local current = [==[${deckEnvRef(check.valueEnv)}]==]`,
    `local next_value = [==[${deckEnvRef(check.nextValueEnv ?? check.valueEnv)}]==]`,
    'return function()',
    `  local given = kong.request.get_header(${JSON.stringify(check.name)})`,
    '  if given ~= current and given ~= next_value then',
    '    return kong.response.exit(403, { message = "Forbidden" })',
    '  end',
    `  kong.service.request.clear_header(${JSON.stringify(check.name)})`,
    'end',
    '',
  ].join('\n');
  return { name: 'pre-function', config: { access: [lua] }, tags: [...tags] };
}
