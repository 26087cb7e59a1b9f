/**
 * Argo CD's built-in health checks for cert-manager, verbatim from argo-cd v3.4.4 (unchanged through
 * v3.4.7): resource_customizations/cert-manager.io/Certificate/health.lua and
 * resource_customizations/cert-manager.io/ClusterIssuer/health.lua.
 * Copyright The Argo Authors, Apache License 2.0 (https://github.com/argoproj/argo-cd/blob/v3.4.4/LICENSE).
 * Embedded so that the simulator judges cert-manager objects with the very scripts Argo CD runs
 * (in wasmoon, see ../lua/run-health-lua.ts); cert-manager-health.test.ts replays upstream's
 * health_test.yaml cases against them.
 */

export const certificateHealthLua: string = `
local hs = {}
if obj.status ~= nil then
  if obj.status.conditions ~= nil then

    -- Always Handle Issuing First to ensure consistent behaviour
    for i, condition in ipairs(obj.status.conditions) do
      if condition.type == "Issuing" and condition.status == "True" then
        hs.status = "Progressing"
        hs.message = condition.message
        return hs
      end
    end

    for i, condition in ipairs(obj.status.conditions) do
      if condition.type == "Ready" and condition.status == "False" then
        hs.status = "Degraded"
        hs.message = condition.message
        return hs
      end
      if condition.type == "Ready" and condition.status == "True" then
        hs.status = "Healthy"
        hs.message = condition.message
        return hs
      end
    end
  end
end

hs.status = "Progressing"
hs.message = "Waiting for certificate"
return hs
`;

export const clusterIssuerHealthLua: string = `
local hs = {}
if obj.status ~= nil then
  if obj.status.conditions ~= nil then
    for i, condition in ipairs(obj.status.conditions) do
      if condition.type == "Ready" and condition.status == "False" then
        hs.status = "Degraded"
        hs.message = condition.message
        return hs
      end
      if condition.type == "Ready" and condition.status == "True" then
        hs.status = "Healthy"
        hs.message = condition.message
        return hs
      end
    end
  end
end

hs.status = "Progressing"
hs.message = "Initializing ClusterIssuer"
return hs
`;
