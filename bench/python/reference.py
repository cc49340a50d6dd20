#!/usr/bin/python3
"""Python reference of the workbench's parse + features stage (issue 9), for Claude Code and Codex.

An independent implementation, written from the definitions (shared/reference/formats.md,
shared/reference/published.md, the FeatureDictionary and the Features javadoc), with the Python
stack researchers use: the standard json module to read transcripts, pandas for the tables.
It does not call the workbench.

  reference.py features --corpus DIR [--out features.csv]
      parse the corpus's Claude Code and Codex sessions (sessions.csv rows whose format is
      claude-code-jsonl or codex-rollout-jsonl), build the conversation rows, compute the per-session
      signals; prints one JSON line {sessions, rows, bytes, seconds, max_rss_kib}.
  reference.py compare --java java.csv --python py.csv
      per column, the sessions whose values differ (floats: relative tolerance 1e-9; NaN equals
      NaN); exit status 1 when any value differs or a session is missing on one side.
  reference.py check --corpus DIR --java java.csv
      features, then compare.

Session files: the corpus's Entire checkpoints are cumulative, so a session is read from its
longest native transcript (full.jsonl plus its continuation chunks full.jsonl.001..., or v2
raw_transcript) over all of its checkpoint folders; early sessions with ids YYYY-MM-DD-<uuid> hold
non-cumulative slices and are read slice by slice (every distinct slice in checkpoint order).

User texts (Claude Code): harness tags, teammate messages, IDE context and CI-monitor reports are
injected, and so is any user text of a sidechain (the parent agent's task); a Conductor
<system_instruction> prefix is cut from a prompt. Shell-session calls (write_stdin, wait, *_bash,
*_powershell, read_thread_terminal) are bash; Codex MCP resource calls are mcp. A Claude sub-agent's
own transcript (agent-<agentId>, its own session) is a local agent-home layout: in Entire
checkpoints the session id is the checkpoint metadata's, so the reference has no such case.

Columns compared: COMPARED below (started_at/ended_at as epoch ms: first/last record timestamp,
else the checkpoints' created_at) and the transcript read. Not compared, because they do not come
from the transcript: user_id, repo_id (sessions.csv mapping, pseudonymised), agent and model (Entire
metadata first), the token columns (Entire metadata token_usage first), agent_percentage and
coding_mode (Entire attribution), imported labels.
"""
import argparse
import json
import math
import os
import re
import resource
import sys
import time
from datetime import datetime, timezone

import numpy as np
import pandas as pd

FORMATS = ("claude-code-jsonl", "codex-rollout-jsonl")
CONTENT_CAP = 10_000  # SWE-chat caps stored content at 10,000 chars (UTF-16 units)

# Java's Character.isWhitespace: Unicode space separators except the no-break ones, plus controls.
JAVA_WS = "".join(chr(c) for c in range(0x110000)
                  if (chr(c).isspace() and c not in (0xA0, 0x2007, 0x202F, 0x85))
                  or c in (0x1C, 0x1D, 0x1E, 0x1F))
_NOT_WS_RUN = re.compile("[^" + re.escape(JAVA_WS) + "]+")
_ODD_SPACE = re.compile("[\u00a0\u2007\u202f\u0085]")


def words(s):
    """Maximal runs of non-whitespace characters (Java's whitespace)."""
    if not s:
        return 0
    if s.isascii() or not _ODD_SPACE.search(s):
        return len(s.split())
    return len(_NOT_WS_RUN.findall(s))


def utf16_len(s):
    if s is None:
        return 0
    if s.isascii():
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def cap(s, n=CONTENT_CAP):
    """The first n UTF-16 code units of s, never splitting a surrogate pair."""
    if s is None or len(s) <= n // 2 or s.isascii():
        return s if s is None or len(s) <= n else s[:n]
    units = 0
    for i, ch in enumerate(s):
        w = 2 if ord(ch) > 0xFFFF else 1
        if units + w > n:
            return s[:i]
        units += w
    return s


def jstrip_lead(s):
    return s.lstrip(JAVA_WS)


def jstrip(s):
    return s.strip(JAVA_WS)


