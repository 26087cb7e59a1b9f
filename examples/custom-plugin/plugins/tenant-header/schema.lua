-- Configuration of tenant-header: the header Kong sets and the tenant it names.
local typedefs = require "kong.db.schema.typedefs"

return {
  name = "tenant-header",
  fields = {
    { protocols = typedefs.protocols_http },
    {
      config = {
        type = "record",
        fields = {
          { header_name = typedefs.header_name { required = true, default = "X-Tenant" } },
          { tenant = { type = "string", required = true, default = "public" } },
        },
      },
    },
  },
}
