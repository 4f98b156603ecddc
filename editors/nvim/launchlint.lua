-- launchlint for Neovim's built-in LSP client (Neovim 0.7 or newer).
-- Put this file in ~/.config/nvim/plugin/ (or require it from init.lua).
-- It starts `launchlint lsp` for YAML buffers that look like Kubernetes
-- manifests: diagnostics while you type, rule docs on hover (K), quick fixes
-- and "accept this exception" through vim.lsp.buf.code_action().
local M = {}

M.cmd = { vim.g.launchlint_path or 'launchlint', 'lsp' }

local function looks_like_manifest(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, 2000, false)
  local api_version, kind = false, false
  for _, line in ipairs(lines) do
    if line:match('^# Source: ') then return true end
    if line:match('^%-? *apiVersion *:') then api_version = true end
    if line:match('^%-? *kind *:') then kind = true end
    if api_version and kind then return true end
  end
  return false
end

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  return name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.loop.cwd()
end

function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if not looks_like_manifest(bufnr) then return end
  local config = { name = 'launchlint', cmd = M.cmd, root_dir = root_dir(bufnr) }
  if vim.lsp.start then  -- Neovim 0.8+: reuses a running client
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  M.client_id = M.client_id or vim.lsp.start_client(config)
  if M.client_id then vim.lsp.buf_attach_client(bufnr, M.client_id) end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  group = vim.api.nvim_create_augroup('launchlint', { clear = true }),
  callback = function(args) M.attach(args.buf) end,
})

return M