# ---------------------------------------------------------------------------------------------
# timestamps -> epoch milliseconds

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def iso_ms(s, naive_utc=False):
    """Epoch ms of an ISO-8601 instant ('Z' or an offset; without a zone only if naive_utc)."""
    if not isinstance(s, str) or len(s) < 10:
        return None
    t = s.strip()
    if t != s or " " in s:
        return None
    try:
        d = datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s)
    except ValueError:
        return None
    if "T" not in s and "t" not in s:
        return None
    if d.tzinfo is None:
        if not naive_utc:
            return None
        d = d.replace(tzinfo=timezone.utc)
    delta = d - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def any_ms(v):
    """Codex timestamps: ISO text (zone optional, UTC) or epoch ms (s when below 1e11)."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        v = int(v)
        if v <= 0:
            return None
        return v * 1000 if v < 100_000_000_000 else v
    if isinstance(v, str):
        return iso_ms(v, naive_utc=True)
    return None


# ---------------------------------------------------------------------------------------------
# SWE-chat tool taxonomy (shared/reference/published.md) and the agent-specific names

CATEGORIES = ["read", "grep", "glob", "bash:file", "bash:build", "bash:net", "bash", "git/gh",
              "write", "edit", "web", "agent", "mcp", "TodoWrite", "ToolSearch", "AskUserQuestion",
              "Skill", "EnterPlanMode", "ExitPlanMode", "other"]
SHELL_TOOLS = {"bash", "run_shell_command", "exec_command", "exec", "shell_command", "powershell",
               "execute", "shell", "local_shell", "execute_bash"}
FILE_WORDS = set(("cd ls bd cat mkdir rm mv cp find touch chmod chown head tail pwd echo wc ln stat"
                  " du df tree less more sort uniq cut tee realpath basename dirname file rmdir open"
                  " xargs lsof").split())
BUILD_WORDS = set(("go cargo python python3 uv mise bun npm npx pnpm yarn xcodebuild swift make rake"
                   " gradle mvn node deno tsx poetry pip pip3 pipenv rustup composer dart flutter"
                   " dotnet clang clang++ gcc g++ cmake ninja bazel just turbo nx expo bundle pod"
                   " fastlane sbt ant").split())
NET_WORDS = set("curl wget ssh scp rsync ftp sftp nc netcat telnet ping nmap dig nslookup".split())
BY_NAME = {
    "task": "agent", "taskcreate": "agent", "taskget": "agent", "taskupdate": "agent",
    "taskoutput": "agent", "taskstop": "agent", "sendmessage": "agent", "tasklist": "agent",
    "agent": "agent", "read_file": "read", "write_file": "write", "multiedit": "edit",
    "apply_patch": "edit", "applypatch": "edit", "replace": "edit", "webfetch": "web",
    "websearch": "web", "todowrite": "TodoWrite", "toolsearch": "ToolSearch",
    "askuserquestion": "AskUserQuestion", "skill": "Skill", "enterplanmode": "EnterPlanMode",
    "exitplanmode": "ExitPlanMode",
    "read": "read", "view": "read", "read_many_files": "read", "notebookread": "read",
    "list_directory": "glob", "ls": "glob", "list": "glob", "glob": "glob", "grep": "grep",
    "grep_search": "grep", "search_file_content": "grep", "codesearch": "grep", "write": "write",
    "create": "write", "edit": "edit", "str_replace": "edit", "notebookedit": "edit",
    "patch": "edit", "web_fetch": "web", "google_web_search": "web", "web_search": "web",
    "web_search_call": "web", "fetch": "web", "spawn_agent": "agent", "wait_agent": "agent",
    "subagent": "agent", "todoread": "TodoWrite", "update_plan": "TodoWrite",
    "write_todos": "TodoWrite", "tool_search_call": "ToolSearch", "question": "AskUserQuestion",
    "ask_user": "AskUserQuestion",
    "str_replace_editor": "edit", "strreplace": "edit", "view_image": "read", "fs_read": "read",
    "file_read": "read", "fs_write": "write", "file_write": "write", "create_file": "write",
    "rg": "grep", "fetchurl": "web", "close_agent": "agent", "send_input": "agent",
    "list_agents": "agent", "read_agent": "agent", "followup_task": "agent",
    "send_message": "agent", "request_user_input": "AskUserQuestion",
    # calls on a shell session already running (input, waiting, reading, stopping; no new command
    # line): bash. Codex write_stdin / wait, Copilot *_bash / *_powershell, Codex app terminal reader
    "write_stdin": "bash", "wait": "bash", "read_bash": "bash", "write_bash": "bash",
    "stop_bash": "bash", "read_powershell": "bash", "write_powershell": "bash",
    "stop_powershell": "bash", "read_thread_terminal": "bash",
    # Codex MCP resource listing / reading
    "list_mcp_resources": "mcp", "list_mcp_resource_templates": "mcp", "read_mcp_resource": "mcp",
}
for _c in CATEGORIES:
    BY_NAME.setdefault(_c.lower(), _c)
_PY3X = re.compile(r"python3\.\d+")


def first_word(command):
    if command is None:
        return None
    for line in command.split("\n"):
        s = jstrip(line)
        if not s or s.startswith("#"):
            continue
        end = 0
        while end < len(s) and s[end] not in JAVA_WS:
            end += 1
        w = s[:end].lower()
        if _PY3X.fullmatch(w):
            w = "python"
        return w
    return None


def shell_category(command):
    w = first_word(command)
    if w is None:
        return "bash"
    if w in ("git", "gh"):
        return "git/gh"
    if w in ("grep", "rg"):
        return "grep"
    if w in FILE_WORDS:
        return "bash:file"
    if w in BUILD_WORDS:
        return "bash:build"
    if w in NET_WORDS:
        return "bash:net"
    return "bash"


def tool_category(name, command):
    if name is None or not jstrip(name):
        return "other"
    n = jstrip(name).lower()
    if n in SHELL_TOOLS:
        return shell_category(command)
    if n.startswith("mcp_"):
        return "mcp"
    return BY_NAME.get(n, "other")


def is_shell_category(c):
    return c.startswith("bash") or c == "git/gh"


def column_safe(cat):
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", cat)
    s = re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_")
    return s.lower()


# ---------------------------------------------------------------------------------------------
# shell-command signals (Bigspin: tests run, diff reviewed, PRs) and the pushback lexicon

_S = r"[ \t\n\x0b\f\r]"  # Java regex \s
_BEFORE = r"(?<![a-z0-9_.\-])"
_AFTER = r"(?![a-z0-9_.\-])"
TEST_RUNNERS = ["pytest", "npm test", "npm run test", "yarn test", "cargo test", "go test",
                "make test", "mvn test", "mvn verify", "gradle test", "./gradlew test", "jest",
                "vitest", "mocha", "rspec", "phpunit", "composer test", "rake test", "rake spec",
                "tox", "nosetests", "deno test", "bun test"]
_TEST = re.compile(_BEFORE + "(?:" + "|".join(_S.join(re.escape(w) for w in r.split(" "))
                                              for r in TEST_RUNNERS) + ")" + _AFTER)
_NS = r"[^ \t\n\x0b\f\r]"
_GIT = _BEFORE + r"git(?:" + _S + r"+(?:-C" + _S + "+" + _NS + "+|-c" + _S + "+" + _NS + \
    r"+|--[a-z\-]+(?:=" + _NS + "+)?))*" + _S + "+"
_DIFF = re.compile(_GIT + r"(?:(?:diff|status|show)" + _AFTER + r"|log(?:[ \t]+[^ \t\n\x0b\f\r;&|]+)*?[ \t]+(?:-p|--patch)" + _AFTER + ")")
_PR_CREATE = re.compile(_BEFORE + "gh" + _S + "+pr" + _S + "+create" + _AFTER)
_PR_URL = re.compile(r"https?://[^ \t\n\x0b\f\r\"'<>]+/pull/[0-9]+")


def is_test_run(cmd):
    return cmd is not None and _TEST.search(cmd.lower()) is not None


def is_diff_review(cmd):
    return cmd is not None and _DIFF.search(cmd.lower()) is not None


def is_pr_create(cmd):
    return cmd is not None and _PR_CREATE.search(cmd.lower()) is not None


def pr_url(text):
    if text is None:
        return None
    m = _PR_URL.search(text)
    return m.group() if m else None


_A = "['\u2019]"
PUSHBACK = [re.compile(p) for p in [
    r"\b(undo|revert|roll ?back|put it back)\b",
    r"\b(wrong|incorrect|not (correct|right)|is off)\b",
    r"\b(broken|broke)\b",
    r"\b((doesn|didn|isn|aren|won)" + _A + r"?t|does not|did not|is not|are not|will not) "
    r"(work|working|fix|fixed|show|load|run|compile|build)\b",
    r"\bstill (not|no|fail|failing|fails|broken|doesn|don|isn|seeing|getting|the same|happening"
    r"|shows?|there|has|have|get|see)\b",
    r"\b(i said|i told you|i asked (you )?(to|for)|as i said"
    r"|i already (said|told|asked|mentioned|did|removed|fixed|changed))\b",
    r"\b(you (missed|forgot|ignored|skipped|removed|deleted|broke|didn" + _A + r"?t|did not|haven"
    + _A + r"?t|have not|shouldn" + _A + r"?t|should not|were supposed to))\b",
    r"\b(never ?mind|forget (it|that|about))\b",
    r"^" + _S + r"*(no|nope|stop|wait)\b[ ,.!]|(^|[.!?]" + _S + r"+)(please" + _S + r"+)?(don" + _A
    + r"?t|do not) (do|change|touch|add|use|remove|delete|modify)\b",
    r"\bwhy (did|would|are|is) (you|it|this|that)\b",
    r"(traceback \(most recent call last\)|(error|exception)" + _S + r"*:|\bfailed\b|\b(is|are|was"
    r"|were|keeps|still|now|all) (failing|failed|fails)\b|\bnot found\b|\bcrash(es|ed)?\b"
    r"|\bundefined is not|\bcannot (find|read|resolve)\b|\bexit code [1-9])",
]]


def is_pushback(prompt):
    if prompt is None or not jstrip(prompt):
        return False
    t = prompt.lower()
    return any(p.search(t) for p in PUSHBACK)


# ---------------------------------------------------------------------------------------------
# conversation rows

ROW_FIELDS = ("role", "turn_type", "content", "chars", "words", "ts", "message_id", "tool_name",
              "tool_call_id", "command", "file_path", "tool_category", "is_error", "is_interrupt",
              "is_sidechain", "event")


class Rows:
    """Conversation rows of one transcript, column-wise, plus the transcript's time span."""

    def __init__(self):
        self.cols = {f: [] for f in ROW_FIELDS}
        self.first = None
        self.last = None

    def seen(self, ms):
        if ms is None:
            return
        if self.first is None or ms < self.first:
            self.first = ms
        if self.last is None or ms > self.last:
            self.last = ms

    def add(self, role, turn_type, ts, content=None, message_id=None, tool_name=None,
            tool_call_id=None, command=None, file_path=None, is_error=False,
            is_interrupt=False, is_sidechain=False, event=None):
        c = self.cols
        c["role"].append(role)
        c["turn_type"].append(turn_type)
        c["chars"].append(utf16_len(content))
        c["words"].append(words(content))
        c["content"].append(cap(content))
        c["ts"].append(ts)
        c["message_id"].append(message_id or "")
        c["tool_name"].append(tool_name or "")
        c["tool_call_id"].append(tool_call_id or "")
        c["command"].append(command or "")
        c["file_path"].append(file_path or "")
        c["tool_category"].append(tool_category(tool_name, command) if role == "tool_use" else "")
        c["is_error"].append(bool(is_error))
        c["is_interrupt"].append(bool(is_interrupt))
        c["is_sidechain"].append(bool(is_sidechain))
        c["event"].append(event or "")


