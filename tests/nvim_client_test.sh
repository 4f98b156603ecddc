#!/usr/bin/env bash
# Neovim (headless, its built-in LSP client) with editors/nvim/launchlint.lua:
# opening a manifest attaches launchlint, diagnostics arrive, an edit updates
# them, and the preferred code action removes the finding.
#   Usage: nvim_client_test.sh LAUNCHLINT
set -euo pipefail
launchlint=$(realpath "$1")
source_dir=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/pod.yaml" <<'YAML'
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: llm}
spec:
  containers:
  - name: vllm
    image: vllm/vllm-openai:v0.6.3
    securityContext:
      privileged: true
YAML
printf 'on: push\njobs: {}\n' > "$tmp/ci.yaml"
cat > "$tmp/test.lua" <<'LUA'
local out = {}
local function log(s) table.insert(out, s) end
local function codes()
  local c = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    c[#c + 1] = tostring(code)
  end
  table.sort(c)
  return table.concat(c, ',')
end
local function wait_for(pred) return vim.wait(10000, pred, 20) end

local ok = wait_for(function() return codes():find('SEC001') ~= nil end)
log('open ' .. tostring(ok) .. ' ' .. codes())
-- Edit: unpin the image.
vim.api.nvim_buf_set_lines(0, 6, 7, false, { '    image: vllm/vllm-openai:latest' })
ok = wait_for(function() return codes():find('ROL001') ~= nil end)
log('edit ' .. tostring(ok) .. ' ' .. codes())
-- Code action on the privileged value, applied.
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = 8, character = 18 }, ['end'] = { line = 8, character = 18 } },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 5000) or {}
local applied = false
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    if action.isPreferred and not applied then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = true
      log('action ' .. action.title)
    end
  end
end
ok = wait_for(function() return codes():find('SEC001') == nil end)
log('fixed ' .. tostring(ok) .. ' ' .. codes())
log('line ' .. vim.api.nvim_buf_get_lines(0, 8, 9, false)[1])
-- A non-manifest YAML buffer gets no client.
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.CI_YAML))
vim.wait(300)
log('ci clients ' .. #vim.tbl_keys(vim.lsp.buf_get_clients(0)))
vim.fn.writefile(out, vim.env.RESULT)
vim.cmd('qa!')
LUA
RESULT="$tmp/result" CI_YAML="$tmp/ci.yaml" timeout 60 nvim --headless -u NONE -i NONE -n \
  --cmd 'filetype on' \
  --cmd "let g:launchlint_path = '$launchlint'" \
  --cmd "luafile $source_dir/editors/nvim/launchlint.lua" \
  "$tmp/pod.yaml" -c "luafile $tmp/test.lua" >/dev/null 2>"$tmp/stderr" </dev/null || true
[[ -f "$tmp/result" ]] || { echo "FAIL: nvim wrote no result"; cat "$tmp/stderr"; exit 1; }
result=$(cat "$tmp/result")
echo "$result"
fail() { echo "FAIL: $*"; exit 1; }
grep -q '^open true .*SEC001' <<<"$result" || fail "no SEC001 on open"
grep -q '^edit true .*ROL001' <<<"$result" || fail "diagnostics did not follow the edit"
grep -q '^action Set securityContext.privileged: false on container "vllm"' <<<"$result" || fail "no preferred fix"
grep -q '^fixed true' <<<"$result" || fail "SEC001 still there after the fix"
grep -qx 'line       privileged: false' <<<"$result" || fail "fix not applied in place"
grep -qx 'ci clients 0' <<<"$result" || fail "attached to a non-manifest YAML file"
echo "nvim client: ok"
