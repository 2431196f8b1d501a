// JSON-RPC 2.0 framing over a byte stream, as the Language Server Protocol
// uses it: `Content-Length: N\r\n` (other headers ignored), a blank line, then
// N bytes of JSON. Nothing here parses JSON.
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace leadlint::lsp {

struct Frame {
  std::string body;
  bool malformed = false;  // a header block without a usable Content-Length
};

// The next frame, or nullopt at the end of the stream. A frame larger than
// `max_bytes` is read and dropped, and reported as malformed.
std::optional<Frame> ReadFrame(std::istream& in, size_t max_bytes = 64u << 20);

void WriteFrame(std::ostream& out, const std::string& body);

}  // namespace leadlint::lsp
