import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { renderArgocd } from '@routeplane/render-argocd';
import { renderDeck } from '@routeplane/render-deck';
import { renderK8s } from '@routeplane/render-k8s';
import { renderInfra } from '@routeplane/render-terraform';
import {
  deckValidator,
  formatSchemaErrors,
  haveSharedCrds,
  haveSharedSchemas,
  repoRoot,
  sharedCrdsDir,
} from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { validatorsOf } from './crd/checked-by.js';
import { loadCrdCatalog } from './crd/crd-catalog.js';
import { formatFindingsHuman } from './format.js';
import { officialSchemaErrors } from './official-schema.fixture.js';
import { treeFromRendered } from './rendered-files.js';
import { validateTree } from './validate-tree.js';

const model = loadModel(join(repoRoot, 'catalog.yaml'));
const files = treeFromRendered([
  ...renderK8s(model),
  ...renderArgocd(model),
  ...renderDeck(model),
  ...renderInfra(model),
]);
const waivers = model.environments.flatMap((e) => e.waivers.map((w) => ({ ...w, env: e.name })));

describe('the shipped catalog, rendered by the real renderers', () => {
  it('validates clean (no unwaived finding)', () => {
    const findings = validateTree({ files, waivers }).filter((f) => !f.waived);
    expect(formatFindingsHuman(findings)).toBe('validate: no findings\n');
  });

  it('still catches a dropped grant in the real output', () => {
    const dropped = files.filter(
      (f) => f.path !== 'generated/k8s/dev/routes/referencegrant-sample-apps.yaml',
    );
    const findings = validateTree({ files: dropped, waivers }).filter((f) => !f.waived);
    expect(findings.map((f) => `${f.rule} ${f.object}`)).toEqual([
      'xlayer/grant-missing HTTPRoute/istio-ingress/app1',
      'xlayer/grant-missing HTTPRoute/istio-ingress/app2',
    ]);
  });
});

describe.runIf(haveSharedSchemas())('the shipped output against ../shared/schemas', () => {
  it('every Gateway API, Istio and Argo CD object passes the strict official CRD schema', () => {
    const failures = files.flatMap((f) =>
      f.documents.flatMap((doc) => (officialSchemaErrors(doc) ?? []).map((e) => `${f.path}: ${e}`)),
    );
    expect(failures).toEqual([]);
  });

  it('every decK file passes the official decK schema', () => {
    const validate = deckValidator();
    for (const f of files.filter((x) => x.path.startsWith('deck/'))) {
      expect(validate(f.documents[0]), formatSchemaErrors(validate.errors).join('; ')).toBe(true);
    }
  });
});

describe.runIf(haveSharedCrds())(
  'the shipped output against the pinned CRDs (../shared/crds)',
  () => {
    const crds = loadCrdCatalog(sharedCrdsDir);

    it('every rendered custom resource passes as the API server would admit it', () => {
      const findings = validateTree({ files, waivers, crds }).filter((f) => !f.waived);
      expect(formatFindingsHuman(findings)).toBe('validate: no findings\n');
    });

    it('names the validators of every object: the CRD for Gateway API and Istio kinds', () => {
      const validators = validatorsOf(files, crds);
      const byKind = new Map(validators.map((v) => [v.object.split('/')[0], v.validators]));
      expect(Object.fromEntries(byKind)).toMatchObject({
        Gateway: [
          'kubernetes-models schema (schema/valid)',
          'CRD gateway-api-v1.6.1/gateway.networking.k8s.io_gateways.yaml v1 (crd/*)',
        ],
        AuthorizationPolicy: [
          'kubernetes-models schema (schema/valid)',
          'CRD istio-1.30.3/customresourcedefinitions.gen.yaml v1 (crd/*)',
        ],
        Deployment: ['kubernetes-models schema (schema/valid)'],
        Application: ['kubernetes-models schema (schema/valid)'],
      });
      expect(validators.filter((v) => v.validators.length === 0)).toEqual([]);
    });
  },
);
