"""The provincial hub: receives commune summaries, hands out catalogs, shows the province.

Optional extra `hub` (FastAPI, uvicorn, psycopg). Shares only core.sync.payload with the desktop."""
