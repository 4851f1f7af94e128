"""Pure rules: no Slack, no database."""
