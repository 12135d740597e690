#pragma once
// A test's own folder under the system's temporary folder, removed with the object, and whole
// files read and written as text. The one scratch-folder type of the suite (tests/support/).
#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parley::testing {

/// \brief A fresh, empty folder `parley-<tag>-<pid>-<n>` under the temporary folder.
///
/// The process id and a per-process counter make it unique even when CTest runs test cases of
/// the same binary in parallel or one test makes several; the destructor removes it and
/// everything in it.
class TempFolder {
 public:
  explicit TempFolder(const std::string& tag = "test") {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("parley-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  /// The folder itself.
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// The path of `name` inside the folder.
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  /// The same as a string, for APIs and command lines that take one.
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// The whole file as bytes ("" if it cannot be read).
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Replaces the file's content by `text`.
inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

/// How many names `folder` holds (to see that a writer left no temporary beside its file).
inline std::size_t entry_count(const std::filesystem::path& folder) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++n;
  return n;
}

}  // namespace parley::testing
