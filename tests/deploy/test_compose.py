"""docker-compose.yml, read as docker compose reads it (no container engine here): what must hold for
the production shape to be safe and to survive, checked on the file itself."""

import re

import pytest
import yaml

from tests.journeys import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
SITE = ["migrate", "web", "worker", "beat"]  # the site's image, with the site's environment


def one_off(service):
    return service.get("restart") == "no"


def mounts(service):
    """{volume or host path: (path inside, read-only)} from the short syntax."""
    found = {}
    for entry in service.get("volumes", []):
        source, target, *mode = entry.split(":")
        found[source] = (target, mode == ["ro"])
    return found


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_long_running_service_has_a_health_check(name):
    service = SERVICES[name]
    if one_off(service):
        assert name == "migrate"  # the only one-off; the others wait for it to complete
        return
    assert service["healthcheck"]["test"], name
    assert service.get("restart") == "unless-stopped", name


def test_only_the_proxy_publishes_ports():
    published = {name: service["ports"] for name, service in SERVICES.items() if "ports" in service}
    assert published == {"proxy": ["80:80", "443:443", "443:443/udp"]}
    assert SERVICES["web"]["expose"] == ["8000"]


def test_secret_key_and_mail_server_have_no_default():
    text = (ROOT / "docker-compose.yml").read_text()
    for name in SITE:
        env = SERVICES[name]["environment"]
        assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", env["SECRET_KEY"]), name
        assert re.fullmatch(r"\$\{EMAIL_URL:\?[^}]+\}", env["EMAIL_URL"]), name
        assert env["DEBUG"] == "false"
    assert "SECRET_KEY:-" not in text and "SECRET_KEY-" not in text


def test_the_site_counts_the_address_caddy_wrote():
    for name in SITE:
        assert SERVICES[name]["environment"]["TRUSTED_PROXY_HOPS"] == "${TRUSTED_PROXY_HOPS:-1}"
    assert SERVICES["proxy"]["environment"]["UPSTREAM"] == "web:8000"


def test_photos_are_written_by_the_site_and_served_read_only_by_the_proxy():
    for name in SITE:
        env, mounted = SERVICES[name]["environment"], mounts(SERVICES[name])
        assert mounted["media"] == (env["MEDIA_ROOT"], False), name
        assert mounted["exports"] == (env["EXPORT_ROOT"], False), name
    proxy = SERVICES["proxy"]
    assert mounts(proxy)["media"] == (proxy["environment"]["MEDIA_ROOT"], True)
    assert "exports" not in mounts(proxy)  # exports are only for the organiser who asked
    assert mounts(proxy)["caddy_data"] == ("/data", False)  # certificates survive a restart


def test_backups_go_to_their_own_volume_with_the_script_from_the_repository():
    backup = SERVICES["backup"]
    assert mounts(backup)["backups"] == (backup["environment"]["BACKUP_DIR"], False)
    assert mounts(backup)["./deploy"] == ("/deploy", True)
    assert backup["entrypoint"] == ["sh", "/deploy/backup.sh"] and backup["command"] == ["loop"]
    assert backup["healthcheck"]["test"] == ["CMD", "sh", "/deploy/backup.sh", "check"]
    assert (ROOT / "deploy" / "backup.sh").exists() and (ROOT / "deploy" / "restore.sh").exists()
    assert backup["image"] == SERVICES["db"]["image"]  # pg_dump of the server's own version
    assert mounts(SERVICES["db"])["pgdata"] == ("/var/lib/postgresql/data", False)


def test_every_named_volume_is_declared_and_every_dependency_is_health_checked():
    declared = set(COMPOSE["volumes"])
    for name, service in SERVICES.items():
        for source in mounts(service):
            assert source.startswith("./") or source in declared, (name, source)
        for needed, condition in service.get("depends_on", {}).items():
            if condition["condition"] == "service_healthy":
                assert "healthcheck" in SERVICES[needed], (name, needed)
            else:
                assert condition["condition"] == "service_completed_successfully" and one_off(SERVICES[needed])


def test_the_mail_catcher_for_a_try_listens_on_loopback_only():
    extra = yaml.safe_load((ROOT / "deploy" / "compose.mailpit.yml").read_text())
    assert extra["services"]["mailpit"]["ports"] == ["127.0.0.1:8025:8025"]


def test_a_copied_env_example_sets_no_secret_and_no_hop_count():
    """docker compose reads .env: a copy of the example must not bring a known key or count everyone as one."""
    lines = (ROOT / ".env.example").read_text().splitlines()
    set_there = {line.split("=", 1)[0] for line in lines if "=" in line and not line.startswith("#")}
    assert not set_there & {"SECRET_KEY", "EMAIL_URL", "TRUSTED_PROXY_HOPS"}
    assert {"SITE_HOST", "CADDY_TLS", "BACKUP_KEEP_DAYS"} <= set_there


def test_celery_yields_the_cpu_to_the_site_under_load():
    """In a burst of signatures people get their answer first; the mail follows (README, "Scaling out")."""
    site_share = SERVICES["web"].get("cpu_shares", 1024)  # Docker's default weight
    for name in ("worker", "beat"):
        assert SERVICES[name]["cpu_shares"] <= site_share // 4, name
