/** One object a chart renders, as the AppProject and the bring-up simulator need to know it. */
export interface InventoryObject {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** Absent for cluster-scoped objects. */
  readonly namespace?: string;
}

/** What one chart renders with the values routeplane writes, at the version it was rendered. */
export interface ChartInventoryEntry {
  /** Chart version the inventory was rendered from (the catalog's pin). */
  readonly version: string;
  readonly objects: readonly InventoryObject[];
}
