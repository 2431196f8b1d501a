// Content-Length framing.
#include "lsp/transport.h"

#include <cctype>

namespace leadlint::lsp {

std::optional<Frame> ReadFrame(std::istream& in, size_t max_bytes) {
  Frame frame;
  std::string line;
  long long length = -1;
  bool any_header = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between frames
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "content-length") continue;
    length = 0;
    size_t i = colon + 1;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i == line.size()) length = -1;
    for (; i < line.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(line[i])) || length > (1LL << 40)) {
        length = -1;
        break;
      }
      length = length * 10 + (line[i] - '0');
    }
  }
  if (!any_header) return std::nullopt;
  if (length < 0) {
    frame.malformed = true;
    return frame;
  }
  const auto size = static_cast<size_t>(length);
  if (size > max_bytes) {
    in.ignore(static_cast<std::streamsize>(size));
    frame.malformed = true;
    return frame;
  }
  frame.body.resize(size);
  in.read(frame.body.data(), static_cast<std::streamsize>(size));
  if (static_cast<size_t>(in.gcount()) != size) return std::nullopt;  // the stream ended mid-frame
  return frame;
}

void WriteFrame(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace leadlint::lsp
