#include "parley/io/sweep/sweep_output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace parley::io {

SweepOutputLock::SweepOutputLock(const std::string& results_path) : path_(results_path + ".lock") {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw std::runtime_error("cannot make the lock file " + path_ + ": " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const bool held = errno == EWOULDBLOCK;
    const std::string why = std::strerror(errno);
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error(held ? results_path + " is being written by another sweep (it holds " + path_ +
                                        "); wait for it to end, or write to another file"
                                  : "cannot lock " + path_ + ": " + why);
  }
}

SweepOutputLock::SweepOutputLock(SweepOutputLock&& other) noexcept : path_(std::move(other.path_)), fd_(other.fd_) {
  other.fd_ = -1;
}

SweepOutputLock::~SweepOutputLock() {
  if (fd_ < 0) return;
  // Removed while still held, so that no other sweep can lock this file after we let go of it
  // and take the results while a third makes a new lock file.
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace parley::io
