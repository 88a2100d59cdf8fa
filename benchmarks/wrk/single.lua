-- One path at a time, for before/after comparisons: BENCH_PATH names the request, repeated over every account of
-- BENCH_ACCOUNTS (parents.tsv: login, password, token, classId, childId, JSESSIONID), each connection starting at a
-- different account. BENCH_PATH: health | me | feed | blog | homework | liaison | apps (the class's app list).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local accounts, current
local kind = os.getenv("BENCH_PATH") or "me"

init = function(args)
  if kind ~= "health" then
    accounts = common.read_tsv(os.getenv("BENCH_ACCOUNTS"))
    current = (id * 7919) % #accounts + 1
  end
  bad = 0
end

request = function()
  if kind == "health" then
    return wrk.format("GET", "/api/health")
  end
  current = (current % #accounts) + 1
  local a = accounts[current]
  local token, class, child = a[3], a[4], a[5]
  local auth = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  local path
  if kind == "me" then
    path = "/api/me"
  elseif kind == "feed" then
    path = "/api/me/feed"
  elseif kind == "blog" then
    path = "/api/classes/" .. class .. "/blog"
  elseif kind == "homework" then
    path = "/api/classes/" .. class .. "/homework/week?child=" .. child
  elseif kind == "liaison" then
    path = "/api/classes/" .. class .. "/liaison?child=" .. child
  elseif kind == "apps" then
    path = "/api/classes/" .. class .. "/apps"
  else
    error("unknown BENCH_PATH " .. kind)
  end
  return wrk.format("GET", path, auth)
end

response = function(status, headers, body)
  -- A redirect is a failure too: the dashboard answers 200 in one pass, a 302 means the session was lost.
  if status >= 300 then bad = bad + 1 end
end