_DEC = json.JSONDecoder()


def json_records(data):
    """(line number, object) of every JSON object of a JSONL byte string; bad lines are skipped."""
    for no, raw in enumerate(data.split(b"\n"), 1):
        line = raw[:-1] if raw.endswith(b"\r") else raw
        if not line.strip(b" \t\r"):
            continue
        try:
            s = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        i, n = 0, len(s)
        while True:
            while i < n and s[i] in " \t\r\n":
                i += 1
            if i >= n:
                break
            try:
                obj, i = _DEC.raw_decode(s, i)
            except ValueError:
                break
            if not isinstance(obj, dict):
                break
            yield no, obj


def _str(d, k):
    v = d.get(k) if isinstance(d, dict) else None
    return v if isinstance(v, str) else None


# ---- Claude Code ----------------------------------------------------------------------------

_TAGS = ("<command-name>", "<command-message>", "<command-args>", "<local-command-stdout>",
         "<local-command-stderr>", "<local-command-caveat>", "<system-reminder>",
         "<task-notification>", "<user-prompt-submit-hook>", "<bash-input>", "<bash-stdout>",
         "<bash-stderr>",
         # grouping the corpus's user texts by leading tag: messages from another agent of an agent
         # team, IDE context sent beside the typed prompt, a CI watcher's report
         "<teammate-message", "<ide_opened_file>", "<ide_selection>", "<ci-monitor-event>")
# a Conductor app's instruction block before the typed prompt
_INSTR_OPEN, _INSTR_CLOSE = "<system_instruction>", "</system_instruction>"
_IMAGE_ONLY = re.compile(r"(\[Image #\d+\]\s*)+")
CLAUDE_TYPES = {"user", "assistant", "queue-operation", "pr-link", "progress",
                "file-history-snapshot", "file-history-delta", "summary", "system", "attachment",
                "last-prompt", "mode", "custom-title", "permission-mode", "ai-title", "agent-name",
                "frame-link", "tag", "worktree-state", "content-replacement", "bridge-session"}


def claude_user_kind(text):
    """prompt | injected | interrupt | compaction (formats.md, Claude Code user records)."""
    if text is None:
        return "injected"
    s = jstrip_lead(text)
    if not s:
        return "injected"
    if s.startswith("[Request interrupted by user"):
        return "interrupt"
    if s.startswith("This session is being continued from a previous conversation"):
        return "compaction"
    if s.startswith("[Image: "):
        return "injected"
    if s.startswith("[Image #") and _IMAGE_ONLY.fullmatch(jstrip(s)):
        return "injected"
    if s.startswith("<") and s.startswith(_TAGS):
        return "injected"
    if s.startswith(_INSTR_OPEN):
        end = s.find(_INSTR_CLOSE)
        if end < 0 or not jstrip(s[end + len(_INSTR_CLOSE):]):
            return "injected"  # the instruction alone, nothing typed
    return "prompt"


def prompt_text(text):
    """What the person typed: the text after a leading <system_instruction>...</system_instruction>
    block, whitespace-stripped; otherwise the text unchanged."""
    s = jstrip_lead(text)
    if not s.startswith(_INSTR_OPEN):
        return text
    end = s.find(_INSTR_CLOSE)
    return text if end < 0 else jstrip(s[end + len(_INSTR_CLOSE):])


def claude_block_text(c):
    if c is None:
        return None
    if isinstance(c, str):
        return c
    if isinstance(c, list):
        parts = []
        for b in c:
            t = _str(b, "text")
            if t is None:
                bt = _str(b, "type")
                if bt is not None and bt != "text":
                    t = "[" + bt + "]"
            if t is not None:
                parts.append(t)
        return "\n".join(parts)
    return json.dumps(c)


