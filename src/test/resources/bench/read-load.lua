-- The read benchmark's requests for wrk (ReadBenchmark runs it when BENCH_LOAD=wrk):
--   wrk -t1 -c32 -d20s -s read-load.lua http://localhost:8080/graphql -- bodies.txt
-- bodies.txt holds one JSON request body a line (Q1: one per brand, sent in turn); every request is formatted once,
-- in init. An error is anything but a 200 without "errors". done() prints a WRK line (requests, errors, seconds,
-- latency percentiles in ms) and then the first good answer on a FIRST line, so the benchmark can count its rows.

local requests = {}
local next_request = 1
errors = 0
first = nil

function init(args)
  for body in io.lines(args[1]) do
    requests[#requests + 1] = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
  end
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    errors = errors + 1
  elseif first == nil then
    first = body
  end
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local answer = nil
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
    answer = answer or thread:get("first")
  end
  io.write(string.format("WRK requests=%d errors=%d seconds=%.3f p50=%.2f p95=%.2f p99=%.2f max=%.2f\n",
    summary.requests, failed, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
  if answer then
    io.write("FIRST " .. string.gsub(answer, "[\r\n]", " ") .. "\n")
  end
end
