import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isObject, str } from '../json.js';
import { splitVersions, type VersionTexts } from './crd-text.js';
import type { StructuralSchema } from './structural-schema.js';

/** One version of a CustomResourceDefinition. */
export interface CrdVersion {
  /** e.g. `gateway-api-v1.6.1/gateway.networking.k8s.io_gateways.yaml`. */
  readonly source: string;
  readonly group: string;
  readonly kind: string;
  readonly version: string;
  readonly served: boolean;
  readonly storage: boolean;
  /** With a status subresource, the API server drops `status` on create (strategy PrepareForCreate). */
  readonly statusSubresource: boolean;
  readonly schema: StructuralSchema;
}

/** Every CRD version found in a directory tree, by `group/version/kind`. */
export interface CrdCatalog {
  readonly dir: string;
  /** Groups some CRD defines: an object of such a group without a CRD is an error. */
  readonly groups: ReadonlySet<string>;
  readonly crds: number;
  readonly lookup: (apiVersion: string, kind: string) => CrdVersion | undefined;
  /** The versions of `group`/`kind`, served or not. */
  readonly versionsOf: (group: string, kind: string) => readonly CrdVersion[];
  /** Every version of every CRD (parses them all: for tests and reports, not per object). */
  readonly allVersions: () => readonly CrdVersion[];
}

/** YAML files below `dir`, sorted, recursively. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function versionsOfDoc(doc: unknown, source: string): CrdVersion[] {
  if (!isObject(doc) || doc.kind !== 'CustomResourceDefinition' || !isObject(doc.spec)) return [];
  const group = str(doc, 'spec', 'group') ?? '';
  const kind = str(doc, 'spec', 'names', 'kind') ?? '';
  const versions = Array.isArray(doc.spec.versions) ? doc.spec.versions : [];
  return versions.filter(isObject).map((v) => ({
    source,
    group,
    kind,
    version: str(v, 'name') ?? '',
    served: v.served === true,
    storage: v.storage === true,
    statusSubresource: isObject(v.subresources) && v.subresources.status !== undefined,
    schema: (isObject(v.schema) && isObject(v.schema.openAPIV3Schema)
      ? v.schema.openAPIV3Schema
      : {}) as StructuralSchema,
  }));
}

interface LazyDoc {
  readonly source: string;
  readonly text: string;
  parsed?: CrdVersion[];
  split?: VersionTexts | null;
  readonly byVersion: Map<string, CrdVersion | undefined>;
}

// js-yaml: 3 to 6 times faster than `yaml` on these large documents; the YAML 1.2 core schema,
// as the Kubernetes YAML decoder reads them.
const parseYaml = (text: string): unknown => load(text, { schema: CORE_SCHEMA });

function versionsOfText(doc: LazyDoc): CrdVersion[] {
  doc.parsed ??= versionsOfDoc(parseYaml(doc.text), doc.source);
  return doc.parsed;
}

/** One version, parsing only its part of the document when the layout allows. */
function versionOfText(doc: LazyDoc, version: string): CrdVersion | undefined {
  if (doc.parsed) return doc.parsed.find((v) => v.version === version);
  if (!doc.byVersion.has(version)) {
    if (doc.split === undefined) doc.split = splitVersions(doc.text) ?? null;
    const item = doc.split?.items.get(version);
    const parsed = item
      ? versionsOfDoc(parseYaml(`${doc.split?.head}${item}`), doc.source)
      : versionsOfText(doc);
    doc.byVersion.set(
      version,
      parsed.find((v) => v.version === version),
    );
  }
  return doc.byVersion.get(version);
}

/** `group/kind` read from a CRD document's text without parsing it (upstream's 2-space layout). */
function cheapKey(text: string): string | undefined {
  const group = /^ {2}group: ['"]?([^'"\s]+)/m.exec(text)?.[1];
  const kind = /^ {2}names:\n(?: {4}.*\n)*? {4}kind: ['"]?([^'"\s]+)/m.exec(text)?.[1];
  return group && kind ? `${group}/${kind}` : undefined;
}

/**
 * Indexes every CustomResourceDefinition (apiextensions.k8s.io/v1) in the YAML files below `dir`.
 * A document is parsed only when an object of its kind is checked: the three pinned CRD sets are
 * 3 MB of YAML, and `validate` must stay fast. A document whose group and kind cannot be read
 * cheaply is parsed at once, so none is missed.
 */
export function loadCrdCatalog(dir: string): CrdCatalog {
  const byKind = new Map<string, LazyDoc[]>();
  const add = (key: string, doc: LazyDoc) => byKind.set(key, [...(byKind.get(key) ?? []), doc]);
  for (const path of yamlFiles(dir)) {
    const source = relative(dir, path);
    for (const text of readFileSync(path, 'utf8').split(/^---[ \t]*$/m)) {
      if (!/^kind: CustomResourceDefinition\s*$/m.test(text)) continue;
      const doc: LazyDoc = { source, text, byVersion: new Map() };
      const key = cheapKey(text);
      if (key) add(key, doc);
      else for (const v of versionsOfText(doc)) add(`${v.group}/${v.kind}`, doc);
    }
  }
  const versionsOf = (group: string, kind: string): CrdVersion[] =>
    (byKind.get(`${group}/${kind}`) ?? [])
      .flatMap(versionsOfText)
      .filter((v) => v.group === group && v.kind === kind);
  return {
    dir,
    crds: new Set([...byKind.values()].flat()).size,
    groups: new Set([...byKind.keys()].map((k) => k.slice(0, k.lastIndexOf('/')))),
    versionsOf,
    allVersions: () => [...new Set([...byKind.values()].flat())].flatMap(versionsOfText),
    lookup: (apiVersion, kind) => {
      const slash = apiVersion.indexOf('/');
      if (slash < 0) return undefined;
      const [group, version] = [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
      return (byKind.get(`${group}/${kind}`) ?? [])
        .map((doc) => versionOfText(doc, version))
        .find((v) => v?.group === group && v.kind === kind);
    },
  };
}
