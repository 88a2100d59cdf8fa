-- The ceiling: a trivial resource of the same stack (Jetty, CXF whiteboard, auth filter, Jackson).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done
request = function() return wrk.format("GET", "/api/health") end
