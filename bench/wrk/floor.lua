-- wrk script for the floor step (bench/run.sh, HttpFloor): wrk's own fixed GET of the URL it is given, nothing made
-- per request; only the summary is written.
dofile(os.getenv("KREIS_WRK_DIR") .. "/summary.lua")
