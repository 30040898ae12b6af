"""`supportdesk background JOB`: the app's own background work, run by the app in a child process
of lower priority (supportdesk.ui.child_jobs). Not for people: not listed in --help (cli.HIDDEN).

Each job prints its result as one JSON line; a failure is one line on stderr and a non-zero exit
code, as for every command. `team-serve` answers until its stdin closes, so that it never outlives
the app that started it."""

from __future__ import annotations

import json
import sys

from supportdesk.commands._common import CommandError, open_db


def register(sub) -> None:
    p = sub.add_parser("background", help="công việc nền của ứng dụng (ứng dụng tự chạy)")
    jobs = p.add_subparsers(dest="job", required=True)
    q = jobs.add_parser("hub-sync")
    q.add_argument("--force", action="store_true", help="send now, whatever the backoff says")
    q.set_defaults(handler=cmd_hub_sync)
    q = jobs.add_parser("team-sync")
    q.add_argument("--peer", action="append", help="this address instead of the team's (bench)")
    q.set_defaults(handler=cmd_team_sync)
    q = jobs.add_parser("team-serve")
    q.add_argument("--port", type=int, required=True)
    q.set_defaults(handler=cmd_team_serve)


def _answer(result: object) -> int:
    print(json.dumps(result, ensure_ascii=False, default=str), flush=True)
    return 0


def cmd_hub_sync(args) -> int:
    from supportdesk import paths, processes
    from supportdesk.core.sync import runner

    processes.lower_priority()
    return _answer(runner.sync_now(open_db(args), paths.data_dir(args.data_dir), force=args.force))


def cmd_team_sync(args) -> int:
    from supportdesk import processes
    from supportdesk.core.team import client

    processes.lower_priority()
    return _answer(client.sync_team(open_db(args), args.peer, discover=True, **client.BACKGROUND))


def cmd_team_serve(args) -> int:
    from supportdesk import paths, processes
    from supportdesk.core.team.server import TeamServer

    processes.lower_priority()
    try:
        server = TeamServer(paths.data_dir(args.data_dir), "0.0.0.0", args.port)
    except OSError as exc:
        raise CommandError(f"không mở được cổng {args.port}: {exc.strerror or exc}", 1) from exc
    server.start()
    _answer({"port": server.port})
    advertiser = _advertise(args, server.port)
    try:
        sys.stdin.read()  # until the app closes our stdin, or dies
    finally:
        server.stop()
        if advertiser is not None:
            advertiser.close()
    return 0


def _advertise(args, port: int):
    """The other desks find this one by mDNS (core.team.discovery); without multicast they
    reach it at its typed address all the same, so a failure here is not the job's."""
    from supportdesk.core.team import discovery, membership

    db = open_db(args)
    commune, desk = membership.commune(db), membership.desk_id(db)
    db.close()
    return discovery.Advertiser(commune, desk, port).start() if commune else None
