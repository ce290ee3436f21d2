"""Load and PostgreSQL-restart check (``make loadtest``); see run.py."""
