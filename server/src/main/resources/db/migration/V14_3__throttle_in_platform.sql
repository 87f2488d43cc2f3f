-- The throttle counters become the platform's, shared by every module (staff sign-in too).
alter table intake_throttle rename to throttle;
alter table intake_address_key rename to throttle_address_key;
