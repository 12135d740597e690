// SHA-256 through OpenSSL's libcrypto (Debian's libssl-dev) instead of a hand-written
// compression function: the one-shot EVP_Digest call of OpenSSL's message-digest interface.
//
// libcrypto is loaded (dlopen) the first time a digest is needed, by a sweep, instead of at
// every start of the program: linked in, it was mapped, relocated and initialised by every
// `parley` process, about 0.8 ms of CPU, a third of the start of `parley nash` on a small game
// (perf stat: an empty program linked with libcrypto against one without). Only EVP_Digest and
// EVP_sha256 are called, looked up by name with their declared types.
#include "parley/io/sweep/sha256.hpp"

#include <dlfcn.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <stdexcept>
#include <string>

namespace parley::io {

namespace {

#define PARLEY_TEXT(x) #x
#define PARLEY_NUMBER_TEXT(x) PARLEY_TEXT(x)
/// The runtime library of the OpenSSL whose headers this is compiled with: its major version
/// names its ABI (libcrypto.so.3 for OpenSSL 3).
constexpr const char* kLibcrypto = "libcrypto.so." PARLEY_NUMBER_TEXT(OPENSSL_VERSION_MAJOR);
#undef PARLEY_NUMBER_TEXT
#undef PARLEY_TEXT

/// The two functions of libcrypto the digest needs, loaded once (thread-safe static).
struct Libcrypto {
  decltype(&EVP_Digest) digest = nullptr;
  decltype(&EVP_sha256) sha256 = nullptr;
};

const Libcrypto& libcrypto() {
  static const Libcrypto loaded = [] {
    void* library = dlopen(kLibcrypto, RTLD_NOW | RTLD_LOCAL);
    if (!library) throw std::runtime_error(std::string("sha256_hex: cannot load ") + kLibcrypto + ": " + dlerror());
    Libcrypto functions;
    functions.digest = reinterpret_cast<decltype(&EVP_Digest)>(dlsym(library, "EVP_Digest"));
    functions.sha256 = reinterpret_cast<decltype(&EVP_sha256)>(dlsym(library, "EVP_sha256"));
    if (!functions.digest || !functions.sha256)
      throw std::runtime_error(std::string("sha256_hex: ") + kLibcrypto + " lacks EVP_Digest or EVP_sha256");
    return functions;  // the library stays loaded for the life of the process
  }();
  return loaded;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  const Libcrypto& crypto = libcrypto();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (crypto.digest(data.data(), data.size(), digest, &size, crypto.sha256(), nullptr) != 1)
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