def parse_claude(data):
    rows = Rows()
    for _no, r in json_records(data):
        typ = r.get("type")
        if not isinstance(typ, str):
            continue
        ts_text = _str(r, "timestamp")
        ts = iso_ms(ts_text)
        side = r.get("isSidechain") is True
        if typ in CLAUDE_TYPES:
            rows.seen(ts)
        else:
            rows.seen(ts)
            continue
        msg = r.get("message") if isinstance(r.get("message"), dict) else None
        if typ == "user":
            c = msg.get("content") if msg else None
            if c is None:
                continue
            if isinstance(c, str):
                claude_user_text(rows, c, ts, side, r.get("isMeta") is True)
            elif isinstance(c, list):
                tur = r.get("toolUseResult")
                interrupted = isinstance(tur, dict) and tur.get("interrupted") is True
                for b in c:
                    bt = _str(b, "type")
                    if bt == "text":
                        claude_user_text(rows, _str(b, "text"), ts, side, r.get("isMeta") is True)
                    elif bt == "tool_result":
                        content = claude_block_text(b.get("content"))
                        err = b.get("is_error")
                        err = err is True or err == "true" or (
                            isinstance(err, (int, float)) and not isinstance(err, bool) and err != 0)
                        intr = interrupted or (content is not None
                                               and content.startswith("[Request interrupted by user"))
                        rows.add("tool_result", "tool_result", ts, content=content,
                                 tool_call_id=_str(b, "tool_use_id"), is_error=err,
                                 is_interrupt=intr, is_sidechain=side)
                    elif bt in ("image", "document"):
                        rows.add("user", "system_injected", ts, content="[" + bt + "]",
                                 is_sidechain=side)
        elif typ == "assistant":
            if msg is None:
                continue
            mid = _str(msg, "id")
            c = msg.get("content")
            if isinstance(c, str):
                rows.add("assistant", "assistant_response", ts, content=c, message_id=mid,
                         is_sidechain=side)
                continue
            if not isinstance(c, list):
                continue
            emitted = 0
            for b in c:
                bt = _str(b, "type")
                if bt == "text":
                    rows.add("assistant", "assistant_response", ts, content=_str(b, "text"),
                             message_id=mid, is_sidechain=side)
                elif bt in ("thinking", "redacted_thinking"):
                    rows.add("assistant", "assistant_thinking", ts, content=_str(b, "thinking"),
                             message_id=mid, is_sidechain=side)
                elif bt in ("tool_use", "server_tool_use"):
                    inp = b.get("input")
                    fp = cmd = None
                    if isinstance(inp, dict):
                        for k in ("file_path", "path", "notebook_path"):
                            if _str(inp, k) is not None:
                                fp = _str(inp, k)
                                break
                        cmd = _str(inp, "command")
                    rows.add("tool_use", "tool_use", ts, message_id=mid, tool_name=_str(b, "name"),
                             tool_call_id=_str(b, "id"), command=cmd, file_path=fp,
                             is_sidechain=side)
                else:
                    continue
                emitted += 1
            if emitted == 0 and isinstance(msg.get("usage"), dict):
                rows.add("metadata", "system_event", ts, message_id=mid, is_sidechain=side)
        elif typ == "queue-operation":
            rows.add("user", "queue_operation", ts, content=_str(r, "content"), is_sidechain=side,
                     event="queue_operation")
        elif typ == "pr-link":
            rows.add("metadata", "system_event", ts, content=_str(r, "prUrl"), is_sidechain=side,
                     event="pr_link")
        elif typ == "summary":
            rows.add("metadata", "summary", ts, content=_str(r, "summary"), is_sidechain=side)
        elif typ == "system":
            sub = _str(r, "subtype")
            rows.add("metadata", "system_event", ts, content=_str(r, "content"), is_sidechain=side,
                     event="compaction" if sub in ("compact_boundary", "microcompact_boundary")
                     else None)
        else:
            tt = {"progress": "progress", "file-history-snapshot": "file_snapshot",
                  "file-history-delta": "file_snapshot"}.get(typ, "system_event")
            rows.add("metadata", tt, ts, is_sidechain=side)
    return rows


def claude_user_text(rows, text, ts, side, is_meta):
    kind = "injected" if is_meta else claude_user_kind(text)
    if kind == "prompt" and side:
        kind = "injected"  # a sub-agent's user channel carries its parent's task, not a person's
    if kind == "prompt":
        rows.add("user", "user_prompt", ts, content=prompt_text(text), is_sidechain=side)
    else:
        rows.add("user", "system_injected", ts, content=text, is_sidechain=side,
                 is_interrupt=kind == "interrupt",
                 event="compaction" if kind == "compaction" else None)


# ---- Codex rollouts -------------------------------------------------------------------------

_EARLY_ITEMS = {"message", "function_call", "function_call_output", "reasoning",
                "local_shell_call", "custom_tool_call", "custom_tool_call_output",
                "web_search_call"}
_IGNORED_TOP = {"compacted", "world_state", "inter_agent_communication_metadata"}
_REQUEST = "## My request for Codex:"
_PATCH_PREFIXES = ("*** Update File: ", "*** Add File: ", "*** Delete File: ", "+++ b/")
_SHELLS = {"bash", "sh", "zsh", "fish", "dash", "pwsh", "powershell"}
_QUOTE = set(" '\"$`\\;&|<>()*?")


def content_text(c):
    if c is None:
        return None
    if isinstance(c, str):
        return c
    if isinstance(c, list):
        parts = []
        for b in c:
            t = b if isinstance(b, str) else _str(b, "text")
            if t is None:
                t = _str(b, "content")
            if t is not None:
                parts.append(t)
        return "\n".join(parts) if parts else None
    if isinstance(c, dict):
        for k in ("text", "content", "output"):
            if _str(c, k) is not None:
                return _str(c, k)
        return None
    if isinstance(c, bool):
        return "true" if c else "false"
    return str(c)


def patch_path(p):
    if p is None:
        return None
    for line in p.split("\n"):
        for pre in _PATCH_PREFIXES:
            if line.startswith(pre):
                v = jstrip(line[len(pre):])
                return v or None
    return None


def argv_command(argv):
    if not argv:
        return None
    a = [x if isinstance(x, str) else json.dumps(x) for x in argv]
    if len(a) >= 3 and a[0].rsplit("/", 1)[-1] in _SHELLS and a[1].startswith("-") and a[1].endswith("c"):
        return a[2]
    out = []
    for w in a:
        if not w or any(ch in _QUOTE or ch in JAVA_WS for ch in w):
            out.append("'" + w.replace("'", "'\\''") + "'")
        else:
            out.append(w)
    return " ".join(out)


def tool_inputs(inp, fp=None, cmd=None):
    """file_path and command of a tool call's input object, whatever the agent calls them."""
    if not isinstance(inp, dict):
        return fp, cmd
    if fp is None:
        for k in ("file_path", "filePath", "path", "notebook_path", "absolute_path", "target_file",
                  "file"):
            v = _str(inp, k)
            if v is not None and jstrip(v):
                fp = v
                break
    if cmd is None:
        for k in ("command", "cmd"):
            v = inp.get(k)
            if v is None:
                continue
            if isinstance(v, str):
                cmd = v
            elif isinstance(v, list):
                cmd = argv_command(v)
            if cmd is not None:
                break
    return fp, cmd


