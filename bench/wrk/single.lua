-- wrk script for the single-ingest step (bench/run.sh, SingleIngest): each request POSTs one touchpoint to
-- /api/v1/touchpoints with its own externalId and an occurredAt within the minute before it is sent.
-- Bodies come pre-generated from the bench (KREIS_WRK_BODIES, a Lua file returning { {before, between, after}, ... }
-- split around the externalId and occurredAt values), so a request costs a few string joins: a client as lean as
-- pgbench's. The argument (after --): the externalIds' prefix, unique to the run.
local bodies = dofile(os.getenv("KREIS_WRK_BODIES"))
local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. (os.getenv("KREIS_BENCH_TOKEN") or ""),
}
local next_thread = 0

function setup(thread)
    thread:set("tid", next_thread)
    next_thread = next_thread + 1
end

local prefix, n, count = nil, 0, #bodies
local second, stamps = -1, {}

function init(args)
    prefix = args[1] .. "-" .. tid .. "-"
    n = tid * 7919 -- threads start at different bodies
end

function request()
    n = n + 1
    local now = os.time()
    if now ~= second then -- the 60 timestamps of the minute before now, made once a second
        second = now
        for i = 0, 59 do
            stamps[i] = os.date("!%Y-%m-%dT%H:%M:%SZ", now - i)
        end
    end
    local b = bodies[n % count + 1]
    return wrk.format("POST", "/api/v1/touchpoints", headers, b[1] .. prefix .. n .. b[2] .. stamps[n % 60] .. b[3])
end

dofile(os.getenv("KREIS_WRK_DIR") .. "/summary.lua")
