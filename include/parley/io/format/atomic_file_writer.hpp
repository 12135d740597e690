#pragma once
/// \file atomic_file_writer.hpp
/// Writing a file so that a partial file is never left looking complete (issue 18).

#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

namespace parley::io {

/// \brief Thrown by AtomicFileWriter: the message names the file and the system's reason
/// (errno's text), e.g. "could not write all of 'out.json': No space left on device".
class FileWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// \brief Writes a file whole or not at all.
///
/// The text goes to a temporary file in the target's folder (`NAME.tmp.XXXXXX`, made by
/// mkstemp); commit() flushes it, checks the stream, fsyncs, closes it and renames it over the
/// target, so a reader sees either the old file or the complete new one, never a part. If
/// anything fails, or the writer is destroyed without commit() (an exception, an early return),
/// the temporary is removed and the target is left as it was.
///
/// What is not a regular file is written directly, since renaming over it would replace it:
/// `-` (standard output), an existing device, pipe or socket (/dev/stdout, /dev/full, a FIFO),
/// and any path under /dev or /proc. A symbolic link to a regular file is followed: the file it
/// points to is replaced and the link stays. A new file gets the permissions the umask gives
/// (0666 & ~umask); a replaced file keeps its permissions.
///
/// \code
///   io::AtomicFileWriter file("results.json");
///   write_report(file.stream(), report);
///   file.commit();  // throws FileWriteError; the old results.json is then untouched
/// \endcode
class AtomicFileWriter {
 public:
  /// Opens the temporary (or the target itself, written directly). Throws FileWriteError
  /// naming the target if it cannot.
  explicit AtomicFileWriter(const std::filesystem::path& target);
  /// Removes the temporary unless commit() succeeded.
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  /// Where to write the file's text.
  std::ostream& stream();
  /// Makes the written text the target's content (see the class comment). Throws
  /// FileWriteError naming the target and the reason; the temporary is gone either way.
  /// Calling it twice is a logic error.
  void commit();
  /// Gives up: removes the temporary now (the destructor does the same).
  void abandon() noexcept;

  /// The path as given.
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }
  /// True when the target is written directly (standard output, a device, ...), not replaced.
  [[nodiscard]] bool direct() const { return direct_; }
  /// The temporary file's path (empty when direct()); for tests and messages.
  [[nodiscard]] const std::filesystem::path& temporary() const { return temporary_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path destination_;  ///< what is replaced: the target, or the file its link points to
  std::filesystem::path temporary_;
  struct Output;                  ///< the descriptor's stream buffer and stream (atomic_file_writer.cpp)
  std::unique_ptr<Output> output_;
  bool direct_ = false;
  bool to_stdout_ = false;
  bool done_ = false;
};

/// Writes `text` to `target` with an AtomicFileWriter and commits it (throws FileWriteError).
void write_file_atomically(const std::filesystem::path& target, const std::string& text);

}  // namespace parley::io
