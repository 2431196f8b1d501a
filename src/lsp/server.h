// `leadlint lsp`: a Language Server Protocol 3.17 server over a byte stream
// (stdio in practice). Diagnostics come from the same engine the CLI runs, on
// the editor's unsaved buffers (an OverlayFiles file source over the disk), for
// the document's folder (cross-file Product Ingestion references) or its doc
// set; quick fixes are the rules' fixes (base/fix.h) and a suppression; hover
// explains the rule. Positions are converted from the engine's byte offsets to
// the negotiated encoding (UTF-16 by default, UTF-8 when the client offers it).
#pragma once

#include <istream>
#include <ostream>

namespace leadlint::lsp {

// Serves one session until `exit` or the end of `in`. Returns the exit code the
// protocol asks for: 0 after `shutdown`, 1 otherwise. Nothing but protocol
// messages is written to `out`; `log` receives diagnostics about the server.
int RunServer(std::istream& in, std::ostream& out, std::ostream& log);

}  // namespace leadlint::lsp
