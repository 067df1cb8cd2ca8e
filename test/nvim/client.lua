-- Neovim 0.7 (headless) as a real LSP client of the Diplomatic Lens server. Driven by
-- test/nvim/nvim.test.ts, which passes a JSON spec in $DL_SPEC:
--   { server, file, result, steps: [ {method, position?} | {insert = {line, text}} ] }
-- and reads back { steps: [...results], logs, skipped, error? } from spec.result.
-- nvim 0.7 has no vim.lsp.start: start_client + buf_attach_client + buf_request_sync.
local spec = vim.fn.json_decode(os.getenv('DL_SPEC'))
local out = { steps = {}, logs = {}, skipped = {} }

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(spec.file))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'diplomatic-lens',
    cmd = { 'node', spec.server, '--stdio' },
    root_dir = vim.fn.fnamemodify(spec.file, ':h'),
    settings = { diplomaticLens = { enable = true, language = 'auto', maxFileSize = 2000000 } },
    flags = { debounce_text_changes = 0 },
    handlers = {
      ['window/logMessage'] = function(_, params) table.insert(out.logs, params.message) end,
      ['diplomaticLens/skipped'] = function(_, params) table.insert(out.skipped, params) end,
    },
  })
  assert(id, 'start_client failed')
  vim.lsp.buf_attach_client(buf, id)
  local ready = vim.wait(15000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.server_capabilities ~= nil and c.server_capabilities.hoverProvider ~= nil
  end, 20)
  assert(ready, 'the server did not initialize')
  out.capabilities = vim.lsp.get_client_by_id(id).server_capabilities
  local uri = vim.uri_from_bufnr(buf)
  for _, step in ipairs(spec.steps) do
    if step.insert then
      vim.api.nvim_buf_set_text(buf, step.insert.line, 0, step.insert.line, 0, { step.insert.text })
      table.insert(out.steps, { inserted = true })
    else
      local params
      if step.method == 'diplomaticLens/quotes' then
        params = { uri = uri }
      else
        params = { textDocument = { uri = uri }, position = step.position }
      end
      local res, err = vim.lsp.buf_request_sync(buf, step.method, params, 15000)
      local r = res and res[id]
      table.insert(out.steps, {
        result = (r and r.result) or vim.NIL,
        error = (r and r.err and r.err.message) or err or vim.NIL,
      })
    end
  end
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
end

local ok, e = pcall(run)
if not ok then out.error = tostring(e) end
vim.fn.writefile({ vim.fn.json_encode(out) }, spec.result)
vim.cmd(ok and 'qa!' or 'cq!')
