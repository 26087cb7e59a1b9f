import type { BackendModel, SampleResponse } from '@routeplane/model';

/** Variable holding a literal `$`: nginx interpolates `$name` inside `return` text otherwise. */
const dollarVariable = 'routeplane_dollar';

/** A single-quoted nginx string; `\` and `'` escaped, `$` routed through a variable. */
function quote(text: string): string {
  const escaped = text.replace(/[\\']/g, (c) => `\\${c}`).replace(/\$/g, `\${${dollarVariable}}`);
  return `'${escaped}'`;
}

function location(
  match: string,
  response: Pick<SampleResponse, 'status' | 'contentType' | 'body'>,
): string[] {
  return [
    `  location ${match} {`,
    `    default_type ${quote(response.contentType)};`,
    `    return ${response.status} ${quote(response.body)};`,
    '  }',
  ];
}

/**
 * The server block the unprivileged nginx image loads from /etc/nginx/conf.d: each sample response
 * on its exact path (the Model's list, which includes the health path), and a JSON 404 for
 * everything else. The image already keeps its pid and temp files under /tmp.
 */
export function nginxServerConfig(backend: BackendModel): string {
  const responses = backend.responses;
  const needsDollar = responses.some((r) => r.body.includes('$') || r.contentType.includes('$'));
  const lines = [
    `# ${backend.name}: sample responses from the catalog`,
    ...(needsDollar ? [`geo $${dollarVariable} {`, '  default "$";', '}', ''] : []),
    'server {',
    `  listen ${backend.containerPort};`,
    '  server_name _;',
    '  server_tokens off;',
    '',
    ...responses.flatMap((r) => [...location(`= ${r.path}`, r), '']),
    ...location('/', {
      status: 404,
      contentType: 'application/json',
      body: '{"error":"not found"}',
    }),
    '}',
    '',
  ];
  return lines.join('\n');
}
