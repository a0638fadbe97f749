#!/usr/bin/env python3
"""botocore's answer for one conformance scenario, as one JSON object on stdout.

Run by the conformance runner (src/run-botocore.ts) with a scrubbed environment and HOME set
to the scenario's temp home. Usage: botocore-oracle.py [--profile NAME]
An MFA code a role profile asks for is read from stdin (the scenario's `stdin`).

Prints {AccessKeyId, SecretAccessKey, SessionToken, Expiration, Source, AccountId},
or {"Error": {"Code", "Class", "Module", "Message"}} when botocore raises,
or {"Error": {"Code": "NoCredentials", "Class": null}} when get_credentials() returns None.
"""
import ipaddress
import json
import os
import socket
import sys
from datetime import timezone


def _refuse_non_loopback():
    """Never let botocore reach a real endpoint (169.254.169.254, 169.254.170.2, AWS)."""

    def allowed(address):
        if not isinstance(address, tuple):
            return True  # AF_UNIX
        host = address[0]
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False

    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self, address):
        if not allowed(address):
            raise ConnectionRefusedError(f"conformance oracle: refusing to connect to {address!r}")
        return real_connect(self, address)

    def connect_ex(self, address):
        if not allowed(address):
            raise ConnectionRefusedError(f"conformance oracle: refusing to connect to {address!r}")
        return real_connect_ex(self, address)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex

    # Name lookups too: a host name that is not localhost (sts.amazonaws.com when a scenario forgot
    # AWS_ENDPOINT_URL_STS) must not even reach DNS. IP literals are checked at connect.
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name is not None and name != "localhost":
            try:
                ipaddress.ip_address(name.split("%")[0])
            except ValueError:
                raise socket.gaierror(socket.EAI_NONAME, f"conformance oracle: refusing to look up {name!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo


def _stdin_prompter(prompt):
    """getpass's non-terminal fallback, without ever opening /dev/tty: the prompt on stderr, one
    line of stdin without its newline, EOFError at end of input."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line[:-1] if line.endswith("\n") else line


def _iso(dt):
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _error(exc):
    cls = type(exc)
    name = cls.__name__
    code = name[: -len("Error")] if name.endswith("Error") and name != "Error" else name
    message = str(exc)
    home = os.environ.get("HOME")
    if home:
        message = message.replace(home, "{{HOME}}")
    return {"Error": {"Code": code, "Class": name, "Module": cls.__module__, "Message": message}}


def resolve(profile):
    import boto3

    session = boto3.Session(profile_name=profile) if profile is not None else boto3.Session()
    # mfa_serial: botocore asks getpass.getpass, which prefers /dev/tty (a runner started from a
    # terminal would wait there). Read the scenario's stdin instead, as getpass does without a tty.
    resolver = session._session.get_component("credential_provider")
    assume_role = resolver.get_provider("assume-role")
    if assume_role is not None:
        assume_role._prompter = _stdin_prompter
    creds = session.get_credentials()
    if creds is None:
        return {"Error": {"Code": "NoCredentials", "Class": None}}
    # Refreshable credentials (env with expiry, credential_process) load lazily: freeze them.
    frozen = creds.get_frozen_credentials()
    return {
        "AccessKeyId": frozen.access_key,
        "SecretAccessKey": frozen.secret_key,
        "SessionToken": frozen.token,
        "Expiration": _iso(getattr(creds, "_expiry_time", None)),
        "Source": creds.method,
        "AccountId": getattr(frozen, "account_id", None),
    }


def main(argv):
    profile = None
    if len(argv) == 2 and argv[0] == "--profile":
        profile = argv[1]
    elif argv:
        print("usage: botocore-oracle.py [--profile NAME]", file=sys.stderr)
        return 2
    _refuse_non_loopback()
    try:
        out = resolve(profile)
    except BaseException as exc:  # noqa: BLE001 - every failure is an answer to record
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        out = _error(exc)
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
