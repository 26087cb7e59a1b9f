import type { RenderedFile } from '@routeplane/model';

/** The layers a catalog change reaches, in the order a request meets them bottom-up. */
export const layers = ['kubernetes', 'argocd', 'kong', 'terraform'] as const;
export type Layer = (typeof layers)[number];

export const layerTitles: Readonly<Record<Layer, string>> = {
  kubernetes: 'Kubernetes objects',
  argocd: 'Argo CD',
  kong: 'Kong entities',
  terraform: 'Terraform resources',
};

/** One rendered object, keyed the way its tool names it. */
export interface IndexedObject {
  readonly layer: Layer;
  /** `Kind/namespace/name`, Kong `service:name`, or a Terraform address `type.name`. */
  readonly id: string;
  /** Stable text of the object, compared to detect a change. */
  readonly text: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function layerOf(path: string): Layer | undefined {
  if (path.startsWith('generated/k8s/')) return 'kubernetes';
  if (path.startsWith('argocd/')) return 'argocd';
  if (path.startsWith('deck/')) return 'kong';
  if (path.startsWith('generated/terraform/')) return 'terraform';
  return undefined;
}

function k8sObjects(layer: Layer, documents: readonly unknown[]): IndexedObject[] {
  return documents.filter(isObject).map((doc) => {
    const meta = isObject(doc.metadata) ? doc.metadata : {};
    const ns = str(meta.namespace);
    const id = [str(doc.kind), ...(ns === '' ? [] : [ns]), str(meta.name)].join('/');
    return { layer, id, text: JSON.stringify(doc) };
  });
}

/** Entities of a decK file; a service's routes and plugins are entities of their own. */
function kongObjects(documents: readonly unknown[]): IndexedObject[] {
  const out: IndexedObject[] = [];
  const add = (id: string, entity: Json) =>
    out.push({ layer: 'kong', id, text: JSON.stringify(entity) });
  const plugins = (scope: string, entity: Json) => {
    for (const p of Array.isArray(entity.plugins) ? entity.plugins.filter(isObject) : []) {
      add(`plugin:${scope}${str(p.name)}`, p);
    }
  };
  for (const doc of documents.filter(isObject)) {
    for (const [key, kind, nameKey] of [
      ['upstreams', 'upstream', 'name'],
      ['consumers', 'consumer', 'username'],
      ['ca_certificates', 'ca_certificate', 'id'],
    ] as const) {
      for (const e of Array.isArray(doc[key]) ? doc[key].filter(isObject) : []) {
        add(`${kind}:${str(e[nameKey])}`, e);
      }
    }
    plugins('', doc);
    for (const service of Array.isArray(doc.services) ? doc.services.filter(isObject) : []) {
      const { routes, plugins: _own, ...rest } = service;
      add(`service:${str(service.name)}`, rest);
      plugins(`service:${str(service.name)}/`, service);
      for (const route of Array.isArray(routes) ? routes.filter(isObject) : []) {
        const { plugins: _routePlugins, ...routeRest } = route;
        add(`route:${str(route.name)}`, routeRest);
        plugins(`route:${str(route.name)}/`, route);
      }
    }
  }
  return out;
}

/** Terraform addresses: `type.name` for resources, `data.type.name` for data sources. */
function terraformObjects(value: unknown): IndexedObject[] {
  if (!isObject(value)) return [];
  const out: IndexedObject[] = [];
  for (const [block, prefix] of [
    ['resource', ''],
    ['data', 'data.'],
  ] as const) {
    const byType = value[block];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        out.push({
          layer: 'terraform',
          id: `${prefix}${type}.${name}`,
          text: JSON.stringify(body),
        });
      }
    }
  }
  return out;
}

/** Every object of the files, by layer; files outside the known layers carry none. */
export function indexObjects(files: readonly RenderedFile[]): IndexedObject[] {
  return files.flatMap((file) => {
    const layer = layerOf(file.path);
    const { content } = file;
    if (layer === undefined) return [];
    if (layer === 'terraform')
      return content.kind === 'json' ? terraformObjects(content.value) : [];
    if (content.kind !== 'yaml') return [];
    return layer === 'kong' ? kongObjects(content.documents) : k8sObjects(layer, content.documents);
  });
}
