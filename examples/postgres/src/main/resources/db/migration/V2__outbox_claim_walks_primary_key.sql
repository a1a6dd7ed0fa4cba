-- Sales Kernel storage schema, version 2: outbox claims walk the primary key.
--
-- Version 1's claim was a plain statement whose plan depended on the statistics of sk_outbox. An
-- outbox is a queue: it swings between empty and thousands of rows, and acknowledged rows are
-- deleted, so the statistics are usually those of some other moment (typically an empty table)
-- and the dead rows pile up until autovacuum passes. With such statistics the planner chose a
-- bitmap scan over every index entry of the tenant, live or dead, then a sort, on every claim, and
-- a bitmap scan never marks dead index entries, so each claim paid for every row acknowledged since
-- the last vacuum. Walking (tenant_id, sequence) from the start and stopping after max rows costs
-- a few pages instead: the walk skips the leased rows, and a plain index scan marks the entries of
-- acknowledged rows dead once, so later claims skip them without visiting the table.
--
-- sk_outbox_claim is that claim, with the plan fixed by the planner settings of the function
-- (no bitmap scan, no sort: the ordered primary key walk is the only plan left), whatever the
-- statistics say. Its semantics are version 1's: the oldest rows of the tenant that are not under
-- an unexpired lease, locked with "for update skip locked" so that concurrent consumers take
-- disjoint rows, leased until now() + lease, attempt + 1. Rows come back in no particular order.
create function sk_outbox_claim(claim_tenant text, claim_max integer, lease_micros double precision)
    returns table (sequence bigint, message_id text, event_type text, subject_type text, subject_id text,
                   document text, occurred_at timestamptz, attempt integer, leased_until timestamptz)
    language sql volatile
    set enable_bitmapscan = off
    set enable_sort = off
as $$
    update sk_outbox o
       set attempt = o.attempt + 1,
           leased_until = now() + lease_micros * interval '1 microsecond'
     where o.tenant_id = claim_tenant
       and o.sequence = any (array(
               select c.sequence from sk_outbox c
                where c.tenant_id = claim_tenant and (c.leased_until is null or c.leased_until <= now())
                order by c.sequence
                limit claim_max
                  for update skip locked))
 returning o.sequence, o.message_id, o.event_type, o.subject_type, o.subject_id, o.document,
           o.occurred_at, o.attempt, o.leased_until
$$;
