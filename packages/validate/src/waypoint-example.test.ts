import { haveSharedCrds, haveSharedSchemas, sharedCrdsDir } from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { loadCrdCatalog } from './crd/crd-catalog.js';
import { formatFindingsHuman } from './format.js';
import { officialSchemaErrors } from './official-schema.fixture.js';
import { validateTree } from './validate-tree.js';
import {
  waypointCorruptions as cases,
  waypointExampleFiles as files,
  waypointFile,
} from './waypoint-corruptions.fixture.js';

describe('examples/waypoint rendered by the real renderers', () => {
  it('renders a waypoint for orders-api only, in its own Argo CD child', () => {
    expect(files.map((f) => f.path).filter((p) => p.includes('waypoint'))).toEqual([
      'argocd/dev/apps/waypoints-orders.yaml',
      waypointFile,
    ]);
  });

  it('validates clean', () => {
    expect(formatFindingsHuman(validateTree({ files, waivers: [] }))).toBe(
      'validate: no findings\n',
    );
  });

  const table = cases.map(([name, corrupted, rule, object, message]) => ({
    name,
    corrupted,
    rule,
    object,
    message,
  }));
  it.each(table)('$name -> $rule', ({ corrupted, rule, object, message }) => {
    const findings = validateTree({ files: corrupted, waivers: [] });
    expect(findings).toContainEqual(
      expect.objectContaining({ rule, object, message: expect.stringContaining(message) }),
    );
  });
});

describe.runIf(haveSharedSchemas())('examples/waypoint against ../shared/schemas', () => {
  it('every Gateway API and Istio object passes the strict official CRD schema', () => {
    const failures = files.flatMap((f) =>
      f.documents.flatMap((doc) => (officialSchemaErrors(doc) ?? []).map((e) => `${f.path}: ${e}`)),
    );
    expect(failures).toEqual([]);
  });
});

describe.runIf(haveSharedCrds())('examples/waypoint against the pinned CRDs', () => {
  it('passes the CRDs as the API server would admit them (schemas and CEL rules)', () => {
    const crds = loadCrdCatalog(sharedCrdsDir);
    expect(formatFindingsHuman(validateTree({ files, waivers: [], crds }))).toBe(
      'validate: no findings\n',
    );
  });
});