def codex_request(text):
    if not jstrip_lead(text).startswith("#"):
        return text
    i = text.rfind(_REQUEST)
    if i < 0:
        return text
    return jstrip(text[i + len(_REQUEST):])


def codex_injected(text):
    s = jstrip_lead(text)
    if s.startswith("# AGENTS.md"):
        return True
    if s.startswith("<") and len(s) > 1 and s[1].isalpha():
        return not s.startswith("<image")
    return False


def _code_after(h, key):
    i = h.find(key)
    if i < 0:
        return None
    j = i + len(key)
    while j < len(h) and h[j] == " ":
        j += 1
    k = j
    if k < len(h) and h[k] == "-":
        k += 1
    while k < len(h) and h[k].isdigit() and h[k].isascii():
        k += 1
    if k == j:
        return None
    try:
        return int(h[j:k])
    except ValueError:
        return None


def codex_error(s):
    if s is None:
        return False
    h = s[:400]
    if h.startswith("apply_patch verification failed") or h.startswith("Script failed"):
        return True
    for key in ("Exit code: ", "Process exited with code ", '"exit_code":'):
        code = _code_after(h, key)
        if code is not None:
            return code != 0
    return False


class CodexState:
    def __init__(self):
        self.rows = Rows()
        self.side = False
        self.sid = None
        self.responses = 0
        self.in_response = False
        self.pending = None
        self.pending_ts = None
        self.first_line = 0

    def add(self, *a, **k):
        k["is_sidechain"] = self.side
        self.rows.seen(a[2])
        self.rows.add(*a, **k)

    def response_id(self):
        if not self.in_response:
            self.responses += 1
            self.in_response = True
        return "response-%d" % self.responses

    def prompt(self, text, ts):
        self.add("user", "user_prompt", ts, content=text)

    def injected(self, text, ts):
        self.add("user", "system_injected", ts, content=text)

    def flush(self):
        if self.pending is not None:
            s, self.pending = self.pending, None
            if self.side:
                self.injected(s, self.pending_ts)
            else:
                self.prompt(codex_request(s), self.pending_ts)

    def record(self, rec, line):
        typ = _str(rec, "type")
        if self.first_line == 0:
            self.first_line = line
        if typ is None:
            if line == self.first_line and "id" in rec and "timestamp" in rec:
                self.meta(rec, None)
            return
        if "payload" not in rec and "item" not in rec and typ in _EARLY_ITEMS:
            self.item(rec, any_ms(rec.get("timestamp")))
            return
        ts = any_ms(rec.get("timestamp"))
        p = rec.get("payload")
        if not isinstance(p, dict):
            p = rec.get("item") if isinstance(rec.get("item"), dict) else None
        if typ == "session_meta":
            self.meta(p, ts)
        elif typ == "turn_context":
            self.rows.seen(ts)
        elif typ == "response_item":
            if p is not None:
                self.item(p, ts)
        elif typ == "event_msg":
            if p is not None:
                self.event(p, ts)
        elif typ in _IGNORED_TOP:
            self.rows.seen(ts)

    def meta(self, p, ts):
        self.rows.seen(ts)
        if p is None:
            return
        if self.sid is None:
            src = p.get("source")
            if ((isinstance(src, dict) and "subagent" in src) or _str(p, "thread_source") == "subagent"
                    or p.get("parent_thread_id") is not None):
                self.side = True
            v = _str(p, "id")
            if v is not None and jstrip(v):
                self.sid = v
        self.rows.seen(any_ms(p.get("timestamp")))

    def item(self, p, ts):
        pt = _str(p, "type")
        if pt is None:
            return
        if pt == "message":
            role = _str(p, "role")
            if role != "assistant":
                self.in_response = False
            text = content_text(p.get("content"))
            if role == "assistant":
                self.flush()
                self.add("assistant", "assistant_response", ts, content=text,
                         message_id=self.response_id())
            elif role == "user":
                text = text or ""
                if codex_injected(text):
                    self.injected(text, ts)
                else:
                    self.flush()
                    self.pending, self.pending_ts = text, ts
            else:
                self.injected(text, ts)
        elif pt == "reasoning":
            self.flush()
            s = content_text(p.get("summary"))
            if not s:
                s = content_text(p.get("content"))
            self.add("assistant", "assistant_thinking", ts, content=s, message_id=self.response_id())
        elif pt == "function_call":
            self.flush()
            name = _str(p, "name")
            ns = _str(p, "namespace")
            if ns is not None and ns.startswith("mcp__") and name is not None:
                name = ns + (name if name.startswith("_") else "__" + name)
            args = p.get("arguments")
            parsed = None
            if isinstance(args, str):
                st = jstrip_lead(args)
                if st[:1] in ("{", "["):
                    try:
                        parsed = json.loads(args)
                    except ValueError:
                        parsed = None
            elif args is not None:
                parsed = args
            elif p.get("input") is not None:
                parsed = p.get("input")
            fp, cmd = tool_inputs(parsed)
            if name == "apply_patch" and fp is None and isinstance(parsed, dict):
                fp = patch_path(_str(parsed, "input"))
            self.add("tool_use", "tool_use", ts, tool_name=name, tool_call_id=_str(p, "call_id"),
                     file_path=fp, command=cmd, message_id=self.response_id())
        elif pt == "custom_tool_call":
            self.flush()
            name = _str(p, "name")
            inp = p.get("input")
            fp = cmd = None
            if isinstance(inp, str):
                if name == "apply_patch":
                    fp = patch_path(inp)
                else:
                    cmd = inp
            else:
                fp, cmd = tool_inputs(inp)
            self.add("tool_use", "tool_use", ts, tool_name=name, tool_call_id=_str(p, "call_id"),
                     file_path=fp, command=cmd, message_id=self.response_id())
        elif pt == "local_shell_call":
            self.flush()
            mid = self.response_id()
            action = p.get("action") if isinstance(p.get("action"), dict) else None
            fp, cmd = tool_inputs(action)
            if fp is not None and cmd is not None:
                fp = None
            self.add("tool_use", "tool_use", ts, tool_name="local_shell",
                     tool_call_id=_str(p, "call_id"), file_path=fp, command=cmd, message_id=mid)
        elif pt == "web_search_call":
            self.flush()
            mid = self.response_id()
            action = p.get("action") if isinstance(p.get("action"), dict) else None
            content = None
            if action is not None:
                content = _str(action, "query")
                if content is None:
                    content = _str(action, "url")
            self.add("tool_use", "tool_use", ts, tool_name="web_search_call",
                     tool_call_id=_str(p, "id"), content=content, message_id=mid)
        elif pt == "tool_search_call":
            self.flush()
            self.add("tool_use", "tool_use", ts, tool_name="tool_search_call",
                     tool_call_id=_str(p, "call_id"), message_id=self.response_id())
        elif pt in ("function_call_output", "custom_tool_call_output", "tool_search_output"):
            self.in_response = False
            o = p.get("output")
            if o is None:
                text = None
            elif isinstance(o, str):
                text = o
            else:
                text = content_text(o)
                if text is None:
                    text = json.dumps(o, ensure_ascii=False, separators=(",", ":"))
            if text is None and pt == "tool_search_output":
                text = _str(p, "status")
            self.add("tool_result", "tool_result", ts, content=text,
                     tool_call_id=_str(p, "call_id"), is_error=codex_error(text))
        elif pt == "agent_message":
            self.injected(content_text(p.get("content")), ts)
        else:
            self.rows.seen(ts)

    def event(self, p, ts):
        et = _str(p, "type")
        if et is None:
            return
        if et not in ("agent_message", "agent_reasoning"):
            self.in_response = False
        if et == "user_message":
            self.pending = None
            text = _str(p, "message") or ""
            if self.side or jstrip_lead(text).startswith("<codex_delegation>"):
                self.injected(text, ts)
            else:
                self.prompt(codex_request(text), ts)
        elif et == "turn_aborted":
            self.flush()
            reason = _str(p, "reason")
            self.add("metadata", "system_event", ts, content=reason or "turn_aborted",
                     event="turn_aborted", is_interrupt=True)
        elif et == "context_compacted":
            self.add("metadata", "system_event", ts, event="compaction")
        elif et == "error":
            self.add("metadata", "system_event", ts, content=_str(p, "message"), is_error=True)
        else:
            self.rows.seen(ts)


