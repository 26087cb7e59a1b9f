import type { DataPlaneSizingModel } from '@routeplane/model';
import type { KonnectAutoscale } from '../../bindings/konnect-resources.js';

/** The configuration's `autoscale` block for the catalog's sizing (autopilot or custom mode). */
export function autoscaleOf(sizing: DataPlaneSizingModel): KonnectAutoscale {
  if (sizing.kind === 'autopilot') {
    return {
      configuration_data_plane_group_autoscale_autopilot: {
        kind: 'autopilot',
        base_rps: sizing.baseRps,
      },
    };
  }
  return {
    configuration_data_plane_group_autoscale_static: {
      kind: 'static',
      instance_type: sizing.instanceType,
      requested_instances: sizing.requestedInstances,
    },
  };
}
