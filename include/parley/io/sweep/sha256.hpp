#pragma once
/// \file sha256.hpp
/// SHA-256 (FIPS 180-4), to record which scenario a sweep ran on: the manifest holds the hash of
/// the scenario's text, and `--resume` and `merge` refuse files made from a different one. The
/// digest is OpenSSL's (libcrypto), not a hand-written one.

#include <string>
#include <string_view>

namespace parley::io {

/// The SHA-256 digest of `data` as 64 lowercase hexadecimal digits (what `sha256sum` prints).
/// Throws std::runtime_error if OpenSSL cannot compute it.
std::string sha256_hex(std::string_view data);

}  // namespace parley::io
