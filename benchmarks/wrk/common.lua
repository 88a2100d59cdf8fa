-- Shared by the scenario scripts: reads a tab-separated accounts file, counts statuses, prints one summary line.
-- BENCH_NAME names the line; BENCH_ACCOUNTS is the file (see DepartmentLoader).
local M = {}

function M.read_tsv(path)
  local rows = {}
  for line in io.lines(path) do
    local row = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do row[#row + 1] = field end
    rows[#rows + 1] = row
  end
  return rows
end

local threads = {}
function M.setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function M.done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("bad") or 0) end
  local e = summary.errors
  -- "bad" (counted by the scenarios) covers every answer that is not 2xx, wrk's own status count only >= 400.
  local errors = e.connect + e.read + e.write + e.timeout + math.max(e.status, bad)
  io.write(string.format(
    "[wrk] name=%s requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.1f errors=%d "
      .. "non2xx=%d socket_errors=%d\n",
    os.getenv("BENCH_NAME") or "?", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors + 0, math.max(e.status, bad), e.connect + e.read + e.write + e.timeout))
end

return M
