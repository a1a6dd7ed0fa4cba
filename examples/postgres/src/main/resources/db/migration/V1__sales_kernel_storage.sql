-- Sales Kernel storage schema, version 1: records, their index fields, commit ids and the outbox.
-- Usable by Flyway or Liquibase as is (classpath:db/migration), or applied by SchemaMigrations.apply(DataSource).
-- Every primary key and every index starts with the tenant. Identifiers use the "C" collation so
-- that text order is byte order (record ids are ASCII; the SPI orders them by bytes, RS-7.3).

create table sk_record (
    tenant_id      text collate "C" not null,
    record_type    text collate "C" not null,
    record_id      text collate "C" not null,
    version        bigint           not null check (version >= 1),
    schema_version integer          not null check (schema_version >= 1),
    document       jsonb            not null,
    -- the index fields as written: {"name": {"whole": 3} | {"moment": "2026-01-01T00:00:00.000001Z"} | {"text": "ann"}};
    -- the trigger below keeps sk_index, which queries use, equal to it
    indexes        jsonb            not null default '{}',
    written_at     timestamptz      not null,
    primary key (tenant_id, record_type, record_id)
);

-- One row per declared index field of a record's current version. kind: 0 whole, 1 moment, 2 text;
-- exactly the column of that kind is set, so values of different kinds never compare (RS-7.5).
create table sk_index (
    tenant_id    text collate "C" not null,
    record_type  text collate "C" not null,
    record_id    text collate "C" not null,
    name         text collate "C" not null,
    kind         smallint         not null check (kind in (0, 1, 2)),
    whole_value  bigint,
    moment_value timestamptz,
    text_value   text collate "C",
    primary key (tenant_id, record_type, record_id, name),
    check ((kind = 0) = (whole_value is not null)
       and (kind = 1) = (moment_value is not null)
       and (kind = 2) = (text_value is not null))
);
create index sk_index_text   on sk_index (tenant_id, record_type, name, text_value, record_id) where kind = 2;
create index sk_index_whole  on sk_index (tenant_id, record_type, name, whole_value, record_id) where kind = 0;
create index sk_index_moment on sk_index (tenant_id, record_type, name, moment_value, record_id) where kind = 1;

-- Replaces a record's index rows whenever its index fields change, inside the writing statement.
-- OLD is the version the update actually replaced (after waiting for any concurrent writer), so the
-- rows deleted are exactly the current ones.
create function sk_record_index_rows() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.indexes = new.indexes then
            return null;
        end if;
        delete from sk_index
         where tenant_id = new.tenant_id and record_type = new.record_type and record_id = new.record_id;
    end if;
    insert into sk_index (tenant_id, record_type, record_id, name, kind, whole_value, moment_value, text_value)
    select new.tenant_id, new.record_type, new.record_id, field.key,
           case when field.value ? 'whole' then 0 when field.value ? 'moment' then 1 else 2 end,
           (field.value ->> 'whole')::bigint,
           (field.value ->> 'moment')::timestamptz,
           field.value ->> 'text'
      from jsonb_each(new.indexes) as field;
    return null;
end
$$;
create trigger sk_record_index_rows after insert or update on sk_record
    for each row execute function sk_record_index_rows();

-- Idempotent commit ids: a row is inserted in the same transaction as the commit's writes, so a
-- conflicting or failed commit never consumes its id (RS-5.3, RS-4.4). new_versions maps
-- "record-type/record-id" to the version the commit wrote (RS-5.1).
create table sk_commit (
    tenant_id    text collate "C" not null,
    commit_id    text collate "C" not null,
    new_versions jsonb            not null,
    committed_at timestamptz      not null,
    primary key (tenant_id, commit_id)
);

-- The next outbox sequence of each tenant. A commit that carries messages takes this row's lock
-- last, just before it commits, so sequences increase in commit order (OB-1.2).
create table sk_outbox_sequence (
    tenant_id text collate "C" not null primary key,
    last_sequence bigint       not null
);

-- The outbox. document is text so that a message is handed back exactly as committed.
create table sk_outbox (
    tenant_id    text collate "C" not null,
    sequence     bigint           not null check (sequence >= 1),
    message_id   text collate "C" not null,
    event_type   text collate "C" not null,
    subject_type text collate "C" not null,
    subject_id   text collate "C" not null,
    document     text             not null,
    occurred_at  timestamptz      not null,
    attempt      integer          not null default 0,
    leased_until timestamptz,
    primary key (tenant_id, sequence)
);
create index sk_outbox_message on sk_outbox (tenant_id, message_id);
