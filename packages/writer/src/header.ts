/** First line of every rendered YAML file; also how the writer recognises files it owns. */
export const headerMarker = 'Rendered by routeplane from';

export function headerLine(catalogFile: string): string {
  return `${headerMarker} ${catalogFile}. Do not edit: change the catalog and run pnpm generate.`;
}

/** True when file text was written by routeplane (YAML comment header or Terraform JSON `//`). */
export function isRenderedText(text: string): boolean {
  const head = text.slice(0, 400);
  return head.startsWith(`# ${headerMarker} `) || head.includes(`"//": "${headerMarker} `);
}
