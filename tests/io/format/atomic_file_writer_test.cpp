// io::AtomicFileWriter (issue 18: a partial file is never left looking complete): the target
// is replaced only by a complete, committed file; a failure or a writer dropped without commit
// leaves the old file as it was and no temporary beside it; devices are written directly.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "../../support/temp_folder.hpp"
#include "parley/io/format/atomic_file_writer.hpp"

using parley::io::AtomicFileWriter;
using parley::io::FileWriteError;
using parley::testing::entry_count;
using parley::testing::read_text;
using parley::testing::TempFolder;
using parley::testing::write_text;

TEST_CASE("AtomicFileWriter replaces the file only on commit", "[io][atomic]") {
  const TempFolder folder("atomic");
  const auto target = folder / "out.json";
  write_text(target, "old\n");
  {
    AtomicFileWriter file(target);
    CHECK_FALSE(file.direct());
    CHECK(file.temporary().parent_path() == target.parent_path());
    CHECK(file.temporary().filename().string().rfind("out.json.tmp.", 0) == 0);
    file.stream() << "new text\n";
    CHECK(read_text(target) == "old\n");  // not yet
    file.commit();
    CHECK(file.temporary().empty());
  }
  CHECK(read_text(target) == "new text\n");
  CHECK(entry_count(folder.path()) == 1);
}

TEST_CASE("AtomicFileWriter dropped without commit leaves the old file and no temporary", "[io][atomic]") {
  const TempFolder folder("atomic");
  const auto target = folder / "out.csv";
  write_text(target, "old\n");
  {
    AtomicFileWriter file(target);
    file.stream() << "half of a new";
    // An exception or an early return: no commit.
  }
  CHECK(read_text(target) == "old\n");
  CHECK(entry_count(folder.path()) == 1);

  // A new file that is never committed does not appear at all.
  { AtomicFileWriter file(folder / "new.csv"); file.stream() << "x"; }
  CHECK_FALSE(std::filesystem::exists(folder / "new.csv"));
  CHECK(entry_count(folder.path()) == 1);
}

TEST_CASE("AtomicFileWriter: a stream that fails midway is an error naming the file, the old file stays",
          "[io][atomic]") {
  const TempFolder folder("atomic");
  const auto target = folder / "report.txt";
  write_text(target, "old\n");
  AtomicFileWriter file(target);
  file.stream() << "part";
  file.stream().setstate(std::ios::badbit);  // what a failed write leaves
  try {
    file.commit();
    FAIL("commit did not throw");
  } catch (const FileWriteError& e) {
    CHECK_THAT(e.what(), Catch::Contains("could not write all of '" + target.string() + "'"));
  }
  CHECK(read_text(target) == "old\n");
  CHECK(entry_count(folder.path()) == 1);
  CHECK_THROWS_AS(file.commit(), std::logic_error);  // once only
}

TEST_CASE("AtomicFileWriter names the file and the reason when it cannot start", "[io][atomic]") {
  const TempFolder folder("atomic");
  const auto target = folder / "no-such-folder" / "out.json";
  try {
    AtomicFileWriter file(target);
    FAIL("no error");
  } catch (const FileWriteError& e) {
    CHECK_THAT(e.what(), Catch::Contains("'" + target.string() + "'"));
    CHECK_THAT(e.what(), Catch::Contains("No such file or directory"));
  }
  CHECK_FALSE(std::filesystem::exists(target.parent_path()));
}

TEST_CASE("AtomicFileWriter keeps a replaced file's permissions and follows a link to it", "[io][atomic]") {
  const TempFolder folder("atomic");
  const auto real = folder / "real.txt";
  write_text(real, "old\n");
  std::filesystem::permissions(real, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                         std::filesystem::perms::group_read);
  const auto link = folder / "link.txt";
  std::filesystem::create_symlink(real, link);
  {
    AtomicFileWriter file(link);
    file.stream() << "new\n";
    file.commit();
  }
  CHECK(std::filesystem::is_symlink(link));
  CHECK(read_text(real) == "new\n");
  struct stat info {};
  REQUIRE(::stat(real.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

TEST_CASE("AtomicFileWriter writes a device directly, and a full one is an error", "[io][atomic]") {
  if (!std::filesystem::exists("/dev/full")) {
    WARN("no /dev/full on this system: skipped");
    return;
  }
  {
    AtomicFileWriter null_device("/dev/null");
    CHECK(null_device.direct());
    null_device.stream() << "discarded";
    null_device.commit();
  }
  AtomicFileWriter full("/dev/full");
  CHECK(full.direct());
  full.stream() << std::string(100000, 'x');
  try {
    full.commit();
    FAIL("no error");
  } catch (const FileWriteError& e) {
    CHECK_THAT(e.what(), Catch::Contains("could not write all of '/dev/full'"));
    CHECK_THAT(e.what(), Catch::Contains("No space left on device"));
  }
  CHECK(std::filesystem::is_character_file("/dev/full"));
}
