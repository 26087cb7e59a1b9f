import { join } from 'node:path';
import { loadModel } from '@routeplane/catalog';
import { fixtureModel } from '@routeplane/catalog/testing';
import {
  crdSchemaFiles,
  crdValidator,
  formatSchemaErrors,
  haveSharedSchemas,
  repoRoot,
} from '@routeplane/test-support';
import { describe, expect, it } from 'vitest';
import { renderArgocd } from './render-argocd.js';
import { documentsOf } from './rendered.fixture.js';

interface Typed {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string };
}

const argoDocuments = [
  ...renderArgocd(loadModel(join(repoRoot, 'catalog.yaml'))),
  ...renderArgocd(fixtureModel()),
]
  .flatMap((f) => documentsOf(f).map((d) => [f.path, d as Typed] as const))
  .filter(([, d]) => d.apiVersion.startsWith('argoproj.io/'));

describe.runIf(haveSharedSchemas())('official Argo CD schemas (strict)', () => {
  it('covers both kinds', () => {
    expect(new Set(argoDocuments.map(([, d]) => d.kind))).toEqual(
      new Set(['Application', 'AppProject']),
    );
  });

  it.each(argoDocuments)('%s validates', (_path, doc) => {
    const schemaFile = crdSchemaFiles[`${doc.apiVersion}/${doc.kind}`];
    expect(schemaFile).toBeDefined();
    const validate = crdValidator(schemaFile ?? '');
    expect(validate(doc), formatSchemaErrors(validate.errors).join('\n')).toBe(true);
  });

  it('rejects a misspelled field (the validator is strict)', () => {
    const [, app] = argoDocuments.find(([, d]) => d.kind === 'Application') ?? [];
    const validate = crdValidator('argoproj.io/application_v1alpha1.json');
    const bad = JSON.parse(JSON.stringify(app)) as {
      spec: { syncPolicy: Record<string, unknown> };
    };
    bad.spec.syncPolicy.syncOption = ['Replace=true'];
    expect(validate(bad)).toBe(false);
  });
});
