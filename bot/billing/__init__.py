"""Billable work by the service description's rules: time on tickets, referrals, training
notices, written orders, and which of it is charged."""
