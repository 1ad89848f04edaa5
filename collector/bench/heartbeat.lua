-- wrk script: POST /api/v1/heartbeats as enrolled machines, each with its own bearer token.
--
-- Settings come from the environment (run.sh sets them):
--   BENCH_MACHINES_FILE  lines "<machineId> <agentToken>" (enroll.py writes it)
--   BENCH_THREADS        wrk's -t (each thread owns machines i with (i - 1) % threads == thread id,
--                        so two threads never send the same machine's seq)
--   BENCH_BATCH          heartbeats per request (1: single mode)
--   BENCH_MACHINES       use only the first this many machines of the file (0: all)
--   BENCH_SEQ_BASE       every machine's first seq in this run is BENCH_SEQ_BASE + 1
--   BENCH_INTERVAL       seconds between the agentTimes of one batch (the last one is now)
-- Each request is one machine, round robin over the thread's machines; seq grows by one for every
-- heartbeat of a machine, so the collector must find no duplicate. At the end, done() prints one
-- line "BENCH key=value ..." that run.sh reads, including maxseq (the next run's BENCH_SEQ_BASE).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function env_number(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then
    return default
  end
  return tonumber(v)
end

local PROBES = '"probes":['
  .. '{"target":"https://dichvucong.gov.vn","kind":"http","internet":true,"ok":true,'
  .. '"latencyMillis":85,"error":null,"detail":null},'
  .. '{"target":"dichvucong.gov.vn","kind":"dns","internet":true,"ok":true,'
  .. '"latencyMillis":12,"error":null,"detail":null},'
  .. '{"target":"collector","kind":"tcp","internet":false,"ok":true,'
  .. '"latencyMillis":2,"error":null,"detail":null}]'

local machines = {} -- this thread's machines: {id, headers, prefix, suffix, seq}
local batch, interval
local next_machine = 1
maxseq = 0 -- global: done() reads it with thread:get

function init(args)
  local file = os.getenv("BENCH_MACHINES_FILE")
  local nthreads = env_number("BENCH_THREADS", 1)
  local limit = env_number("BENCH_MACHINES", 0)
  local base = env_number("BENCH_SEQ_BASE", 0)
  batch = env_number("BENCH_BATCH", 1)
  interval = env_number("BENCH_INTERVAL", 60)
  local i = 0
  for line in io.lines(file) do
    local machine_id, token = line:match("^(%S+)%s+(%S+)$")
    if machine_id then
      i = i + 1
      if limit > 0 and i > limit then
        break
      end
      if (i - 1) % nthreads == id then
        -- figures that differ a little from one PC to the next, as a fleet's do
        local memory = 2147483648 + (i % 7) * 536870912
        local disk_total = 256060514304
        local disk_free = 32212254720 + (i % 13) * 4294967296
        table.insert(machines, {
          headers = {
            ["Authorization"] = "Bearer " .. token,
            ["Content-Type"] = "application/json",
          },
          prefix = '{"machineId":"' .. machine_id .. '","seq":',
          suffix = ',"uptimeSeconds":' .. (3600 + i) .. ',' .. PROBES
            .. ',"internetUp":true,"memoryUsedBytes":' .. memory
            .. ',"systemDiskFreeBytes":' .. disk_free
            .. ',"systemDiskTotalBytes":' .. disk_total
            .. ',"agentResidentBytes":61000000,"agentCpuSeconds":1.5,"spoolDroppedEntries":0}',
          seq = base,
        })
      end
    end
  end
  if #machines == 0 then
    error("wrk thread " .. id .. " owns no machine (" .. i .. " in " .. file .. ")")
  end
end

-- agentTime strings for the current second: times[j] = now - (batch - j) * interval, times[batch] = now
local cached_second = -1
local times = {}

local function agent_times()
  local now = os.time()
  if now ~= cached_second then
    cached_second = now
    for j = 1, batch do
      times[j] = os.date("!%Y-%m-%dT%H:%M:%SZ", now - (batch - j) * interval)
    end
  end
  return times
end

local parts = {}

function request()
  local m = machines[next_machine]
  next_machine = next_machine % #machines + 1
  local t = agent_times()
  local n = 0
  n = n + 1; parts[n] = '{"heartbeats":['
  for j = 1, batch do
    m.seq = m.seq + 1
    if j > 1 then
      n = n + 1; parts[n] = ","
    end
    n = n + 1; parts[n] = m.prefix
    n = n + 1; parts[n] = m.seq
    n = n + 1; parts[n] = ',"agentTime":"'
    n = n + 1; parts[n] = t[j]
    n = n + 1; parts[n] = '"'
    n = n + 1; parts[n] = m.suffix
  end
  n = n + 1; parts[n] = "]}"
  if m.seq > maxseq then
    maxseq = m.seq
  end
  return wrk.format("POST", "/api/v1/heartbeats", m.headers, table.concat(parts, "", 1, n))
end

function done(summary, latency, requests)
  local top = 0
  for _, thread in ipairs(threads) do
    local s = thread:get("maxseq")
    if s > top then
      top = s
    end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " non2xx=%d connect=%d read=%d write=%d timeout=%d maxseq=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout, top))
end
