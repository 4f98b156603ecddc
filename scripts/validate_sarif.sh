#!/usr/bin/env bash
# Validates SARIF files with both validators and fails on any error:
#  1. the OASIS schema (schemas/sarif-schema-2.1.0.json, draft-04) with
#     rapidjson's SchemaValidator (build/json_schema_check);
#  2. Microsoft's SARIF multitool, `validate --rule-kind "Sarif;Ghas"` (the
#     SARIF spec rules and GitHub code scanning's ingestion rules). It exits 0
#     even when it finds errors, so its own SARIF log is read: any error-level
#     result, failed execution or error notification fails this script.
#     Warnings are printed and do not fail.
# Usage: scripts/validate_sarif.sh FILE...
# Env: JSON_SCHEMA_CHECK  the json_schema_check binary (default build/json_schema_check)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if (( $# < 1 )); then
  echo "usage: scripts/validate_sarif.sh FILE..." >&2
  exit 2
fi
checker=${JSON_SCHEMA_CHECK:-$repo/build/json_schema_check}
multitool=$repo/.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [[ ! -x $checker ]]; then
  echo "validate_sarif: $checker is not built (cmake --build build --target json_schema_check)" >&2
  exit 2
fi
if [[ ! -x $multitool ]]; then
  echo "validate_sarif: the SARIF multitool is missing: run scripts/setup.sh --test" >&2
  exit 2
fi
for file in "$@"; do
  if [[ ! -f $file || ! -r $file ]]; then
    echo "validate_sarif: cannot read $file" >&2
    exit 2
  fi
done

status=0
"$checker" "$repo/schemas/sarif-schema-2.1.0.json" "$@" >/dev/null || status=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The files go first: after --log, the multitool takes them for --log values.
if ! "$multitool" validate "$@" --rule-kind "Sarif;Ghas" \
    -o "$work/validation.sarif" --log ForceOverwrite >"$work/log" 2>&1 \
    || [[ ! -s $work/validation.sarif ]]; then
  cat "$work/log" >&2
  echo "validate_sarif: the multitool did not run" >&2
  exit 1
fi
python3 - "$work/validation.sarif" "$#" <<'PY' || status=1
import json, sys, urllib.parse, urllib.request
log, count = sys.argv[1], int(sys.argv[2])
errors = warnings = 0
for run in json.load(open(log, encoding="utf-8"))["runs"]:
    for inv in run.get("invocations", []):
        if not inv.get("executionSuccessful", True):
            errors += 1
            print("multitool: execution failed", file=sys.stderr)
        for n in inv.get("toolExecutionNotifications", []):
            if n.get("level", "warning") == "error":
                errors += 1
                print(f"multitool: {n['message'].get('text', '')}", file=sys.stderr)
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    for r in run.get("results", []):
        level = r.get("level", "warning")
        if level not in ("error", "warning"):
            continue
        msg = r.get("message", {})
        text = msg.get("text")
        if text is None:  # a message template of the multitool's rule
            rule = rules[r["ruleIndex"]] if "ruleIndex" in r else {}
            text = rule.get("messageStrings", {}).get(msg.get("id"), {}).get("text", "")
            for i, arg in enumerate(msg.get("arguments", [])):
                text = text.replace("{%d}" % i, arg)
            text = f"{rule.get('name', '')}: {text}"
        where = "?"
        for loc in r.get("locations", [])[:1]:
            phys = loc.get("physicalLocation", {})
            uri = phys.get("artifactLocation", {}).get("uri", "?")
            if uri.startswith("file://"):
                uri = urllib.request.url2pathname(urllib.parse.urlparse(uri).path)
            region = phys.get("region", {})
            where = f"{uri}:{region.get('startLine', '?')}:{region.get('startColumn', '?')}"
        print(f"{where}: {level} {r.get('ruleId', '?')}: {text}", file=sys.stderr)
        if level == "error":
            errors += 1
        else:
            warnings += 1
print(f"validate_sarif: multitool: {count} file(s), {errors} error(s), {warnings} warning(s)")
sys.exit(1 if errors else 0)
PY
if (( status )); then
  echo "validate_sarif: not valid SARIF: $*" >&2
else
  echo "validate_sarif: $# file(s) pass the schema and the multitool"
fi
exit $status
