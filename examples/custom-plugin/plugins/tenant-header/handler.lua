-- tenant-header: tells the backend which tenant a route serves, replacing any value the client sent.
local TenantHeader = {
  -- After request-transformer (801), so a route's own transformer cannot undo it.
  PRIORITY = 800,
  VERSION = "1.0.0",
}

function TenantHeader:access(conf)
  kong.service.request.set_header(conf.header_name, conf.tenant)
end

return TenantHeader