def parse_codex(data):
    st = CodexState()
    for no, rec in json_records(data):
        st.record(rec, no)
    st.flush()
    return st.rows


# ---------------------------------------------------------------------------------------------
# which transcript files a session is read from (Entire checkpoint layout)

_CHUNK = re.compile(r"^(full\.jsonl|raw_transcript)(\.\d+)?(\.gz|\.xz)?$")
_SLICED = re.compile(r"^\d{4}-\d{2}-\d{2}-.+")
_SESSION_FILES = {"prompt.txt", "context.md", "content_hash.txt", "raw_transcript_hash.txt",
                  "transcript_hash.txt", "summary.txt", "transcript_valid.jsonl"}


def _shadow_dir(d):
    i = d.rfind(".entire/metadata/")
    return i >= 0 and (i == 0 or d[i - 1] == "/") and "/" not in d[i + len(".entire/metadata/"):]


def session_files(repo_dir):
    """{session_id: ([[chunk paths of one transcript], ...], [checkpoint created_at ms, ...])} of
    one repository folder."""
    folders = {}  # relative dir -> dict(meta=(sid, created_ms), chunks={idx: path})
    for dirpath, _dirs, files in os.walk(repo_dir):
        rel = os.path.relpath(dirpath, repo_dir)
        rel = "" if rel == "." else rel
        for name in files:
            if name == "checkpoint.json" and "/tasks/" in "/" + rel:
                continue
            full = os.path.join(dirpath, name)
            if name == "metadata.json":
                try:
                    with open(full, "rb") as fh:
                        n = json.loads(fh.read())
                except ValueError:
                    continue
                sid = _str(n, "session_id")
                if sid is None or not jstrip(sid):
                    continue
                f = folders.setdefault(rel, {"meta": None, "chunks": {}})
                f["meta"] = (sid, iso_ms(_str(n, "created_at")))
            elif _CHUNK.match(name):
                plain = re.sub(r"\.(gz|xz)$", "", name)
                suffix = plain.rsplit(".", 1)[-1]
                idx = int(suffix) if suffix.isdigit() and plain != "full.jsonl" else 0
                folders.setdefault(rel, {"meta": None, "chunks": {}})["chunks"][idx] = full
            elif name in _SESSION_FILES or _shadow_dir(rel):
                folders.setdefault(rel, {"meta": None, "chunks": {}})
    key3 = lambda d: "/".join(d.split("/")[-3:])
    by_key3 = {}
    for d, f in folders.items():
        if f["meta"] is not None:
            by_key3.setdefault(key3(d), f["meta"][0])
    sessions, created_by_sid = {}, {}
    for d, f in folders.items():
        sid = f["meta"][0] if f["meta"] else None
        if sid is None and _shadow_dir(d):
            sid = d.rsplit("/", 1)[-1]
        if sid is None:
            sid = by_key3.get(key3(d))
        if sid is not None and f["meta"] is not None and f["meta"][1] is not None:
            created_by_sid.setdefault(sid, []).append(f["meta"][1])
        if sid is None or 0 not in f["chunks"]:
            continue
        chunks = [f["chunks"][k] for k in sorted(f["chunks"])]
        created = f["meta"][1] if f["meta"] and f["meta"][1] is not None else float("inf")
        sessions.setdefault(sid, []).append((chunks, created, os.path.relpath(chunks[0], repo_dir)))
    out = {}
    for sid, natives in sessions.items():
        size = lambda ch: sum(os.path.getsize(p) for p in ch)
        if _SLICED.match(sid) and len(natives) > 1:
            seen, keep = set(), []
            for chunks, _c, _p in sorted(natives, key=lambda x: (x[1], x[2])):
                s = size(chunks)
                if s not in seen:
                    seen.add(s)
                    keep.append(chunks)
            out[sid] = (keep, created_by_sid.get(sid, []))
        else:
            out[sid] = ([max(natives, key=lambda x: size(x[0]))[0]], created_by_sid.get(sid, []))
    for sid, created in created_by_sid.items():
        out.setdefault(sid, ([], created))
    return out


def read_chunks(chunks):
    """The transcript's bytes: its chunks concatenated (they are split on line boundaries)."""
    parts = []
    for p in chunks:
        with open(p, "rb") as fh:
            parts.append(fh.read())
    return b"".join(parts)


# ---------------------------------------------------------------------------------------------
# features

LONG_PAUSE_S = 300.0
PAUSE_CAP_S = 86_400.0
COURSE_CORRECTION_MAX_CHARS = 60
EDIT = {"edit", "write"}
RESEARCH = {"read", "grep", "glob", "web"}

