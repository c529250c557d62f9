-- Neovim end-to-end test config: start `claimlint server` with Neovim's built-in LSP client for
-- the buffer being edited, and write the first diagnostics it publishes (as received, and as
-- Neovim places them: byte columns) to $CLAIMLINT_DIAGNOSTICS_OUT, then quit.
-- Uses the API of Neovim 0.7 onwards (vim.lsp.start_client and buf_attach_client).
local out = os.getenv("CLAIMLINT_DIAGNOSTICS_OUT")
local python = os.getenv("CLAIMLINT_PYTHON")

local function finish(received, bufnr)
  local placed = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(placed, { lnum = diagnostic.lnum, col = diagnostic.col, end_col = diagnostic.end_col,
                           code = diagnostic.code, message = diagnostic.message })
  end
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode({ received = received, placed = placed }))
  file:close()
  vim.cmd("qa!")
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    local bufnr = vim.api.nvim_get_current_buf()
    local client_id = vim.lsp.start_client({
      name = "claimlint",
      cmd = { python, "-m", "claimlint", "server" },
      root_dir = vim.fn.getcwd(),
      handlers = {
        ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
          vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
          if result and #result.diagnostics > 0 then
            vim.schedule(function() finish(result, bufnr) end)
          end
        end,
      },
    })
    vim.lsp.buf_attach_client(bufnr, client_id)
  end,
})

vim.defer_fn(function() vim.cmd("qa!") end, 60000) -- never hang: no output file means failure
