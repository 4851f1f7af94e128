"""The waakdienst: the on-call rota, after-hours paging, acknowledgement and escalation."""
