#pragma once
/// \file printable_text.hpp
/// Text from input files, made safe to print on a terminal.

#include <string>
#include <string_view>

namespace parley::io {

/// \brief `text` with every byte that a terminal would act on instead of showing written as
/// visible text: control characters (U+0000..U+001F but line feed and tab, U+007F, and the C1
/// controls U+0080..U+009F) become `\xHH` (ESC is `\x1b`), and so does each byte that is not
/// part of well-formed UTF-8. Everything else, non-ASCII letters included, is unchanged.
///
/// A scenario's title, a party's name or a file name may hold an escape sequence; printed raw in
/// an error message or a table it would recolour, move or clear the reader's terminal (issue 18).
/// Used for the diagnostics the program prints and the cells and titles of its text tables.
std::string printable_text(std::string_view text);

}  // namespace parley::io
