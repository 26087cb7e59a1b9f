import { applicationHealthKey } from './constants.js';

/**
 * Argo CD health check for `argoproj.io/Application`, the single source for the standalone argocd-cm
 * patch under `argocd/` and for the infrastructure's Helm install of Argo CD.
 *
 * Without it a parent's sync waves move on as soon as a child Application object exists. With it a
 * child counts as Healthy only when its status is CURRENT and it is Healthy and Synced:
 *
 * - current: the controller compared the spec the parent just applied. Argo CD's own staleness test
 *   is `currentSourceEqualsSyncedSource` (argo-cd v3.4.4 controller/appcontroller.go): `spec.source`
 *   against `status.sync.comparedTo.source`, or `spec.sources` against `comparedTo.sources` for
 *   multi-source apps. Until then the old status is stale (argo-cd #4577, #5585, #8778, PR #29649).
 *   Destination and ignoreDifferences are compared too (needRefreshAppStatus refreshes on either).
 * - no operation in flight: `status.operationState.phase == "Running"` (also a retry waiting for its
 *   backoff, which argo-cd keeps in Running) is not done.
 * - Synced, except that an app which never prunes (`automated.prune` false, or `Prune=false`)
 *   stays OutOfSync for good when an upgrade drops an object: it only has `requiresPruning`
 *   resources, and auto-sync skips exactly that case (appcontroller.go autoSync, requirePruneOnly:
 *   "need to prune extra resources only but automated prune is disabled"). That counts as done.
 *
 * Written in the Lua 5.1 subset Argo CD (gopher-lua) runs; `obj` is the child Application.
 */
export const applicationHealthLua: string = `-- routeplane: Healthy only when the child's status is current,
-- no operation runs, and it is Healthy and Synced.
local function same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do
    if not same(v, b[k]) then return false end
  end
  for k, _ in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

local function hasOption(options, wanted)
  if options == nil then return false end
  for _, option in ipairs(options) do
    if option == wanted then return true end
  end
  return false
end

local function neverPrunes(spec)
  local policy = spec.syncPolicy
  if policy == nil then return true end
  if hasOption(policy.syncOptions, "Prune=false") then return true end
  return policy.automated == nil or policy.automated.prune ~= true
end

-- OutOfSync only through resources Argo CD would prune.
local function onlyAwaitsPruning(status)
  if status.resources == nil then return false end
  local any = false
  for _, r in ipairs(status.resources) do
    if r.status ~= "Synced" then
      if r.requiresPruning ~= true then return false end
      any = true
    end
  end
  return any
end

local function progressing(message)
  return { status = "Progressing", message = message }
end

local status = obj.status
if status == nil or status.health == nil
    or status.health.status == nil then
  return progressing("Waiting for the Application to report its health")
end
local health = status.health.status
if health == "Degraded" then
  return { status = "Degraded",
    message = status.health.message or "Application is Degraded" }
end

local spec = obj.spec or {}
local sync = status.sync or {}
local compared = sync.comparedTo
local current = compared ~= nil
if current and spec.sources ~= nil then
  current = same(spec.sources, compared.sources)
elseif current then
  current = same(spec.source, compared.source)
end
if current then
  current = same(spec.destination, compared.destination)
    and same(spec.ignoreDifferences, compared.ignoreDifferences)
end
if not current then
  return progressing(
    "Waiting for the controller to compare the new spec")
end

local op = status.operationState
if op ~= nil and op.phase == "Running" then
  return progressing("Sync operation running: " .. (op.message or ""))
end
local syncStatus = sync.status or "Unknown"
if syncStatus ~= "Synced" and op ~= nil
    and (op.phase == "Failed" or op.phase == "Error") then
  return { status = "Degraded",
    message = "Sync " .. op.phase .. ": " .. (op.message or "") }
end

local done = syncStatus == "Synced"
local note = "Healthy and Synced"
if syncStatus == "OutOfSync" and neverPrunes(spec)
    and onlyAwaitsPruning(status) then
  done = true
  note = "Healthy; OutOfSync only by resources it never prunes"
end
if health == "Healthy" and done then
  return { status = "Healthy", message = note }
end
return progressing("Waiting for Healthy and Synced (health "
  .. health .. ", sync " .. syncStatus .. ")")
`;

/** The argocd-cm data entry carrying {@link applicationHealthLua}, e.g. for the argo-cd chart's `configs.cm`. */
export function argocdCmHealthData(): Readonly<Record<string, string>> {
  return { [applicationHealthKey]: applicationHealthLua };
}
