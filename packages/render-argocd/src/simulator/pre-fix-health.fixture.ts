/**
 * The Application health check as shipped before issue 12, kept only so that the bring-up tests can
 * show the simulator catches what it got wrong (stale status, no-prune stall). Never rendered.
 */
export const preFixHealthLua: string = `-- routeplane: Healthy only when the child is Healthy AND Synced.
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
