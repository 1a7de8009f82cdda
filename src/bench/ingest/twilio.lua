-- wrk script: POSTs pre-signed Twilio webhooks and counts every answer by status.
--
-- Usage: wrk ... -s twilio.lua <url> -- <prefix> <once|cycle>
-- Thread n (1-based) streams its own file <prefix>-<n>.txt, one request per line: "<signature>\t<form body>".
-- Each line is a distinct MessageSid, so in "once" mode no request is ever a provider duplicate (a duplicate
-- gets a 200 without a new stream entry and would hide a lost message). When a "once" file runs out, the
-- thread sends to a path that does not exist, so the shortfall shows up as non-2xx answers and "exhausted".
-- "cycle" rewinds the file instead (for the bare endpoint, which stores nothing).

local threads = {}
local started = 0

function setup(thread)
   started = started + 1
   thread:set("id", started)
   table.insert(threads, thread)
end

-- Globals, not locals: done() reads them from each thread with thread:get().
statuses = {}
exhausted = 0

local file, cycle, path
local content_type = "application/x-www-form-urlencoded"

function init(args)
   local prefix, mode = args[1], args[2]
   assert(prefix and (mode == "once" or mode == "cycle"), "usage: -- <prefix> <once|cycle>")
   cycle = mode == "cycle"
   file = assert(io.open(prefix .. "-" .. id .. ".txt", "r"))
   path = wrk.path
end

local function next_line()
   local line = file:read("*l")
   if line == nil and cycle then
      file:seek("set")
      line = file:read("*l")
   end
   return line
end

function request()
   local line = next_line()
   if line == nil then
      exhausted = exhausted + 1
      return wrk.format("POST", "/bench/bodies-exhausted", { ["Content-Type"] = content_type }, "")
   end
   local tab = line:find("\t", 1, true)
   return wrk.format("POST", path, {
      ["Content-Type"] = content_type,
      ["X-Twilio-Signature"] = line:sub(1, tab - 1),
   }, line:sub(tab + 1))
end

function response(status, headers, body)
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
end

-- One machine-readable line for the driver (org.kunnafoni.bench.WrkRun); wrk's own text report precedes it.
local function json_counts(counts)
   local parts = {}
   for status, n in pairs(counts) do
      table.insert(parts, string.format('"%s":%d', status, n))
   end
   table.sort(parts)
   return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
   local total, total_exhausted, per_thread = {}, 0, {}
   for _, thread in ipairs(threads) do
      local counts = thread:get("statuses") or {}
      local n_exhausted = thread:get("exhausted") or 0
      for status, n in pairs(counts) do
         total[status] = (total[status] or 0) + n
      end
      total_exhausted = total_exhausted + n_exhausted
      table.insert(per_thread, string.format('{"id":%d,"statuses":%s,"exhausted":%d}',
         thread:get("id"), json_counts(counts), n_exhausted))
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d},' ..
      '"statuses":%s,"exhausted":%d,"threads":[%s]}\n',
      summary.requests, summary.duration, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency.min, latency.mean, latency.stdev, latency.max,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      json_counts(total), total_exhausted, table.concat(per_thread, ",")))
end
