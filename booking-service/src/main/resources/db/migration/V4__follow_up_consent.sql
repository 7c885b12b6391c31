-- Whether the client agreed to be contacted about the result (the event's consentToContact): a follow-up is made
-- either way, and the therapist working the queue must be able to tell. Follow-ups made before this column are
-- taken as no consent, the safe reading.
alter table follow_ups add column consent_to_contact boolean not null default false;
