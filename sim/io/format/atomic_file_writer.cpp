#include "parley/io/format/atomic_file_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <string>
#include <vector>

namespace parley::io {

namespace fs = std::filesystem;

namespace {

std::string file_in_quotes(const fs::path& path) { return "'" + path.string() + "'"; }

/// errno's text, or a general reason when none was recorded.
std::string write_failure_reason(int error) {
  return error != 0 ? std::string(std::strerror(error)) : std::string("the output stream reported an error");
}

/// /dev/... and /proc/... hold devices and the process's own descriptors (/dev/stdout is
/// /proc/self/fd/1): renaming a file over one of them would replace the device or the link.
bool is_under_system_folder(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return false;
  const std::string text = absolute.generic_string();
  return text.rfind("/dev/", 0) == 0 || text.rfind("/proc/", 0) == 0;
}

/// The permissions a new file gets: 0666 less the process's umask, read from /proc when it
/// can be (reading it with umask() changes it for a moment, for every thread).
mode_t new_file_permissions() {
  mode_t mask = 022;
  bool known = false;
  if (std::ifstream status("/proc/self/status"); status) {
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("Umask:", 0) == 0) {
        mask = static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
        known = true;
        break;
      }
    }
  }
  if (!known) {
    mask = ::umask(022);
    ::umask(mask);
  }
  return static_cast<mode_t>(0666 & ~mask);
}

}  // namespace

namespace atomic_detail {

/// \brief An output stream buffer on a file descriptor that remembers why a write failed
/// (errno), which std::ofstream does not tell.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int descriptor) : descriptor_(descriptor) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  [[nodiscard]] int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (error_ != 0) return false;
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(descriptor_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }

  int descriptor_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace atomic_detail

struct AtomicFileWriter::Output {
  explicit Output(int fd) : descriptor(fd), buffer(fd), stream(&buffer) {}
  int descriptor;
  atomic_detail::DescriptorBuffer buffer;
  std::ostream stream;
};

AtomicFileWriter::AtomicFileWriter(const fs::path& target) : target_(target), destination_(target) {
  if (target.empty()) throw FileWriteError("cannot write to a file with an empty name");
  if (target == "-") {
    direct_ = true;
    to_stdout_ = true;
    return;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(target, ec);  // follows links
  const bool exists = fs::exists(status);
  direct_ = is_under_system_folder(target) || (exists && !fs::is_regular_file(status));
  if (!direct_ && exists && fs::is_symlink(fs::symlink_status(target, ec))) {
    destination_ = fs::canonical(target, ec);
    if (ec || is_under_system_folder(destination_)) {
      destination_ = target;
      direct_ = true;
    }
  }
  if (direct_) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw FileWriteError("cannot write to " + file_in_quotes(target) + ": " + write_failure_reason(errno));
    output_ = std::make_unique<Output>(fd);
    return;
  }

  const std::string pattern = destination_.string() + ".tmp.XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    const int error = errno;
    const fs::path folder = destination_.has_parent_path() ? destination_.parent_path() : fs::path(".");
    throw FileWriteError("cannot write to " + file_in_quotes(target) + ": cannot create a temporary file in " +
                         file_in_quotes(folder) + ": " + write_failure_reason(error));
  }
  temporary_ = fs::path(name.data());
  output_ = std::make_unique<Output>(fd);
  // mkstemp makes the file private (0600); the result gets a new file's usual permissions, or
  // keeps those of the file it replaces.
  struct stat replaced {};
  const mode_t mode = ::stat(destination_.c_str(), &replaced) == 0 ? static_cast<mode_t>(replaced.st_mode & 07777)
                                                                   : new_file_permissions();
  (void)::fchmod(fd, mode);
}

AtomicFileWriter::~AtomicFileWriter() { abandon(); }

std::ostream& AtomicFileWriter::stream() { return to_stdout_ ? std::cout : output_->stream; }

void AtomicFileWriter::abandon() noexcept {
  if (output_) {
    ::close(output_->descriptor);
    output_.reset();
  }
  if (!temporary_.empty()) {
    ::unlink(temporary_.c_str());
    temporary_.clear();
  }
  done_ = true;
}

void AtomicFileWriter::commit() {
  if (done_) throw std::logic_error("AtomicFileWriter::commit: already committed or abandoned");
  if (to_stdout_) {
    done_ = true;
    std::cout.flush();
    if (!std::cout) throw FileWriteError("could not write all of the output to standard output");
    return;
  }
  const auto fail = [&](const std::string& what, int error) {
    abandon();
    throw FileWriteError(what + ": " + write_failure_reason(error));
  };
  const std::string incomplete = "could not write all of " + file_in_quotes(target_);
  output_->stream.flush();
  if (!output_->stream) fail(incomplete, output_->buffer.error());
  // A regular file's data reaches the disk before it takes the target's name; a device has
  // nothing to sync (and some refuse fsync).
  if (!direct_ && ::fsync(output_->descriptor) != 0) fail(incomplete, errno);
  const int descriptor = output_->descriptor;
  output_.reset();
  if (::close(descriptor) != 0) fail(incomplete, errno);
  if (direct_) {
    done_ = true;
    return;
  }
  if (std::rename(temporary_.c_str(), destination_.c_str()) != 0)
    fail("could not replace " + file_in_quotes(target_) + " with the new file", errno);
  temporary_.clear();
  done_ = true;
  // The rename itself reaches the disk when the folder does (best effort: some file systems
  // refuse to sync a folder).
  const fs::path folder = destination_.has_parent_path() ? destination_.parent_path() : fs::path(".");
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
}

void write_file_atomically(const fs::path& target, const std::string& text) {
  AtomicFileWriter file(target);
  file.stream() << text;
  file.commit();
}

}  // namespace parley::io
