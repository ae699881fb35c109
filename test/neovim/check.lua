-- Runs inside `nvim --headless -u NONE` (Debian bookworm's Neovim 0.7.2): attaches the postmortem
-- language server to a postmortem with Neovim's own LSP client (vim.lsp.start_client and
-- vim.lsp.buf_attach_client, as a 0.7 configuration does) and reads back through that client the
-- diagnostics, a hover, a code action applied to the buffer, and the document symbols.
-- test/neovim/run.mjs starts it and reads the results it writes (POSTMORTEM_NVIM_RESULTS).

local server = os.getenv('POSTMORTEM_NVIM_SERVER')
local file = os.getenv('POSTMORTEM_NVIM_FILE')
local results_file = os.getenv('POSTMORTEM_NVIM_RESULTS')
local results = {}

local function record(name, ok, detail)
  table.insert(results, { name = name, ok = ok and true or false, detail = detail or '' })
end

-- One check: `fn` returns true, or false and what it saw; an error counts as a failure.
local function check(name, fn)
  local ok, passed, detail = pcall(fn)
  if not ok then
    record(name, false, tostring(passed))
  else
    record(name, passed, detail)
  end
end

local function finish()
  local out = io.open(results_file, 'w')
  out:write(vim.fn.json_encode(results))
  out:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'markdown'
  local bufnr = vim.api.nvim_get_current_buf()
  local root = vim.fn.fnamemodify(file, ':h')
  local client_id = vim.lsp.start_client({
    name = 'postmortem',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
  })
  check('starts the server with vim.lsp.start_client', function()
    return client_id ~= nil, 'client id ' .. tostring(client_id)
  end)
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  vim.wait(10000, function()
    return client.initialized == true or (client.is_stopped and client.is_stopped())
  end, 50)

  local function postmortem_diagnostics()
    return vim.tbl_filter(function(d)
      return d.source == 'postmortem'
    end, vim.diagnostic.get(bufnr))
  end

  check('shows the missing Timeline as an error diagnostic', function()
    vim.wait(15000, function()
      return #postmortem_diagnostics() > 0
    end, 50)
    for _, d in ipairs(postmortem_diagnostics()) do
      if d.code == 'missing-section' and d.message:find('Timeline', 1, true) and d.severity == vim.diagnostic.severity.ERROR then
        return true, d.message
      end
    end
    return false, vim.inspect(postmortem_diagnostics())
  end)

  check('hovers a section heading with what it must contain', function()
    local line = vim.fn.search('^## Issue Summary') - 1
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = { line = line, character = 5 } }
    local response = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
    local hover = response and response[client_id] and response[client_id].result
    if not hover then
      return false, vim.inspect(response)
    end
    local text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n')
    return text:find('Issue Summary', 1, true) ~= nil and text:find('Duration', 1, true) ~= nil, text
  end)

  check('applies the quick fix, and the missing section appears in the buffer', function()
    local diagnostic
    for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, 0)) do
      if d.code == 'missing-section' then
        diagnostic = d
      end
    end
    if not diagnostic then
      return false, 'no missing-section diagnostic on line 1'
    end
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(bufnr),
      range = diagnostic.range,
      context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
    }
    local response = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
    local actions = response and response[client_id] and response[client_id].result or {}
    local chosen
    for _, action in ipairs(actions) do
      if action.title:find('Timeline', 1, true) and action.edit then
        chosen = action
      end
    end
    if not chosen then
      return false, 'actions: ' .. vim.inspect(vim.tbl_map(function(a)
        return a.title
      end, actions))
    end
    local before = vim.api.nvim_buf_line_count(bufnr)
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    local heading
    for _, l in ipairs(lines) do
      if l:match('^## Timeline') then
        heading = l
      end
    end
    if not heading or #lines <= before then
      return false, table.concat(lines, '\n')
    end
    -- The server analyses the edited buffer again and the finding goes away.
    local gone = vim.wait(15000, function()
      for _, d in ipairs(postmortem_diagnostics()) do
        if d.code == 'missing-section' then
          return false
        end
      end
      return true
    end, 50)
    return gone, chosen.title .. ' -> ' .. heading
  end)

  check('lists the sections as document symbols', function()
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
    local response = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, 10000)
    local symbols = response and response[client_id] and response[client_id].result or {}
    local names = vim.tbl_map(function(s)
      return s.name
    end, symbols)
    local joined = table.concat(names, ' | ')
    return joined:find('Issue Summary', 1, true) ~= nil and joined:find('Timeline', 1, true) ~= nil and joined:find('Root Cause and Resolution', 1, true) ~= nil,
      joined
  end)

  vim.lsp.stop_client(client_id)
end)
if not ok then
  record('runs the Neovim session', false, tostring(err))
end
finish()
