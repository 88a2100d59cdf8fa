-- Teachers' morning: post a homework entry, send a liaison word to the class (which notifies every parent), read the
-- acknowledgements view of a word, read the class's liaison list. teachers.tsv: token, classId, wordId.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local teachers, step, n

init = function(args)
  teachers = common.read_tsv(os.getenv("BENCH_ACCOUNTS"))
  step = 0
  n = id
  bad = 0
end

request = function()
  step = step % 4 + 1
  n = n + 1
  local t = teachers[(n % #teachers) + 1]
  local token, class, word = t[1], t[2], t[3]
  local h = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json",
              ["Content-Type"] = "application/json" }
  local base = "/api/classes/" .. class
  if step == 1 then
    return wrk.format("POST", base .. "/homework/entries", h,
      '{"date":"' .. os.date("%Y-%m-%d") .. '","subject":"MATHS","title":"Fiche ' .. n
        .. '","content":"Exercices 1 à 4 page 32."}')
  elseif step == 2 then
    return wrk.format("POST", base .. "/liaison/words", h,
      '{"title":"Mot ' .. n .. '","body":"Réunion de parents jeudi à 18 h.","category":"REUNION","ackRequired":true}')
  elseif step == 3 then
    return wrk.format("GET", base .. "/liaison/words/" .. word .. "/follow-up", h)
  else
    return wrk.format("GET", base .. "/liaison", h)
  end
end

response = function(status, headers, body)
  -- A redirect is a failure too: the dashboard answers 200 in one pass, a 302 means the session was lost.
  if status >= 300 then bad = bad + 1 end
end
