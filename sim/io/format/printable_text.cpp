#include "parley/io/format/printable_text.hpp"

#include "parley/io/format/utf8_text.hpp"

namespace parley::io {

std::string printable_text(std::string_view text) {
  static const char* const hex = "0123456789abcdef";
  const auto escaped = [](std::string& out, unsigned char byte) {
    out += "\\x";
    out += hex[byte >> 4];
    out += hex[byte & 0xf];
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      escaped(out, byte);  // not UTF-8
      ++i;
    } else if (n == 1) {
      if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7f)
        escaped(out, byte);
      else
        out += static_cast<char>(byte);
      ++i;
    } else {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      if (byte == 0xC2 && second <= 0x9F) {
        escaped(out, byte);  // a C1 control (U+0080..U+009F), e.g. CSI
        escaped(out, second);
      } else {
        out.append(text.substr(i, n));
      }
      i += n;
    }
  }
  return out;
}

}  // namespace parley::io
