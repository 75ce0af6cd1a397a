-- done() for the bench's wrk scripts: writes wrk's summary as JSON to the file KREIS_WRK_SUMMARY names (read by Wrk.java).
function done(summary, latency, requests)
    local out = assert(io.open(os.getenv("KREIS_WRK_SUMMARY"), "w"))
    local e = summary.errors
    out:write(string.format('{"duration_us":%d,"requests":%d,"bytes":%d,"errors_connect":%d,"errors_read":%d,'
        .. '"errors_write":%d,"errors_status":%d,"errors_timeout":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,'
        .. '"mean_us":%.1f}\n',
        summary.duration, summary.requests, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
    out:close()
end
