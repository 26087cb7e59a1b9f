/** Field paths as the API server prints them (k8s.io/apimachinery/pkg/util/validation/field.Path). */

export function childPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function keyPath(path: string, key: string): string {
  return `${path}[${key}]`;
}

/** An ajv instancePath (`/spec/listeners/0/port`) as a field path (`spec.listeners[0].port`). */
export function fromPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, s) => (/^\d+$/.test(s) ? indexPath(path, Number(s)) : childPath(path, s)), '');
}

/** A rule's `fieldPath` (`.spec.tls`, `.x['a.b']`, `.items[0]`) appended to the rule's own path. */
export function withFieldPath(path: string, fieldPath: string | undefined): string {
  if (fieldPath === undefined || fieldPath === '') return path;
  const tail = fieldPath.replace(/\['([^']*)'\]/g, '[$1]');
  return path === '' ? tail.replace(/^\./, '') : `${path}${tail}`;
}
