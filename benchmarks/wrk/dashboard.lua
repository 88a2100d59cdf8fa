-- The dashboard alone: GET /app/ with each loaded parent's web session (JSESSIONID, column 6 of parents.tsv), rotating
-- over the accounts. Wicket renders the page in that request (200 since the one-pass dashboard; before it, 302 to the
-- page instance with the rendering buffered).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local accounts, current

init = function(args)
  accounts = common.read_tsv(os.getenv("BENCH_ACCOUNTS"))
  current = (id * 7919) % #accounts + 1
  bad = 0
end

request = function()
  current = (current % #accounts) + 1
  return wrk.format("GET", "/app/", { ["Cookie"] = "JSESSIONID=" .. accounts[current][6] })
end

response = function(status, headers, body)
  -- A redirect is a failure too: the dashboard answers 200 in one pass, a 302 means the session was lost.
  if status >= 300 then bad = bad + 1 end
end
