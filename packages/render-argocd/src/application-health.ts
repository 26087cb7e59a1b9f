import { applicationHealthKey } from './constants.js';

/**
 * Argo CD health check for `argoproj.io/Application`, the single source for the standalone argocd-cm
 * patch under `argocd/` and for the infrastructure's Helm install of Argo CD.
 *
 * Without it a parent's sync waves move on as soon as a child Application object exists. With it a
 * child counts as Healthy only when its own health is Healthy AND it is Synced, so each wave waits
 * until the previous one has really converged. Written in the Lua 5.1 subset Argo CD (gopher-lua)
 * runs; `obj` is the child Application.
 */
export const applicationHealthLua: string = `-- routeplane: Healthy only when the child is Healthy AND Synced.
hs = {}
local status = obj.status
local health = nil
if status ~= nil and status.health ~= nil then
  health = status.health.status
end
if health == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the Application to report its health"
  return hs
end
local sync = "Unknown"
if status.sync ~= nil and status.sync.status ~= nil then
  sync = status.sync.status
end
if health == "Degraded" then
  hs.status = "Degraded"
  hs.message = status.health.message or "Application is Degraded"
  return hs
end
local op = status.operationState
if sync ~= "Synced" and op ~= nil then
  if op.phase == "Failed" or op.phase == "Error" then
    hs.status = "Degraded"
    hs.message = "Sync " .. op.phase .. ": " .. (op.message or "")
    return hs
  end
end
if health == "Healthy" and sync == "Synced" then
  hs.status = "Healthy"
  hs.message = "Healthy and Synced"
  return hs
end
hs.status = "Progressing"
hs.message = "Waiting for Healthy and Synced (health " .. health
  .. ", sync " .. sync .. ")"
return hs
`;

/** The argocd-cm data entry carrying {@link applicationHealthLua}, e.g. for the argo-cd chart's `configs.cm`. */
export function argocdCmHealthData(): Readonly<Record<string, string>> {
  return { [applicationHealthKey]: applicationHealthLua };
}
