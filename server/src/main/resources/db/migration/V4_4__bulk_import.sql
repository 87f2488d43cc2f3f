-- CSV imports run as background jobs; the file waits here until a node picks the job up and is
-- dropped when the import finishes. Progress is read by the page that polls it.
create table bulk_import (
    id              uuid primary key,
    file_name       text not null,
    content         bytea,
    status          text not null check (status in ('queued', 'running', 'done', 'failed')),
    failure_key     text,
    failure_detail  text,
    total_lines     int  not null default 0,
    processed_lines int  not null default 0,
    accepted        int  not null default 0,
    rejected        int  not null default 0,
    created_by      text not null,
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone
);

create table bulk_import_error (
    import_id   uuid not null references bulk_import (id) on delete cascade,
    line_number int  not null,
    position    int  not null,
    column_name text not null,
    message_key text not null,
    message_arg int,
    line_text   text not null,
    primary key (import_id, line_number, position)
);

-- Intake mails already handled, by Message-ID, so a message is processed once even if the mailbox
-- cannot store the seen flag.
create table mailbox_message (
    message_id   text primary key,
    action       text not null,
    outcome      text not null,
    processed_at timestamp with time zone not null
);
