/** Label Istio puts on the pods it generates for a Gateway; NetworkPolicies select them by it. */
export const gatewayNameLabel = 'gateway.networking.k8s.io/gateway-name';

/** Label every namespace carries automatically (Kubernetes >= 1.22). */
export const namespaceNameLabel = 'kubernetes.io/metadata.name';

export const zoneTopologyKey = 'topology.kubernetes.io/zone';
export const hostnameTopologyKey = 'kubernetes.io/hostname';

/** Source address of kubelet probes once istio-cni has enrolled a pod in ambient (istio#58531). */
export const ambientKubeletProbeCidr = '169.254.7.127/32';

/** Port ztunnel receives mesh (HBONE) traffic on. */
export const hbonePort = 15008;
