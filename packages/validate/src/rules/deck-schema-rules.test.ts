import { describe, expect, it } from 'vitest';
import { cleanTree } from '../clean-tree.fixture.js';
import { at, corrupt, list } from '../corrupt.fixture.js';
import { validateTree } from '../validate-tree.js';

/**
 * schema/deck on one edit of the clean tree's kong.yaml each, with every schema/deck finding
 * (`rule object: message`) the edit causes: the decK structure checks the corruption table does not
 * reach.
 */
const kong = 'deck/dev/kong.yaml';
type Doc = Record<string, unknown>;
type Edit = (deck: Doc) => void;

const service = (d: Doc) => at(d, 'services', 0);
const route = (d: Doc) => at(d, 'services', 0, 'routes', 0);

function findings(edit: Edit): string[] {
  const files = corrupt(cleanTree(), kong, 0, (d) => {
    edit(d);
    return undefined;
  });
  // The Kong cross-layer rules also see most of these edits; they have their own tests.
  return validateTree({ files, waivers: [] })
    .filter((f) => f.rule === 'schema/deck')
    .map((f) => `${f.rule} ${f.object}: ${f.message}`);
}
const deck = (object: string, message: string) => `schema/deck ${object}: ${message}`;
const onService = (message: string) => deck('KongService/sample-apps.sample-app-1', message);
const onRoute = (message: string) => deck('KongRoute/app1', message);

describe('schema/deck', () => {
  it.each<[string, Edit, string[]]>([
    [
      'an unknown top-level key',
      (d) => {
        d.service = [];
      },
      [deck('-', 'top-level key "service" is not a decK section')],
    ],
    [
      'no _konnect section',
      (d) => {
        delete d._konnect;
      },
      [deck('-', '_konnect.control_plane_name must be set')],
    ],
    [
      'an empty control plane name',
      (d) => {
        at(d, '_konnect').control_plane_name = '';
      },
      [deck('-', '_konnect.control_plane_name must be set')],
    ],
    [
      'no select tags',
      (d) => {
        at(d, '_info').select_tags = [];
      },
      [
        deck(
          '-',
          '_info.select_tags must list at least one tag, or decK would sync every entity of the control plane',
        ),
      ],
    ],
    [
      'a service without a name',
      (d) => {
        delete service(d).name;
      },
      [deck('KongService/?', 'name must be set')],
    ],
    [
      'a service without host or url',
      (d) => {
        delete service(d).host;
      },
      [onService('host or url must be set')],
    ],
    [
      'a service with a url instead of a host',
      (d) => {
        const s = service(d);
        delete s.host;
        delete s.protocol;
        delete s.port;
        s.url = 'https://kong-cloud-gw-gateway.istio-ingress.routeplane:443';
      },
      [],
    ],
    [
      'an unknown protocol',
      (d) => {
        service(d).protocol = 'htps';
      },
      [onService('protocol "htps" is not a Kong protocol')],
    ],
    [
      'no protocol (Kong defaults to http)',
      (d) => {
        delete service(d).protocol;
      },
      [],
    ],
    [
      'no port (Kong defaults to 80)',
      (d) => {
        delete service(d).port;
      },
      [],
    ],
    ...[0, 65536, 443.5, '443'].map((port): [string, Edit, string[]] => [
      `port ${JSON.stringify(port)}`,
      (d) => {
        service(d).port = port;
      },
      [onService(`port must be 1-65535, but ${JSON.stringify(port)} was given`)],
    ]),
    ...[1, 65535].map((port): [string, Edit, string[]] => [
      `port ${port}`,
      (d) => {
        service(d).port = port;
      },
      [],
    ]),
    [
      'a route without a name',
      (d) => {
        delete route(d).name;
      },
      [deck('KongRoute/?', 'name must be set')],
    ],
    [
      'a path without a leading slash',
      (d) => {
        route(d).paths = ['app1/'];
      },
      [onRoute('path "app1/" must start with / (prefix) or ~/ (regex)')],
    ],
    [
      'a path that is no string',
      (d) => {
        route(d).paths = [1];
      },
      [onRoute('path 1 must start with / (prefix) or ~/ (regex)')],
    ],
    [
      'malformed (non-object) services and routes, left to the official schema',
      (d) => {
        list(d, 'services').push('extra');
        list(service(d), 'routes').push('extra');
      },
      [],
    ],
  ])('checks %s', (_name, edit, expected) => {
    expect(findings(edit)).toEqual(expected);
  });
});
