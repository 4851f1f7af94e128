"""The App Home: every agent's own cockpit in Balie's Home tab, kept current."""
