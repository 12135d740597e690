// SHA-256 through OpenSSL's libcrypto (Debian's libssl-dev) instead of a hand-written
// compression function: the one-shot EVP_Digest call of OpenSSL's message-digest interface.
#include "parley/io/sweep/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace parley::io {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("sha256_hex: OpenSSL's EVP_Digest failed");
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) {
    hex += digits[digest[i] >> 4];
    hex += digits[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace parley::io
