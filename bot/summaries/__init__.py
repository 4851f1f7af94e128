"""Summaries for team leads: the desk's day, morning, week and month in their channels, with a
chart, and the same figures on demand (/rapport)."""
