"""A small Hub-compatible HTTP server for tests.

It speaks the endpoints huggingface_hub 2.4 calls to create a dataset repo, list it and commit to it through
classic LFS (clients must set HF_HUB_DISABLE_XET=1): repos/create, datasets/{id}[/revision/{rev}],
tree, preupload, branch, validate-yaml, agent-harnesses, the LFS batch API, an S3-like PUT + verify, and the ndjson
commit. Everything it receives is kept in memory (`HubState`) so tests can assert what arrived, byte for byte; the
knobs of `HubState` make it fail as a real Hub or a proxy in front of it can (rate limits, outages, silence, echoes).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.hub_state import MAIN, Blob, Commit, HubState, Repo, git_sha1

__all__ = ["MAIN", "Blob", "Commit", "HubServer", "HubState", "Repo", "running_hub"]

_LFS_EXTENSIONS = (".parquet", ".arrow", ".bin")
_LFS_MIN_SIZE = 10 * 1024 * 1024  # the Hub's rule: large files go to LFS whatever their extension


class HubError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


_REPO = r"/api/datasets/(?P<ns>[^/]+)/(?P<name>[^/]+)"
_ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    ("POST", re.compile(r"/api/repos/create"), "create_repo"),
    ("POST", re.compile(r"/api/validate-yaml"), "validate_yaml"),
    ("GET", re.compile(r"/api/agent-harnesses"), "agent_harnesses"),
    ("GET", re.compile(_REPO + r"(?:/revision/(?P<rev>[^/]+))?"), "repo_info"),
    ("GET", re.compile(_REPO + r"/tree/(?P<rev>[^/]+)(?:/(?P<path>.+))?"), "tree"),
    ("POST", re.compile(_REPO + r"/preupload/(?P<rev>[^/]+)"), "preupload"),
    ("POST", re.compile(_REPO + r"/commit/(?P<rev>[^/]+)"), "commit"),
    ("POST", re.compile(_REPO + r"/branch/(?P<rev>[^/]+)"), "branch"),
    ("POST", re.compile(r"/datasets/(?P<ns>[^/]+)/(?P<name>[^/]+)\.git/info/lfs/objects/batch"), "lfs_batch"),
    ("PUT", re.compile(r"/_lfs/(?P<oid>[0-9a-f]{64})"), "lfs_put"),
    ("POST", re.compile(r"/_lfs/(?P<oid>[0-9a-f]{64})/verify"), "lfs_verify"),
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the client expects of the Hub
    disable_nagle_algorithm = True  # headers and body go out in separate writes: without this each costs ~40 ms
    server: HubServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet: pytest shows failures, not access logs
        pass

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    # -- plumbing --------------------------------------------------------------------------------------------------

    @property
    def state(self) -> HubState:
        return self.server.state

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            self.rfile.readline()
            return b"".join(chunks)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _send(
        self, status: int, payload: Any = None, headers: dict[str, str] | None = None, reason: str | None = None
    ) -> None:
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status, reason)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if payload is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _dispatch(self) -> None:
        url = urlsplit(self.path)
        body = self._body()
        with self.state.lock:
            self.state.requests.append((self.command, url.path))
            stalled = self.state.stall > 0
            if stalled:
                self.state.stall -= 1
        if stalled:
            self.state.closing.wait()  # no answer at all, until the server shuts down
            self.close_connection = True
            return
        if self.state.echo_authorization and url.path.startswith("/api/"):
            self._echo_authorization(self.state.echo_authorization)
            return
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        for method, pattern, name in _ROUTES:
            match = pattern.fullmatch(url.path)
            if method == self.command and match:
                args = {key: unquote(value) for key, value in match.groupdict().items() if value is not None}
                try:
                    if self.state.rate_limited and url.path.startswith("/api/"):
                        raise HubError(429, "You have been rate-limited; retry later")
                    with self.state.lock:
                        status, payload, headers = getattr(self, name)(body, query, **args)
                except HubError as err:
                    headers = {"X-Error-Message": err.message}
                    if err.code:
                        headers["X-Error-Code"] = err.code
                    if err.status == 429:
                        headers |= {
                            "Retry-After": "42",
                            "RateLimit": '"api";r=0;t=42',
                            "RateLimit-Policy": '"fixed window";"api";q=500;w=300',
                        }
                    self._send(err.status, {"error": err.message}, headers)
                    return
                self._send(status, payload, headers)
                return
        self._send(404, {"error": f"no route for {self.command} {url.path}"})

    def _echo_authorization(self, status: int) -> None:
        """A misbehaving proxy's answer: the credentials sent come back in the reason phrase, a header and the body."""
        sent = self.headers.get("Authorization", "")
        token = sent.removeprefix("Bearer ")
        filler = "." * self.state.echo_padding
        leak = f"{filler}rejected {sent} (token {token}; also seen: hf_{'Q' * 34}, Bearer another-credential-value)"
        self._send(status, {"error": leak}, {"X-Error-Message": leak}, reason=f"Reason {sent}")

    # -- auth and lookups ------------------------------------------------------------------------------------------

    def _user(self, required: bool) -> str | None:
        header = self.headers.get("Authorization")
        if header is None:
            if required:
                raise HubError(401, "Invalid credentials in Authorization header")
            return None
        user = self.state.tokens.get(header.removeprefix("Bearer ").strip())
        if user is None:
            raise HubError(401, "Invalid credentials in Authorization header")
        return user

    def _repo(self, ns: str, name: str, write: bool = False) -> Repo:
        user = self._user(required=write)
        repo = self.state.repos.get(f"{ns}/{name}")
        if repo is None or (repo.private and not self.state.can_write(user, ns)):
            raise HubError(404, "Repository not found", "RepoNotFound")
        if write and not self.state.can_write(user, ns):
            raise HubError(403, f"You don't have the rights to write to datasets/{ns}/{name}")
        return repo

    @staticmethod
    def _commit_of(repo: Repo, rev: str) -> Commit:
        commit = repo.resolve(rev)
        if commit is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        return commit

    # -- routes ----------------------------------------------------------------------------------------------------

    def create_repo(self, body: bytes, query: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        user = self._user(required=True)
        data = json.loads(body)
        namespace = data.get("organization") or user
        repo_id = f"{namespace}/{data['name']}"
        if namespace not in self.state.namespaces:
            raise HubError(404, f"Namespace {namespace} not found")
        if not self.state.can_write(user, namespace):
            raise HubError(403, f'You don\'t have the rights to create a dataset under the namespace "{namespace}"')
        if data.get("type") != "dataset":
            raise HubError(400, "this test server only hosts datasets")
        url = f"{self.base}/datasets/{repo_id}"
        if repo_id in self.state.repos:
            raise HubError(409, "You already created this dataset repo")
        self.state.create_repo(repo_id, private=data.get("visibility") == "private")
        return 200, {"url": url, "name": repo_id}, {}

    def agent_harnesses(self, body: bytes, query: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        if self.state.agent_harnesses is None:
            raise HubError(404, "Not Found")
        return 200, self.state.agent_harnesses, {}

    def validate_yaml(self, body: bytes, query: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        return 200, {"errors": [], "warnings": []}, {}

    def repo_info(self, body: bytes, query: dict[str, str], ns: str, name: str, rev: str = MAIN):
        repo = self._repo(ns, name)
        commit = self._commit_of(repo, rev)
        siblings = [{"rfilename": path} for path in sorted(commit.files)]
        return 200, {"id": repo.repo_id, "author": ns, "sha": commit.oid, "private": repo.private,
                     "disabled": False, "gated": False, "siblings": siblings, "tags": []}, {}  # fmt: skip

    def tree(self, body: bytes, query: dict[str, str], ns: str, name: str, rev: str, path: str = ""):
        commit = self._commit_of(self._repo(ns, name), rev)
        recursive = query.get("recursive", "false").lower() == "true"
        prefix = f"{path.strip('/')}/" if path else ""
        entries: dict[str, dict[str, Any]] = {}
        for file_path, blob in sorted(commit.files.items()):
            if not file_path.startswith(prefix):
                continue
            parts = file_path[len(prefix) :].split("/")
            for depth in range(1, len(parts)):  # the folders on the way, as the Hub lists them
                folder = prefix + "/".join(parts[:depth])
                if recursive or depth == 1:
                    entries[folder] = {"type": "directory", "path": folder, "oid": git_sha1(folder.encode())}
            if recursive or len(parts) == 1:
                entries[file_path] = blob.entry(file_path)
        if prefix and not entries:
            raise HubError(404, f"{path} does not exist on {rev}", "EntryNotFound")
        return 200, list(entries.values()), {}

    def preupload(self, body: bytes, query: dict[str, str], ns: str, name: str, rev: str):
        commit = self._commit_of(self._repo(ns, name, write=True), rev)
        files = []
        for item in json.loads(body)["files"]:
            lfs = item["path"].endswith(_LFS_EXTENSIONS) or item["size"] >= _LFS_MIN_SIZE
            remote = commit.files.get(item["path"])
            oid = None
            if remote is not None:  # what the client compares to its local oid to drop no-op additions
                oid = hashlib.sha256(remote.content).hexdigest() if remote.lfs else git_sha1(remote.content)
            files.append({"path": item["path"], "uploadMode": "lfs" if lfs else "regular",
                          "shouldIgnore": False, "oid": oid})  # fmt: skip
        return 200, {"files": files}, {}

    def branch(self, body: bytes, query: dict[str, str], ns: str, name: str, rev: str):
        repo = self._repo(ns, name, write=True)
        if rev in repo.refs:
            raise HubError(409, "Reference already exists")
        start = self._commit_of(repo, (json.loads(body or b"{}") or {}).get("startingPoint") or MAIN)
        repo.refs[rev] = start.oid
        return 200, {}, {}

    def lfs_batch(self, body: bytes, query: dict[str, str], ns: str, name: str):
        self._repo(ns, name, write=True)
        objects = []
        for obj in json.loads(body)["objects"]:
            answer: dict[str, Any] = {"oid": obj["oid"], "size": obj["size"], "authenticated": True}
            if obj["oid"] not in self.state.lfs:  # held objects get no actions: the client skips them
                href = f"{self.base}/_lfs/{obj['oid']}"
                answer["actions"] = {"upload": {"href": href}, "verify": {"href": f"{href}/verify"}}
            objects.append(answer)
        return 200, {"transfer": "basic", "objects": objects}, {"Content-Type": "application/vnd.git-lfs+json"}

    def lfs_put(self, body: bytes, query: dict[str, str], oid: str):
        if hashlib.sha256(body).hexdigest() != oid:
            raise HubError(400, "content does not match its sha256")
        self.state.lfs[oid] = body
        self.state.lfs_puts.append(oid)
        return 200, None, {}

    def lfs_verify(self, body: bytes, query: dict[str, str], oid: str):
        if oid not in self.state.lfs or len(self.state.lfs[oid]) != json.loads(body)["size"]:
            raise HubError(404, "object not found")
        return 200, {}, {}

    def commit(self, body: bytes, query: dict[str, str], ns: str, name: str, rev: str):
        repo = self._repo(ns, name, write=True)
        base = self._commit_of(repo, rev)
        lines = [json.loads(line) for line in body.splitlines() if line.strip()]
        header = lines[0]["value"]
        if self.state.fail_commits:
            self.state.fail_commits -= 1
            raise HubError(500, "Internal Error - simulated outage")
        if header.get("parentCommit") not in (None, base.oid):
            raise HubError(412, "A commit has happened since. Please refresh and try again.")
        files = dict(base.files)
        for line in lines[1:]:
            key, value = line["key"], line["value"]
            if key == "file":
                files[value["path"]] = Blob(base64.b64decode(value["content"]), lfs=False)
            elif key == "lfsFile":
                if value["oid"] not in self.state.lfs:
                    raise HubError(422, f"LFS object {value['oid']} was never uploaded")
                files[value["path"]] = Blob(self.state.lfs[value["oid"]], lfs=True)
            elif key == "deletedFile":
                files.pop(value["path"], None)
            elif key == "deletedFolder":
                files = {p: b for p, b in files.items() if not p.startswith(value["path"].rstrip("/") + "/")}
            else:
                raise HubError(400, f"unknown commit operation {key}")
        pr_url = None
        if query.get("create_pr") == "1":
            repo.prs += 1
            ref = f"refs/pr/{repo.prs}"
            repo.refs[ref] = base.oid
            pr_url = f"{self.base}/datasets/{repo.repo_id}/discussions/{repo.prs}"
        else:
            ref = rev
        commit = repo.commit(ref, header["summary"], files)
        url = f"{self.base}/datasets/{repo.repo_id}/commit/{commit.oid}"
        return 200, {"success": True, "commitOid": commit.oid, "commitUrl": url, "pullRequestUrl": pr_url}, {}


class HubServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: HubState) -> None:
        super().__init__(("127.0.0.1", 0), Handler)  # port 0: the OS picks a free one
        self.state = state

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


@contextmanager
def running_hub(state: HubState | None = None) -> Iterator[HubServer]:
    """Serve on 127.0.0.1 in a background thread for the duration of the block."""
    server = HubServer(state or HubState())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.state.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


if __name__ == "__main__":  # manual use: HF_ENDPOINT=<printed url> HF_HUB_DISABLE_XET=1 builder push ...
    with running_hub() as hub:
        print(hub.url, "token: hf_test_alice_token", flush=True)
        threading.Event().wait()