COMPARED = (["started_at_ms", "ended_at_ms", "duration_s", "n_tool_calls", "n_tool_errors",
             "total_user_chars", "is_subagent",
             "iteration_count", "tool_call_density", "edit_iteration_count",
             "research_iteration_count", "tool_diversity", "edit_focus", "course_correction_count",
             "late_pause_count", "median_pause_seconds", "prompt_length_ratio", "task_size",
             "tests_attempted", "tests_run_count", "diff_reviewed", "has_pr", "pr_count"]
            + ["tool_%s_count" % column_safe(c) for c in CATEGORIES]
            + ["tool_%s_share" % column_safe(c) for c in CATEGORIES]
            + ["shell_share", "interrupt_count", "interrupt_rate", "pushback_rate",
               "actions_per_prompt", "model_calls_per_prompt", "words_per_prompt"])


def div(a, b):
    return a / b if b != 0 else math.nan


def task_size(p):
    return "small" if p <= 3 else "medium" if p <= 15 else "large" if p <= 50 else "very_large"


def session_features(conv):
    """One feature row (dict) from one session's conversation rows (a pandas DataFrame)."""
    side = conv["is_sidechain"].to_numpy()
    subagent = 0
    if side.all() and len(conv) > 0:
        subagent = 1
    else:
        conv = conv[~side]
    role = conv["role"].to_numpy()
    tt = conv["turn_type"].to_numpy()
    intr = conv["is_interrupt"].to_numpy()
    is_prompt = (tt == "user_prompt") & ~intr
    # segment number of each row: 0 before the first prompt, k inside the k-th segment
    seg = np.cumsum(is_prompt)
    prompts = int(is_prompt.sum())
    is_tool = tt == "tool_use"
    is_result = tt == "tool_result"
    assistant = (~is_prompt) & (~is_result) & (is_tool | (role == "assistant")
                                                | (tt == "assistant_response")
                                                | (tt == "assistant_thinking"))
    cats = conv["tool_category"].to_numpy()
    names = conv["tool_name"].to_numpy()
    cmds = conv["command"].to_numpy()
    files = conv["file_path"].to_numpy()
    ts = conv["ts"].to_numpy()
    content = conv["content"].to_numpy()
    chars = conv["chars"].to_numpy()
    call_ids = conv["tool_call_id"].to_numpy()
    mids = conv["message_id"].to_numpy()
    events = conv["event"].to_numpy()
    r = {}
    tool_idx = np.flatnonzero(is_tool)
    n_tools = len(tool_idx)
    tool_cats = [c if c in CAT_SET else "other" for c in cats[tool_idx]]
    r["n_tool_calls"] = n_tools
    r["n_tool_errors"] = int((is_result & conv["is_error"].to_numpy()).sum())
    pchars = chars[is_prompt]
    r["total_user_chars"] = int(pchars.sum())
    r["is_subagent"] = subagent
    r["iteration_count"] = prompts
    r["tool_call_density"] = div(n_tools, prompts)
    # segments with an edit / research call
    edit_seg, research_seg = set(), set()
    per_file = {}
    for i, c in zip(tool_idx, tool_cats):
        if seg[i] > 0:
            if c in EDIT:
                edit_seg.add(seg[i])
            elif c in RESEARCH:
                research_seg.add(seg[i])
        if c in EDIT:
            f = files[i] or "<unknown>"
            per_file[f] = per_file.get(f, 0) + 1
    r["edit_iteration_count"] = len(edit_seg)
    r["research_iteration_count"] = len(research_seg)
    named = [n for n in names[tool_idx] if n]
    r["tool_diversity"] = div(len(set(named)), len(named))
    n_edits = sum(per_file.values())
    r["edit_focus"] = div(max(per_file.values()) if per_file else 0, n_edits)
    # course corrections: a short prompt (1..60 chars) after an edit since the previous prompt
    cc = 0
    edited = False
    cat_at = dict(zip(tool_idx.tolist(), tool_cats))
    for i in np.flatnonzero(is_prompt | is_tool):
        if is_prompt[i]:
            if edited and 1 <= chars[i] <= COURSE_CORRECTION_MAX_CHARS:
                cc += 1
            edited = False
        elif cat_at[i] in EDIT:
            edited = True
    r["course_correction_count"] = cc
    # pauses between messages: prompts, tool results, assistant responses (one per message id)
    times = list(ts[is_prompt | is_result])
    first_of = {}
    for i in np.flatnonzero(assistant):
        m = mids[i]
        if not m:
            times.append(ts[i])
        elif m not in first_of:
            first_of[m] = ts[i]
        elif (first_of[m] is None or first_of[m] != first_of[m]) and ts[i] is not None:
            first_of[m] = ts[i]
    times.extend(first_of.values())
    t = np.sort(np.array([x for x in times if x is not None and x == x], dtype=np.int64))
    if len(t) < 2:
        r["late_pause_count"] = None
        r["median_pause_seconds"] = math.nan
    else:
        gaps = np.minimum(np.diff(t) / 1000.0, PAUSE_CAP_S)
        r["late_pause_count"] = int((gaps[len(gaps) // 2:] >= LONG_PAUSE_S).sum())
        r["median_pause_seconds"] = float(np.median(gaps))
    n = len(pchars)
    if n < 4:
        r["prompt_length_ratio"] = 1.0
    else:
        h = n // 2
        r["prompt_length_ratio"] = div(pchars[h:].sum() / (n - h), pchars[:h].sum() / h)
    r["task_size"] = task_size(prompts)
    # shell signals
    shell_diff = []
    tests = 0
    pending_pr = set()
    for i, c in zip(tool_idx, tool_cats):
        if is_shell_category(c) or names[i].lower() in SHELL_TOOLS:
            cmd = cmds[i] or None
            shell_diff.append(is_diff_review(cmd))
            if is_test_run(cmd):
                tests += 1
            if is_pr_create(cmd) and call_ids[i]:
                pending_pr.add(call_ids[i])
    r["tests_attempted"] = int(tests > 0)
    r["tests_run_count"] = tests
    ns = len(shell_diff)
    r["diff_reviewed"] = int(any(shell_diff[int(ns * 0.75):]))
    urls, no_url = set(), 0
    for i in np.flatnonzero((events == "pr_link") | is_result):
        if events[i] == "pr_link":
            u = pr_url(content[i])
            if u:
                urls.add(u)
            else:
                no_url += 1
        if is_result[i] and call_ids[i] in pending_pr:
            pending_pr.discard(call_ids[i])
            if not conv["is_error"].iat[i]:
                u = pr_url(content[i])
                if u:
                    urls.add(u)
                else:
                    no_url += 1
    r["has_pr"] = int(len(urls) + no_url > 0)
    r["pr_count"] = len(urls) + no_url
    counts = pd.Series(tool_cats, dtype=object).value_counts()
    shell = 0
    for c in CATEGORIES:
        k = int(counts.get(c, 0))
        r["tool_%s_count" % column_safe(c)] = k
        r["tool_%s_share" % column_safe(c)] = div(k, n_tools)
        if is_shell_category(c):
            shell += k
    r["shell_share"] = div(shell, n_tools)
    r["interrupt_count"] = int(intr.sum())
    r["interrupt_rate"] = div(int(intr.sum()), prompts)
    later = content[is_prompt][1:]
    r["pushback_rate"] = math.nan if prompts < 2 else div(sum(map(is_pushback, later)), prompts - 1)
    in_seg = seg > 0
    r["actions_per_prompt"] = div(int((is_tool & in_seg).sum()), prompts)
    # model calls: distinct assistant messages starting inside a segment
    calls = 0
    seen = set()
    for i in np.flatnonzero(assistant):
        m = mids[i]
        if m:
            if m in seen:
                continue
            seen.add(m)
        if seg[i] > 0:
            calls += 1
    r["model_calls_per_prompt"] = div(calls, prompts)
    ans = (tt == "assistant_response") & in_seg
    r["words_per_prompt"] = div(int(conv["words"].to_numpy()[ans].sum()), prompts)
    return r


CAT_SET = set(CATEGORIES)


def select_sessions(corpus):
    s = pd.read_csv(os.path.join(corpus, "sessions.csv"), dtype=str, keep_default_na=False)
    return s[s["format"].isin(FORMATS)].reset_index(drop=True)


def run_features(corpus):
    """(features DataFrame, conversation row count, transcript bytes read)."""
    sel = select_sessions(corpus)
    files_by_repo = {}
    tables, nbytes = [], 0
    meta = []
    for row in sel.itertuples(index=False):
        repo_dir = os.path.join(corpus, "entire", row.repo_id.replace("/", "+"))
        if repo_dir not in files_by_repo:
            files_by_repo[repo_dir] = session_files(repo_dir)
        transcripts, created = files_by_repo[repo_dir].get(row.session_id, ([], []))
        parse = parse_claude if row.format == "claude-code-jsonl" else parse_codex
        parts = []
        first = last = None
        for chunks in transcripts:
            data = read_chunks(chunks)
            nbytes += len(data)
            rows = parse(data)
            parts.append(pd.DataFrame(rows.cols))
            if rows.first is not None:
                first = rows.first if first is None else min(first, rows.first)
                last = rows.last if last is None else max(last, rows.last)
        conv = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
            {f: [] for f in ROW_FIELDS})
        conv.insert(0, "session_id", row.session_id)
        tables.append(conv)
        if first is None and created:  # no timed record: the checkpoints' creation times
            first, last = min(created), max(created)
        src = os.path.join("entire", row.repo_id.replace("/", "+"),
                           os.path.relpath(transcripts[0][0], repo_dir)) if transcripts else ""
        meta.append((row.session_id, src, first, last, transcripts[0][:1] if transcripts else []))
    conversations = pd.concat(tables, ignore_index=True)
    conversations["ts"] = conversations["ts"].astype("float64")  # None -> NaN
    out = []
    for (sid, src, first, last, chunks), (_, conv) in zip(
            meta, conversations.groupby("session_id", sort=False)):
        conv = conv.astype({"is_sidechain": bool, "is_interrupt": bool, "is_error": bool})
        conv["ts"] = conv["ts"].map(lambda x: None if x != x else int(x))
        r = {"session_id": sid, "source_path": src,
             "source_bytes": sum(os.path.getsize(p) for p in chunks),
             "started_at_ms": first, "ended_at_ms": last,
             "duration_s": (last - first) / 1000.0 if first is not None else math.nan}
        r.update(session_features(conv))
        out.append(r)
    f = pd.DataFrame(out).sort_values("session_id", kind="stable").reset_index(drop=True)
    return f, len(conversations), nbytes


# ---------------------------------------------------------------------------------------------
# comparison

def compare(java_csv, py, out=sys.stdout):
    """Prints per column the sessions that differ; returns the number of differing values."""
    j = pd.read_csv(java_csv, dtype={"session_id": str}, keep_default_na=False, na_values=[""])
    p = py if isinstance(py, pd.DataFrame) else pd.read_csv(
        py, dtype={"session_id": str}, keep_default_na=False, na_values=[""])
    bad = 0
    missing_j = sorted(set(p["session_id"]) - set(j["session_id"]))
    if missing_j:
        print("sessions missing on the Java side: %d, e.g. %s" % (len(missing_j), missing_j[:5]), file=out)
        bad += len(missing_j)
    m = p.merge(j, on="session_id", suffixes=("_py", "_java"))
    print("sessions compared: %d, columns compared: %d" % (len(m), len(COMPARED) + 1), file=out)
    # the transcript both sides read: same file or the same bytes
    diff_src = []
    for sp, sj, nb, nbj in zip(m["source_path_py"], m["source_path_java"], m["source_bytes_py"],
                               m["source_bytes_java"]):
        if sp != sj and nb != nbj:
            diff_src.append((sp, sj))
    if diff_src:
        print("source_path: %d sessions read different transcripts, e.g. %s" % (len(diff_src), diff_src[:3]), file=out)
        bad += len(diff_src)
    for col in COMPARED:
        a = m[col + "_py"]
        b = m[col + "_java"]
        if a.dtype == object or b.dtype == object:
            eq = a.fillna("").astype(str).to_numpy() == b.fillna("").astype(str).to_numpy()
        else:
            x = a.to_numpy(dtype=float)
            y = b.to_numpy(dtype=float)
            both_nan = np.isnan(x) & np.isnan(y)
            close = np.abs(x - y) <= 1e-9 * np.maximum(np.abs(x), np.abs(y))
            eq = both_nan | close
        n = int((~eq).sum())
        if n:
            bad += n
            ex = m.loc[~eq, ["session_id", col + "_py", col + "_java"]].head(5).to_dict("records")
            print("%s: %d sessions differ, e.g. %s" % (col, n, ex), file=out)
    print("differences: %d" % bad, file=out)
    return bad


def max_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["features", "compare", "check"])
    ap.add_argument("--corpus")
    ap.add_argument("--out")
    ap.add_argument("--java")
    ap.add_argument("--python")
    a = ap.parse_args(argv)
    if a.command in ("features", "check"):
        if not a.corpus:
            ap.error("--corpus is required")
        t0, c0 = time.perf_counter(), time.process_time()
        f, nrows, nbytes = run_features(a.corpus)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        if a.out:
            f.to_csv(a.out, index=False)
        print(json.dumps({"sessions": len(f), "rows": nrows, "bytes": nbytes,
                          "seconds": round(secs, 3), "cpu_seconds": round(cpu, 3),
                          "max_rss_kib": max_rss_kib()}))
        if a.command == "features":
            return 0
        return 1 if compare(a.java, f) else 0
    if not (a.java and a.python):
        ap.error("--java and --python are required")
    return 1 if compare(a.java, a.python) else 0


if __name__ == "__main__":
    sys.exit(main())
