"""Two desks (two data dirs, two `team serve` processes on 127.0.0.1), a contact typed on each
while apart, one `team sync --once`: both directories list both contacts, found by search."""

from __future__ import annotations

from tests.commands.test_team_cli import free_port, new_desk, run, run_json, serving  # noqa: F401


def _names(capsys, desk) -> set[str]:
    return {c["name"] for c in run_json(capsys, "--data-dir", desk, "contacts", "list")}


def test_contacts_typed_on_two_desks_are_listed_on_both_after_one_sync(capsys, tmp_path, serving):  # noqa: F811
    counter, lead = new_desk(tmp_path, "quay"), new_desk(tmp_path, "truong-nhom")
    ports = free_port(), free_port()
    invite = run_json(capsys, "--data-dir", counter, "team", "invite", "--host", "127.0.0.1",
                      "--port", ports[0])  # fmt: skip
    serving(counter, ports[0])
    run_json(capsys, "--data-dir", lead, "team", "join", invite["address"], "--code",
             invite["code"], "--port", ports[1])  # fmt: skip
    serving(lead, ports[1])

    run_json(capsys, "--data-dir", counter, "contacts", "add", "--name", "Lê Thị Hoa",
             "--position", "Công chức Tư pháp - Hộ tịch", "--phone", "0912 345 678")  # fmt: skip
    run_json(capsys, "--data-dir", lead, "contacts", "add", "--name", "Phạm Văn Nam",
             "--agency", "Công an xã", "--phone", "0987 654 321")  # fmt: skip
    result = run_json(capsys, "--data-dir", lead, "team", "sync", "--once")
    assert result["peers"][0]["ok"] and result["sent"] > 0 and result["received"] > 0

    for desk in (counter, lead):
        assert _names(capsys, desk) == {"Lê Thị Hoa", "Phạm Văn Nam", "Công an xã"}
        found = run_json(capsys, "--data-dir", desk, "contacts", "search", "pham van nam")
        assert [c["name"] for c in found][:1] == ["Phạm Văn Nam"]
    listed = [run_json(capsys, "--data-dir", d, "contacts", "list") for d in (counter, lead)]
    by_uid = [{c["uid"]: (c["name"], c["phones"]) for c in rows} for rows in listed]
    assert by_uid[0] == by_uid[1]

    # A removal on one desk travels too; the CLI asks for --yes first.
    hoa = next(c["id"] for c in listed[1] if c["name"] == "Lê Thị Hoa")
    code, out = run(capsys, "--data-dir", lead, "contacts", "remove", hoa)
    assert code == 2 and "--yes" in out
    code, out = run(capsys, "--data-dir", lead, "contacts", "remove", hoa, "--yes")
    assert code == 0, out
    run_json(capsys, "--data-dir", lead, "team", "sync", "--once")
    assert "Lê Thị Hoa" not in _names(capsys, counter)
