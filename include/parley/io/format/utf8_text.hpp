#pragma once
/// \file utf8_text.hpp
/// Checking and repairing UTF-8 text (RFC 3629): scenario files must be UTF-8, and JSON output
/// must be (RFC 8259, section 8.1) whatever bytes reached it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parley::io {

/// The length (1 to 4) of the well-formed UTF-8 sequence that starts at `text[at]`, or 0 when
/// none does there: a stray continuation byte, a truncated sequence, an overlong form, a
/// surrogate (U+D800..U+DFFF) or a code point above U+10FFFF.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// The byte offset of the first byte of `text` that does not start a well-formed sequence, or
/// std::nullopt if all of `text` is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// The replacement character U+FFFD, as UTF-8.
inline constexpr std::string_view utf8_replacement_character = "\xEF\xBF\xBD";

/// `text` with each byte that does not start a well-formed sequence replaced by U+FFFD (one
/// replacement per bad byte); UTF-8 text is returned unchanged.
std::string valid_utf8(std::string_view text);

}  // namespace parley::io
