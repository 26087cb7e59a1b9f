/** A location inside the catalog data: object keys and array indexes. */
export type KeyPath = readonly (string | number)[];

/** `['routes', 2, 'paths', 0]` -> `routes[2].paths[0]` */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Parses an ajv instancePath (`/routes/2/paths/0`) into a key path. */
export function keyPathFromPointer(pointer: string): KeyPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}
