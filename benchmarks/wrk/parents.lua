-- Parents' evening: each visit of a generated parent = sign in, /api/me, the child's homework week, the unread
-- liaison words, the class blog, the dashboard page (Wicket, with the parent's web session). Visits rotate over
-- every account of parents.tsv (login, password, token, classId, childId, JSESSIONID).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local accounts, step, current
local STEPS = (os.getenv("BENCH_SIGNIN") == "0") and 5 or 6

init = function(args)
  accounts = common.read_tsv(os.getenv("BENCH_ACCOUNTS"))
  current = (id * 7919) % #accounts + 1
  step = 0
  bad = 0
end

request = function()
  step = step + 1
  if step > STEPS then
    step = 1
    current = (current % #accounts) + 1
  end
  local a = accounts[current]
  local token, class, child, session = a[3], a[4], a[5], a[6]
  local auth = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  local s = (STEPS == 6) and step or step + 1
  if s == 1 then
    return wrk.format("POST", "/api/session", { ["Content-Type"] = "application/json" },
      '{"login":"' .. a[1] .. '","password":"' .. a[2] .. '"}')
  elseif s == 2 then
    return wrk.format("GET", "/api/me", auth)
  elseif s == 3 then
    return wrk.format("GET", "/api/classes/" .. class .. "/homework/week?child=" .. child, auth)
  elseif s == 4 then
    return wrk.format("GET", "/api/classes/" .. class .. "/liaison?child=" .. child, auth)
  elseif s == 5 then
    return wrk.format("GET", "/api/classes/" .. class .. "/blog", auth)
  else
    return wrk.format("GET", "/app/", { ["Cookie"] = "JSESSIONID=" .. session })
  end
end

response = function(status, headers, body)
  -- A redirect is a failure too: the dashboard answers 200 in one pass, a 302 means the session was lost.
  if status >= 300 then bad = bad + 1 end
end
