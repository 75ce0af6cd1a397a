-- pgbench script for the single-insert baseline (bench/run.sh): one touchpoint-shaped row per
-- transaction into bench_single_target (LIKE touchpoint INCLUDING ALL, same FK to profile).
-- :pid is an existing profile id passed with -D pid=<uuid>.
\set n random(1, 1000000000)
\set d random(30, 1800)
insert into bench_single_target (id, profile_id, source, external_id, type, module, channel, phase, initiator, occurred_at, received_at, score, amount, currency, payload) values (gen_random_uuid(), ':pid', 'pgbench', gen_random_uuid()::text, 'core.interaction', 'core', 'web', 'consideration', 'customer', now() - random() * interval '730 days', now(), null, null, null, '{"subject":"Order status","topic":"orders","outcome":"resolved","durationSeconds":' || :d || ',"n":' || :n || '}');
